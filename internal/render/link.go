package render

import (
	"bytes"
	"fmt"
	"html/template"

	"github.com/licensure/licensure/internal/resolve"
)

// anchor is what a link shows: where it leads, and its text.
type anchor struct{ URL, Title string }

// siteLink writes a link; html/template escapes its URL and text.
var siteLink = template.Must(template.New("link").Parse(`<a href="{{.URL}}">{{.Title}}</a>`))

// link is the template function "link": {{link .State}} writes
// <a href="/states/oh/">Ohio</a>, a link to the record's page named as the
// site names the record. An Item or a Crumb links to its URL, with its
// title. (A source, on another site, is the template "source" of
// templates/partials/record.html.)
//
// A link is the same on every page that shows it, so it is rendered once
// and kept with the partial fragments, by URL and text: a record, its
// index item and a breadcrumb to it share one. Being keyed by what they
// show, links stay valid when the graph changes, and are kept when the
// fragments are dropped; there is at most one per record and page.
func (p *partials) link(record any) (template.HTML, error) {
	var a anchor
	switch v := record.(type) {
	case Item:
		a = anchor{v.URL, v.Title}
	case Crumb:
		a = anchor{v.URL, v.Title}
	default:
		l, isRecord := resolve.LinkTo(record)
		if !isRecord && record != nil {
			return "", fmt.Errorf("link: %T is not a record", record)
		}
		if l.URL == "" {
			return "", nil
		}
		a = anchor{l.URL, l.Title}
		if c, ok := record.(*resolve.Certification); ok {
			a.Title = certTitle(c) // with its acronym
		}
	}
	p.mu.RLock()
	html, ok := p.links[a]
	p.mu.RUnlock()
	if ok {
		return html, nil
	}
	var b bytes.Buffer
	b.Grow(len(a.URL) + len(a.Title) + 32)
	if err := siteLink.Execute(&b, a); err != nil {
		return "", fmt.Errorf("link: %w", err)
	}
	html = template.HTML(b.String()) // produced by html/template, so escaped
	p.mu.Lock()
	p.links[a] = html
	p.mu.Unlock()
	return html, nil
}
