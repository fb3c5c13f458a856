// Package markdown renders the site's Markdown prose: CommonMark with
// GitHub tables, strikethrough and autolinks, heading IDs, and fenced code
// highlighted by chroma with CSS classes. Raw HTML is dropped, never passed
// through.
//
// Links are rewritten as the AST is transformed, before anything is
// written, by one policy (Policy) for every form a link takes: inline and
// reference links, images, autolinks and bare URLs, with HTML entities
// decoded first. A record link such as [the board](board:ID) becomes the
// record's page; a link to another site gets rel="noopener"; a link with
// any scheme but http, https or mailto loses its destination, and such an
// autolink becomes plain text. Images become plain links, so that a page
// never loads anything from elsewhere.
//
// Fenced code is highlighted only in languages whose lexers take linear
// time, and only up to MaxHighlight bytes; other code is written plain.
// Package load bounds the size of what reaches the renderer.
package markdown

import (
	"bufio"
	"bytes"
	"io"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// Resolver finds the page of a record named in a record link, such as kind
// "board" and id "oh-state-medical-board".
type Resolver func(kind, id string) (url string, ok bool)

// Renderer converts Markdown to HTML. It is safe for concurrent use.
type Renderer struct {
	resolve Resolver
	md      goldmark.Markdown
	// lean is md without the extensions for tables and bare URLs, for a
	// text that holds nothing either could match (see needsFull): a
	// fifth of the time of most prose, with the same output (FuzzLean).
	lean goldmark.Markdown
}

// New returns a renderer whose record links resolve through resolve.
func New(resolve Resolver) *Renderer {
	return &Renderer{
		resolve: resolve,
		md:      newGoldmark(resolve, extension.Table, extension.Strikethrough, extension.Linkify),
		lean:    newGoldmark(resolve, extension.Strikethrough),
	}
}

func newGoldmark(resolve Resolver, ext ...goldmark.Extender) goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(ext...),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithASTTransformers(util.Prioritized(&linkTransformer{resolve: resolve}, 100)),
		),
		goldmark.WithRendererOptions(
			html.WithXHTML(),
			renderer.WithNodeRenderers(util.Prioritized(codeRenderer{}, 100)),
		),
	)
}

// needsFull reports whether src holds what only the table and linkify
// extensions read: a "|" (a table's cells), the start of a bare URL or
// e-mail address ("http", "ftp:", "www.", "@"), which linkify matches
// case-sensitively, or a space or tab that ends a line, which linkify, triggered
// by spaces, keeps before a hard line break.
func needsFull(src string) bool {
	return strings.ContainsAny(src, "|@") || strings.Contains(src, "http") ||
		strings.Contains(src, "ftp:") || strings.Contains(src, "www.") ||
		strings.Contains(src, " \n") || strings.Contains(src, " \r") || strings.Contains(src, "\t\n") ||
		strings.Contains(src, "\t\r") || strings.HasSuffix(src, " ") || strings.HasSuffix(src, "\t")
}

func (r *Renderer) pick(src string) goldmark.Markdown {
	if needsFull(src) {
		return r.md
	}
	return r.lean
}

// Render writes the HTML of src to w.
func (r *Renderer) Render(w io.Writer, src string) error {
	if html, ok := r.prose(src); ok {
		_, err := io.WriteString(w, html)
		return err
	}
	return r.pick(src).Convert([]byte(src), w)
}

// String returns the HTML of src.
func (r *Renderer) String(src string) (string, error) {
	if html, ok := r.prose(src); ok {
		return html, nil
	}
	s := scratches.Get().(*scratch)
	defer scratches.Put(s)
	s.buf.Reset()
	s.w.Reset(&s.buf)
	err := r.pick(src).Convert([]byte(src), s.w)
	if ferr := s.w.Flush(); err == nil {
		err = ferr
	}
	return s.buf.String(), err
}

// scratch is the buffer String renders into. goldmark wraps any writer
// that is not buffered in a new 4 KB bufio.Writer, which was most of the
// memory a page's Markdown allocated; a pooled one is reused instead.
type scratch struct {
	buf bytes.Buffer
	w   *bufio.Writer
}

var scratches = sync.Pool{New: func() any {
	s := &scratch{}
	s.w = bufio.NewWriter(&s.buf)
	return s
}}
