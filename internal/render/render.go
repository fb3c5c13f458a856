// Package render turns a resolved graph into HTML pages through the
// html/template files of templates/, in parallel, and hands each page to a
// writer as soon as it is rendered, so that memory is bounded by the graph
// and not by the site.
//
// Templates are parsed once, by New: templates/base.html holds the layout,
// templates/partials/*.html the shared parts, and templates/<kind>.html one
// page kind each. Every page template sees a Data (data.go).
// Output is deterministic: pages are listed in a stable order and each is
// rendered independently of the others.
package render

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"runtime"
	"sync/atomic"

	"github.com/licensure/licensure/internal/markdown"
	"github.com/licensure/licensure/internal/model"
	"github.com/licensure/licensure/internal/par"
	"github.com/licensure/licensure/internal/resolve"
)

// Writer receives rendered files; it must be safe for concurrent use.
type Writer interface {
	WriteFile(name string, data []byte) error
}

// Kinds lists the page templates, one file each in templates/.
var Kinds = []string{"home", "license", "board", "certification", "issuer", "specialty", "family", "occupation", "state", "index", "page", "404", "search", "data", "maintainers", "matrix", "schema", "compare", "compact", "move"}

// Templates holds the parsed templates of every page kind.
type Templates struct {
	byKind   map[string]*template.Template
	partials *partials
}

// ParseTemplates parses the templates folder once, for the graph's Markdown
// resolver and the static assets' fingerprinted URLs.
func ParseTemplates(tfs fs.FS, md *markdown.Renderer, assets map[string]string) (*Templates, error) {
	if err := checkTemplates(tfs); err != nil {
		return nil, err
	}
	shared := &partials{}
	shared.reset()
	base, err := parseFiles(template.New("base.html").Funcs(funcs(md, assets, shared)), tfs, "base.html")
	if err != nil {
		return nil, err
	}
	if files, _ := fs.Glob(tfs, "partials/*.html"); len(files) > 0 {
		if base, err = parseFiles(base, tfs, files...); err != nil {
			return nil, err
		}
	}
	if shared.tmpl, err = base.Clone(); err != nil {
		return nil, err
	}
	t := &Templates{byKind: map[string]*template.Template{}, partials: shared}
	for _, kind := range Kinds {
		clone, err := base.Clone()
		if err != nil {
			return nil, err
		}
		if t.byKind[kind], err = parseFiles(clone, tfs, kind+".html"); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// MaxPageSize is the largest page a template may render, with room to
// spare above the largest page of a site of 100,000 licenses
// (docs/performance.md).
const MaxPageSize = 64 << 20

// errPageTooLarge stops a template whose page outgrows MaxPageSize.
var errPageTooLarge = fmt.Errorf("page is over the limit of %d bytes (%d MiB)", MaxPageSize, MaxPageSize>>20)

// capped is a buffer that refuses to grow past MaxPageSize.
type capped struct{ buf *bytes.Buffer }

func (c capped) Write(p []byte) (int, error) {
	if c.buf.Len()+len(p) > MaxPageSize {
		return 0, errPageTooLarge
	}
	return c.buf.Write(p)
}

// Execute renders one page into buf, failing once it is larger than
// MaxPageSize.
func (t *Templates) Execute(buf *bytes.Buffer, p Page) error {
	tmpl, ok := t.byKind[p.Template]
	if !ok {
		return fmt.Errorf("render %s: no template %q", p.Path, p.Template)
	}
	if err := tmpl.ExecuteTemplate(capped{buf}, "base.html", p.Data()); err != nil {
		if errors.Is(err, errPageTooLarge) {
			err = errPageTooLarge
		}
		return fmt.Errorf("render %s: %w", p.Path, err)
	}
	return nil
}

// Reset forgets the fragments cached for the previous graph; call it
// before rendering the pages of a new one.
func (t *Templates) Reset() { t.partials.reset() }

// RenderAll renders pages across the cores and writes each as soon as it is
// done. It stops at the first error or when ctx is cancelled, and returns
// the number of pages written.
//
// The pages with tables of licenses (specialty, family and occupation
// pages) go first; then the fragments they shared are dropped, so that the
// license rows, one per license, are not held while the much more numerous
// record pages render, which use none of them. The pages that list whole
// kinds (home, indexes, search, matrix) come next: they are the largest,
// and one of them started last would leave the other cores idle.
func RenderAll(ctx context.Context, t *Templates, pages []Page, w Writer) (int, error) {
	var tables, lists, records []Page
	for _, p := range pages {
		switch {
		case tableKinds[p.Template]:
			tables = append(tables, p)
		case p.record == nil || p.Template == "index":
			lists = append(lists, p)
		default:
			records = append(records, p)
		}
	}
	n, err := renderAll(ctx, t, tables, w)
	if err != nil {
		return n, err
	}
	t.partials.dropFragments()
	m, err := renderAll(ctx, t, append(lists, records...), w)
	return n + m, err
}

// tableKinds are the page kinds whose templates show license tables.
var tableKinds = map[string]bool{"specialty": true, "family": true, "occupation": true}

func renderAll(ctx context.Context, t *Templates, pages []Page, w Writer) (int, error) {
	var written atomic.Int64
	err := par.ForEach(len(pages), runtime.GOMAXPROCS(0), newBuffer, func(buf *bytes.Buffer, i int) error {
		if ctx.Err() != nil {
			return context.Cause(ctx)
		}
		buf.Reset()
		if err := t.Execute(buf, pages[i]); err != nil {
			return err
		}
		if err := w.WriteFile(pages[i].Path, buf.Bytes()); err != nil {
			return err
		}
		if buf.Cap() > maxKeptBuffer {
			*buf = bytes.Buffer{} // do not hold a list of every record's size for the pages that follow
		}
		written.Add(1)
		return nil
	})
	return int(written.Load()), err
}

func newBuffer() *bytes.Buffer { return new(bytes.Buffer) }

// maxKeptBuffer is the largest buffer a worker keeps for its next page. A
// page that lists every record of a kind can be tens of megabytes at scale,
// while most pages are a few kilobytes.
const maxKeptBuffer = 1 << 20

// NewMarkdown returns the site's Markdown renderer. A record link becomes
// the page of the record it names; check has made sure the record exists,
// so the renderer needs no graph and templates parsed once serve every
// rebuild.
func NewMarkdown() *markdown.Renderer {
	return markdown.New(func(kind, id string) (string, bool) {
		k, ok := model.KindNamed(kind)
		if !ok {
			return "", false
		}
		return resolve.URLFor(k.Name, id), true
	})
}
