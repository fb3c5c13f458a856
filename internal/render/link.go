package render

import (
	"bytes"
	"fmt"
	"html/template"

	"github.com/licensure/licensure/internal/model"
	"github.com/licensure/licensure/internal/resolve"
)

// anchor is what a link shows: where it leads, and its text.
type anchor struct{ URL, Title string }

// The link templates; html/template escapes the URL and the text.
var (
	siteLink     = template.Must(template.New("link").Parse(`<a href="{{.URL}}">{{.Title}}</a>`))
	externalLink = template.Must(template.New("source").Parse(`<a href="{{.URL}}" rel="noopener">{{.Title}}</a>`))
)

// link is the template function "link": {{link .State}} writes
// <a href="/states/oh/">Ohio</a>, a link to the record's page named as the
// site names the record. An Item or a Crumb links to its URL, with its
// title.
//
// A link within the site is the same on every page that shows it, so it
// is rendered once per build and cached with the partial fragments, by
// URL and text: a record, its index item and a breadcrumb to it share
// one. A source ({{link .}} in a range over .Sources) links to its
// document on another site, with rel="noopener"; it appears on the page
// of the record that cites it, so it is rendered each time.
func (p *partials) link(record any) (template.HTML, error) {
	var a anchor
	switch v := record.(type) {
	case model.Source:
		return execute(externalLink, anchor{string(v.URL), v.Title})
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
	key := partialKey{"link", a}
	if html, ok := p.get(key); ok {
		return html, nil
	}
	html, err := execute(siteLink, a)
	if err == nil {
		p.put(key, html)
	}
	return html, err
}

func execute(t *template.Template, a anchor) (template.HTML, error) {
	var b bytes.Buffer
	if err := t.Execute(&b, a); err != nil {
		return "", fmt.Errorf("link: %w", err)
	}
	return template.HTML(b.String()), nil // produced by html/template, so escaped
}
