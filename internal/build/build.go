// Package build runs the pipeline: load and check the content, resolve the
// graph, render every page and write the site atomically. Check stops after
// validation; Build goes on only when the content has no errors, so a site
// with errors never replaces the last good one.
package build

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"time"

	"github.com/licensure/licensure/internal/check"
	"github.com/licensure/licensure/internal/diag"
	"github.com/licensure/licensure/internal/linkcheck"
	"github.com/licensure/licensure/internal/load"
	"github.com/licensure/licensure/internal/model"
	"github.com/licensure/licensure/internal/output"
	"github.com/licensure/licensure/internal/render"
	"github.com/licensure/licensure/internal/resolve"
	"github.com/licensure/licensure/internal/safefs"
)

// ErrContent means the content has errors; the diagnostics say which.
var ErrContent = errors.New("content has errors")

// ErrTemplate means a template failed to parse or to render a page; a
// diagnostic at the template's file, line and column says where.
var ErrTemplate = errors.New("a template has errors")

// Options say where a site's parts are.
type Options struct {
	Content   fs.FS  // the content folder
	Templates fs.FS  // the templates folder
	Static    fs.FS  // the static folder
	Out       string // the output folder to replace
	BaseURL   string // overrides site.yaml's base_url when set
	Check     check.Options
	// Fault, when set, makes writing a file fail; tests use it to
	// simulate a full disk.
	Fault func(path string) error
	// Progress, when set, hears which stage the build is in and, while
	// rendering, how many of the pages are written.
	Progress func(stage string, done, total int)
}

func (o *Options) progress(stage string, done, total int) {
	if o.Progress != nil {
		o.Progress(stage, done, total)
	}
}

// Dirs returns options reading the usual folders of a site root, through
// package safefs: regular files only, no symbolic links.
func Dirs(root, content, out string) Options {
	if content == "" {
		content = filepath.Join(root, "content")
	}
	if out == "" {
		out = filepath.Join(root, "public")
	}
	return Options{
		Content:   safefs.Dir(content),
		Templates: safefs.Dir(filepath.Join(root, "templates")),
		Static:    safefs.Dir(filepath.Join(root, "static")),
		Out:       out,
		Check:     check.Options{Today: time.Now()},
	}
}

// Result reports what a run found and did.
type Result struct {
	Diags    *diag.List
	Counts   map[string]int // records by kind, and "pages" for content pages
	Pages    int            // files written, when building
	Duration time.Duration
}

// Validate loads and checks the content, without rendering.
func Validate(opts Options) (*load.Content, *Result) {
	start := time.Now()
	opts.progress("loading", 0, 0)
	content, diags := load.Load(opts.Content, "content/")
	check.Check(content, opts.Check, diags)
	res := &Result{Diags: diags, Counts: map[string]int{}}
	for _, k := range model.Kinds {
		res.Counts[k.Name] = len(content.Records[k.Name])
	}
	res.Counts["pages"] = len(content.Pages)
	res.Duration = time.Since(start)
	return content, res
}

// Build validates the content and, when it has no errors, writes the site.
func Build(ctx context.Context, opts Options) (*Result, error) {
	start := time.Now()
	content, res := Validate(opts)
	defer func() { res.Duration = time.Since(start) }()
	if res.Diags.Errors() > 0 {
		return res, ErrContent
	}
	if opts.BaseURL != "" {
		content.Site.BaseURL = model.URL(opts.BaseURL)
	}
	opts.progress("resolving", 0, 0)
	g := resolve.Resolve(content)
	n, err := write(ctx, g, opts)
	res.Pages = n
	if d, ok := render.TemplateDiagnostic(opts.Templates, err); ok {
		res.Diags.Add(d)
		return res, ErrTemplate
	}
	return res, err
}

// Theme is what a site's look is made of: its static files, their
// published URLs and the parsed templates.
type Theme struct {
	Static    []render.StaticFile
	URLs      map[string]string // original static path -> published URL
	Templates *render.Templates
}

// LoadTheme reads the static folder and parses the templates.
func LoadTheme(opts Options) (*Theme, error) {
	static, urls, err := render.LoadStatic(opts.Static)
	if err != nil {
		return nil, err
	}
	tmpl, err := render.ParseTemplates(opts.Templates, render.NewMarkdown(), urls)
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	return &Theme{Static: static, URLs: urls, Templates: tmpl}, nil
}

// ExtraFiles returns the files besides pages and static assets, for the
// graph and the pages rendered from it.
func ExtraFiles(g *resolve.Graph, pages []render.Page) ([]render.StaticFile, error) {
	return extraFiles(g, pages)
}

// write renders the graph into a temporary folder and swaps it in.
func write(ctx context.Context, g *resolve.Graph, opts Options) (int, error) {
	theme, err := LoadTheme(opts)
	if err != nil {
		return 0, err
	}
	dir, err := output.Create(opts.Out)
	if err != nil {
		return 0, err
	}
	// Every file written first checks for cancellation, so that a build
	// stops within a file, not only between pages, when interrupted.
	dir.InjectFault(func(p string) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if opts.Fault != nil {
			return opts.Fault(p)
		}
		return nil
	})
	// Every file goes through the link collector as it is written, so the
	// links are checked without reading the site back.
	links := linkcheck.NewCollector(linkcheck.Options{BaseURL: string(g.Site.BaseURL)})
	n, err := writeAll(ctx, links.Tee(dir), g, theme, &opts)
	if err == nil {
		err = ctx.Err()
	}
	if err == nil {
		err = checkLinks(links.Check())
	}
	if err != nil {
		return n, errors.Join(err, dir.Abort())
	}
	return n + 1, dir.Commit() // and the output's marker
}

// checkLinks fails the build when an internal link or #anchor of the
// written site does not resolve, naming the page and the link.
func checkLinks(probs []linkcheck.Problem) error {
	if len(probs) == 0 {
		return nil
	}
	msgs := make([]string, 0, min(len(probs), 20))
	for _, p := range probs[:cap(msgs)] {
		msgs = append(msgs, p.String())
	}
	return fmt.Errorf("%d broken links:\n%s", len(probs), strings.Join(msgs, "\n"))
}

func writeAll(ctx context.Context, w FileWriter, g *resolve.Graph, theme *Theme, opts *Options) (int, error) {
	for _, f := range theme.Static {
		if err := w.WriteFile(f.Path, f.Data); err != nil {
			return 0, err
		}
	}
	pages := render.Pages(g)
	// The extra files need only the page list, so they are written while
	// the pages render: the cores stay busy through the end of both.
	var extra int
	var extraErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		extra, extraErr = WriteExtraFiles(w, g, pages)
	}()
	n, err := render.RenderAll(ctx, theme.Templates, pages, counting(w, len(pages), opts))
	<-done
	if err = errors.Join(err, extraErr); err != nil {
		return n, err
	}
	return n + len(theme.Static) + extra, nil
}
