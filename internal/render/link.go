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
	path, label, err := pathAndLabel(record)
	if err != nil || path == "" {
		return "", err
	}
	return anchor(path, label, ""), nil
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

// pathAndLabel returns a record's page and name; a nil record has neither.
func pathAndLabel(record any) (path, label string, err error) {
	switch r := record.(type) {
	case *resolve.License:
		if r != nil {
			return r.Path, r.Title, nil
		}
	case *resolve.Board:
		if r != nil {
			return r.Path, r.Name, nil
		}
	case *resolve.Certification:
		if r != nil {
			return r.Path, certTitle(r), nil
		}
	case *resolve.Issuer:
		if r != nil {
			return r.Path, r.Name, nil
		}
	case *resolve.Specialty:
		if r != nil {
			return r.Path, r.Name, nil
		}
	case *resolve.Family:
		if r != nil {
			return r.Path, r.Name, nil
		}
	case *resolve.Occupation:
		if r != nil {
			return r.Path, r.Title, nil
		}
	case *resolve.State:
		if r != nil {
			return r.Path, r.Name, nil
		}
	case *resolve.Page:
		if r != nil {
			return r.Path, r.Title, nil
		}
	case nil:
	default:
		return "", "", fmt.Errorf("link: %T is not a record", record)
	}
	return "", "", nil
}
