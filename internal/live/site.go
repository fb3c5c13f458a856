package live

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"sync"

	"github.com/licensure/licensure/internal/render"
)

// Site is an immutable snapshot of a built site, keyed by slash-separated
// path such as "licenses/x/index.html". Pages are rendered when first
// requested and then kept; pages the previous snapshot had rendered are
// carried over unless the edit touched a record they show. The files
// derived from the whole graph (search index, data downloads, feeds) are
// likewise made on first request.
type Site struct {
	static map[string][]byte     // static assets, as published
	pages  map[string]*pageEntry // every page, rendered or not
	tmpl   *render.Templates
	extra  func() map[string][]byte // memoized
	// graphMu is held for reading while a page renders, since an update
	// may patch the graph the pages read (Builder.patch).
	graphMu *sync.RWMutex
}

// pageEntry renders its page once, whoever asks first.
type pageEntry struct {
	page render.Page
	mu   sync.Mutex
	data []byte // nil until rendered or carried over
	err  error
}

func (e *pageEntry) render(t *render.Templates) ([]byte, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.data == nil && e.err == nil {
		var buf bytes.Buffer
		if e.err = t.Execute(&buf, e.page); e.err == nil {
			e.data = buf.Bytes()
		}
	}
	return e.data, e.err
}

// set stores data rendered elsewhere, unless the page has been rendered.
func (e *pageEntry) set(data []byte) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.data == nil {
		e.data = data
	}
}

// get returns the page if it has been rendered, or nil.
func (e *pageEntry) get() []byte {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.data
}

// File returns the file at path, rendering it if need be.
func (s *Site) File(path string) ([]byte, bool) {
	b, ok, _ := s.Lookup(path)
	return b, ok
}

// Lookup returns the file at path, or the error that rendering it met.
func (s *Site) Lookup(path string) ([]byte, bool, error) {
	if b, ok := s.static[path]; ok {
		return b, true, nil
	}
	if e, ok := s.pages[path]; ok {
		s.graphMu.RLock()
		b, err := e.render(s.tmpl)
		s.graphMu.RUnlock()
		return b, err == nil, err
	}
	b, ok := s.extra()[path]
	return b, ok, nil
}

// Paths returns every path, sorted.
func (s *Site) Paths() []string {
	var out []string
	for p := range s.static {
		out = append(out, p)
	}
	for p := range s.pages {
		out = append(out, p)
	}
	for p := range s.extra() {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}

// RenderAll renders every page not yet rendered, across the cores; tests
// and the first build use it to find template errors at once.
func (s *Site) RenderAll(ctx context.Context) error {
	todo := make([]render.Page, 0, len(s.pages))
	for _, e := range s.pages {
		todo = append(todo, e.page)
	}
	s.graphMu.RLock()
	defer s.graphMu.RUnlock()
	_, err := render.RenderAll(ctx, s.tmpl, todo, writerFunc(func(name string, data []byte) error {
		s.pages[name].set(slices.Clone(data))
		return nil
	}))
	return err
}

type writerFunc func(string, []byte) error

func (f writerFunc) WriteFile(name string, data []byte) error { return f(name, data) }

// carryOver keeps the pages old had rendered whose dependencies, before
// and after the edit, include no changed key. The dependencies come from
// the graph (render.Deps), and only rendered pages are asked, so the cost
// follows what the editor has looked at, not the size of the site. It
// returns how many pages it kept.
func (s *Site) carryOver(old *Site, keys []string) int {
	changed := map[string]bool{}
	for _, k := range keys {
		kind, _, _ := strings.Cut(k, "/")
		changed[k], changed[render.KindKey(kind)] = true, true
	}
	kept := 0
	for path, prev := range old.pages {
		cur, ok := s.pages[path]
		data := prev.get()
		if !ok || data == nil || touched(prev.page, changed) || touched(cur.page, changed) {
			continue
		}
		cur.set(data)
		kept++
	}
	return kept
}

// touched reports whether a page reads a changed record: a key, or every
// record of a kind that has a changed key.
func touched(p render.Page, changed map[string]bool) bool {
	for _, k := range render.Deps(p) {
		if k == render.Everything || changed[k] {
			return true
		}
	}
	return false
}
