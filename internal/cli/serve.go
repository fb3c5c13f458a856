package cli

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/licensure/licensure/internal/build"
	"github.com/licensure/licensure/internal/serve"
)

func runServe(ctx context.Context, e *env, args []string) error {
	var root, addr string
	var public bool
	fs := newFlags(e, "serve", "[flags]", "Build the site in memory, serve it, and rebuild the pages an edit affects\nafter every save under content/, templates/ or static/. Open browser tabs\nreload by themselves; content errors show over the page.")
	fs.StringVar(&root, "root", ".", "site root holding content/, templates/ and static/")
	fs.StringVar(&addr, "addr", "127.0.0.1:8080", "address to serve on")
	fs.BoolVar(&public, "public", false, "allow an address that is not on loopback")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := serve.CheckAddr(addr, public); err != nil {
		fmt.Fprintf(fs.Output(), "%s serve: %v\n", programName, err)
		return errUsage
	}
	root, err := filepath.Abs(root)
	if err != nil {
		return err
	}
	opts := build.Dirs(root, "", "")
	opts.BaseURL = "http://" + addr
	srv, err := serve.New(ctx, opts, e.stderr)
	if err != nil {
		return err
	}
	return srv.ListenAndServe(ctx, addr, root, public)
}
