package render

import (
	"bytes"
	"fmt"
	"html/template"
	"reflect"

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
// per build and kept with the partial fragments, by its URL and title, and
// a record's also by the record, which spares looking them up. A license
// is linked from its state, specialty, board, certification, occupation
// and compare pages, so its link is kept too: at 100,000 licenses that is
// about 15 MB, against rendering each link five times or more.
func (p *partials) link(record any) (template.HTML, error) {
	switch v := record.(type) {
	case nil:
		return "", nil
	case Item: // most are on one page: kept only if a record's link is
		return p.anchorOf(anchor{v.URL, v.Title})
	case Crumb: // few, each on many pages
		return p.anchor(anchor{v.URL, v.Title})
	case *resolve.License:
		if v == nil {
			return "", nil
		}
	}
	if !reflect.TypeOf(record).Comparable() { // not a pointer, so not a record
		return "", fmt.Errorf("link: %T is not a record", record)
	}
	p.mu.RLock()
	html, ok := p.links[record]
	p.mu.RUnlock()
	if ok {
		return html, nil
	}
	l, isRecord := resolve.LinkTo(record)
	if !isRecord {
		return "", fmt.Errorf("link: %T is not a record", record)
	}
	a := anchor{l.URL, l.Title}
	if c, ok := record.(*resolve.Certification); ok && c != nil {
		a.Title = certTitle(c) // with its acronym
	}
	if a.URL != "" {
		var err error
		if html, err = p.anchor(a); err != nil { // shared with the record's index item
			return "", err
		}
	}
	p.mu.Lock()
	p.links[record] = html
	p.mu.Unlock()
	return html, nil
}

// anchorOf is the link of an Item: a record's kept link when there is one,
// else rendered and not kept, since most items appear on one page.
func (p *partials) anchorOf(a anchor) (template.HTML, error) {
	if html, ok := p.keptAnchor(a); ok {
		return html, nil
	}
	return execute(a)
}

// anchor is the link of a, rendered once and kept.
func (p *partials) anchor(a anchor) (template.HTML, error) {
	if html, ok := p.keptAnchor(a); ok {
		return html, nil
	}
	html, err := execute(a)
	if err != nil {
		return "", err
	}
	p.mu.Lock()
	p.anchors[a] = html
	p.mu.Unlock()
	return html, nil
}

func (p *partials) keptAnchor(a anchor) (template.HTML, bool) {
	p.mu.RLock()
	defer p.mu.RUnlock()
	html, ok := p.anchors[a]
	return html, ok
}

func execute(a anchor) (template.HTML, error) {
	var b bytes.Buffer
	b.Grow(len(a.URL) + len(a.Title) + 32)
	if err := siteLink.Execute(&b, a); err != nil {
		return "", fmt.Errorf("link: %w", err)
	}
	return template.HTML(b.String()), nil // produced by html/template, so escaped
}
