package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/licensure/licensure/internal/build"
	"github.com/licensure/licensure/internal/model"
	"github.com/licensure/licensure/internal/output"
)

// siteFlags are the flags build and check share.
type siteFlags struct {
	root, content string
	quiet         bool
	maxAge        int
}

func (s *siteFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&s.root, "root", ".", "site root holding content/, templates/ and static/")
	fs.StringVar(&s.content, "content", "", "content folder (default ROOT/content)")
	fs.BoolVar(&s.quiet, "quiet", false, "do not print the summary line")
	fs.IntVar(&s.maxAge, "max-age", 12, "warn about records reviewed more than this many months ago")
}

func runBuild(ctx context.Context, e *env, args []string) (err error) {
	var s siteFlags
	var out, baseURL, format string
	var prof profiles
	fs := newFlags(e, "build", "[flags]", "Validate the content and, if it has no errors, write the site to the output\nfolder, replacing it whole. A build with errors writes nothing.")
	s.register(fs)
	fs.StringVar(&out, "out", "", "output folder (default ROOT/public)")
	fs.StringVar(&baseURL, "base-url", "", "published address, overriding site.yaml (for deploy previews)")
	fs.StringVar(&format, "format", "text", "diagnostics format: text or github")
	prof.register(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := checkFormat(fs, format); err != nil {
		return err
	}
	if err := checkOut(fs, s, out); err != nil {
		return err
	}
	stop, err := prof.start()
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, stop()) }()
	limitMemory()
	opts := build.Dirs(s.root, s.content, out)
	opts.BaseURL = baseURL
	opts.Check.MaxAge = s.maxAge
	p := newProgress(e.stderr)
	if p != nil && !s.quiet {
		opts.Progress = p.report
	}
	res, berr := build.Build(ctx, opts)
	if p != nil {
		p.clear()
	}
	if errors.Is(berr, output.ErrNotOurs) {
		fmt.Fprintf(fs.Output(), "%s build: %v\n", programName, berr)
		return errUsage
	}
	return report(e, res, berr, format, s.quiet, true)
}

// checkOut refuses, as a usage error, an output folder that a build must
// not replace: one of the site's inputs, a folder holding them, the root
// of the file system, the home folder, or a folder this tool did not
// build.
func checkOut(fs *flag.FlagSet, s siteFlags, out string) error {
	if out == "" {
		out = filepath.Join(s.root, "public")
	}
	content := s.content
	if content == "" {
		content = filepath.Join(s.root, "content")
	}
	inputs := map[string]string{"content": content, "templates": filepath.Join(s.root, "templates"), "static": filepath.Join(s.root, "static")}
	err := output.Guard(out, s.root, inputs)
	if err == nil {
		err = output.Owned(out)
	}
	if err != nil {
		fmt.Fprintf(fs.Output(), "%s build: --out %s %v\n", programName, out, err)
		return errUsage
	}
	return nil
}

func runCheck(_ context.Context, e *env, args []string) error {
	var s siteFlags
	var format string
	fs := newFlags(e, "check", "[flags]", "Validate the content and print every problem, one a line, as\nFILE:LINE:COL: message. Writes nothing.")
	s.register(fs)
	fs.StringVar(&format, "format", "text", "diagnostics format: text, or github for pull-request annotations")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := checkFormat(fs, format); err != nil {
		return err
	}
	opts := build.Dirs(s.root, s.content, "")
	opts.Check.MaxAge = s.maxAge
	_, res := build.Validate(opts)
	var err error
	if res.Diags.Errors() > 0 {
		err = build.ErrContent
	}
	return report(e, res, err, format, s.quiet, false)
}

func checkFormat(fs *flag.FlagSet, format string) error {
	if format != "text" && format != "github" {
		fmt.Fprintf(fs.Output(), "%s %s: -format must be text or github, not %q\n", programName, fs.Name(), format)
		return errUsage
	}
	return nil
}

// report prints the diagnostics, then why the run failed if no
// diagnostic says so, then the summary line, and turns a failure into an
// exit status.
func report(e *env, res *build.Result, err error, format string, quiet, building bool) error {
	diagnosed := errors.Is(err, build.ErrContent) || errors.Is(err, build.ErrTemplate)
	if res == nil {
		return err
	}
	if perr := res.Diags.Print(e.stderr, format); perr != nil {
		return perr
	}
	if err != nil && !diagnosed {
		printFailure(e, err, format)
	}
	if !quiet {
		fmt.Fprintln(e.stderr, summary(res, building, err, diagnosed))
	}
	if err != nil {
		return errReported
	}
	return nil
}

// printFailure prints an error no diagnostic holds (a full disk, a broken
// link), as an annotation under --format github.
func printFailure(e *env, err error, format string) {
	if format == "github" {
		fmt.Fprintln(e.stderr, "::error::"+strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(err.Error()))
		return
	}
	fmt.Fprintf(e.stderr, "%s: %v\n", programName, err)
}

// summary is the one line that ends build and check. A failed build
// says so, and counts among its errors the failure no diagnostic holds.
func summary(res *build.Result, building bool, err error, diagnosed bool) string {
	var parts []string
	for _, k := range model.Kinds {
		parts = append(parts, fmt.Sprintf("%d %s", res.Counts[k.Name], k.Name))
	}
	parts = append(parts, fmt.Sprintf("%d pages", res.Counts["pages"]))
	line := "records: " + join(parts)
	switch {
	case building && err != nil:
		line += "; build failed, nothing written"
	case building:
		line += fmt.Sprintf("; %d files written", res.Pages)
	}
	errs := res.Diags.Errors()
	if err != nil && !diagnosed {
		errs++
	}
	return fmt.Sprintf("%s; %d errors, %d warnings; %s", line, errs, res.Diags.Warnings(), res.Duration.Round(time.Millisecond))
}
