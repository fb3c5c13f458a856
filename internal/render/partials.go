package render

import (
	"bytes"
	"fmt"
	"html/template"
	"sync"
)

// partials renders shared fragments once and reuses them: a license's row
// appears in the tables of its state, specialty, family, occupation and
// certification pages, the site header is the same on every page, and so
// is a link to a record (link.go).
// A fragment is cached by its template name and the value it is given: a
// pointer to a record, or a small comparable value such as a date or a
// certification's role, so it must depend on nothing else.
type partials struct {
	tmpl    *template.Template // set once the templates are parsed
	mu      sync.RWMutex
	cache   map[partialKey]template.HTML
	links   map[any]template.HTML    // a record's link by the record (see link)
	anchors map[anchor]template.HTML // an Item's or a Crumb's link
}

type partialKey struct {
	name string
	data any // a pointer or another comparable value
}

// render is the template function "partial": {{partial "license-row" .}}.
func (p *partials) render(name string, data any) (template.HTML, error) {
	key := partialKey{name, data}
	if html, ok := p.get(key); ok {
		return html, nil
	}
	var b bytes.Buffer
	if err := p.tmpl.ExecuteTemplate(&b, name, data); err != nil {
		return "", fmt.Errorf("partial %s: %w", name, err)
	}
	html := template.HTML(b.String()) // produced by html/template, so escaped
	p.put(key, html)
	return html, nil
}

func (p *partials) get(key partialKey) (template.HTML, bool) {
	p.mu.RLock()
	html, ok := p.cache[key]
	p.mu.RUnlock()
	return html, ok
}

func (p *partials) put(key partialKey, html template.HTML) {
	p.mu.Lock()
	p.cache[key] = html
	p.mu.Unlock()
}

// reset drops everything cached, for a build of a new graph.
func (p *partials) reset() {
	p.mu.Lock()
	p.cache = map[partialKey]template.HTML{}
	p.links = map[any]template.HTML{}
	p.anchors = map[anchor]template.HTML{}
	p.mu.Unlock()
}

// dropFragments drops the cached fragments but keeps the links, which
// are few (one per record) and used on the pages that follow.
func (p *partials) dropFragments() {
	p.mu.Lock()
	p.cache = map[partialKey]template.HTML{}
	p.mu.Unlock()
}
