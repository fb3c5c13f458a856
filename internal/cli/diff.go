package cli

import (
	"context"
	"fmt"
	"os"

	"github.com/licensure/licensure/internal/sitediff"
)

func runDiff(_ context.Context, e *env, args []string) error {
	var baseURL string
	fs := newFlags(e, "diff", "[flags] OLD_DIR NEW_DIR", "List the pages added, removed and changed between two builds, as Markdown\nready to paste into a pull-request review.")
	fs.StringVar(&baseURL, "base-url", "", "link each added or changed page to this address (a deploy preview)")
	dirs, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(dirs) != 2 {
		fmt.Fprintf(e.stderr, "%s diff: want two folders, OLD_DIR and NEW_DIR, got %d argument(s)\n", programName, len(dirs))
		return errUsage
	}
	for _, dir := range dirs {
		if info, err := os.Stat(dir); err != nil || !info.IsDir() {
			return fmt.Errorf("diff: %s is not a folder", dir)
		}
	}
	d, err := sitediff.Compare(os.DirFS(dirs[0]), os.DirFS(dirs[1]))
	if err != nil {
		return err
	}
	return d.Markdown(e.stdout, baseURL)
}
