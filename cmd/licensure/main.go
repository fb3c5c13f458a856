// Command licensure builds the licensure site. See the README for the
// commands; everything but argument handling lives in internal/cli.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/licensure/licensure/internal/cli"
)

func main() {
	// SIGTERM, which CI cancellation and timeout send, stops a build as
	// Ctrl-C does: the previous site stays and the temporary folder goes.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
