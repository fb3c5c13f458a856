// Command licensure builds the licensure site. See the README for the
// commands; everything but argument handling lives in internal/cli.
package main

import (
	"context"
	"os"
	"os/signal"

	"github.com/licensure/licensure/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := cli.Run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
