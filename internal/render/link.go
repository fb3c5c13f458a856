package render

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/licensure/licensure/internal/model"
	"github.com/licensure/licensure/internal/resolve"
)

// link is the template function "link": {{link .State}} writes
// <a href="/states/oh/">Ohio</a>, a link to the record's page named as the
// site names the record. One call instead of an href and a text action
// saves html/template four reflective calls per link, and record pages are
// mostly links.
//
// A source ({{link .}} in a range over .Sources) links to its document on
// another site, with rel="noopener"; an Item or a Crumb links to its URL.
// The output is escaped exactly as html/template would escape the same
// element (FuzzLink compares the two).
func link(record any) (template.HTML, error) {
	switch v := record.(type) {
	case model.Source:
		return anchor(string(v.URL), v.Title, ` rel="noopener"`), nil
	case Item:
		return anchor(v.URL, v.Title, ""), nil
	case Crumb:
		return anchor(v.URL, v.Title, ""), nil
	}
	l, isRecord := resolve.LinkTo(record)
	if !isRecord && record != nil {
		return "", fmt.Errorf("link: %T is not a record", record)
	}
	if l.URL == "" {
		return "", nil
	}
	if c, ok := record.(*resolve.Certification); ok {
		l.Title = certTitle(c) // with its acronym
	}
	return anchor(l.URL, l.Title, ""), nil
}

func anchor(href, text, attrs string) template.HTML {
	var b strings.Builder
	b.Grow(len(href) + len(text) + len(attrs) + 16)
	b.WriteString(`<a href="`)
	escapeURL(&b, href)
	b.WriteString(`"`)
	b.WriteString(attrs)
	b.WriteString(`>`)
	escapeText(&b, text)
	b.WriteString(`</a>`)
	return template.HTML(b.String())
}
