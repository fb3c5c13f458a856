package markdown

import (
	"html"
	"net/url"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/licensure/licensure/internal/model"
)

// linkTransformer rewrites link destinations, as the package doc says.
// Every form a destination can take goes through one policy (Policy):
// inline and reference links, images, autolinks and bare URLs, each with
// its HTML entities decoded first.
type linkTransformer struct {
	resolve Resolver
}

func (t *linkTransformer) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	var images []*ast.Image
	var autos []*ast.AutoLink
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			n.Destination = t.destination(n, n.Destination)
		case *ast.AutoLink:
			autos = append(autos, n)
		case *ast.Image:
			images = append(images, n)
		}
		return ast.WalkContinue, nil
	})
	for _, img := range images {
		link := replaceImage(img)
		link.Destination = t.destination(link, link.Destination)
	}
	for _, a := range autos {
		t.autoLink(a, reader.Source())
	}
}

// LinkKind is what Policy makes of a link destination.
type LinkKind int

// The kinds of link destinations.
const (
	Refused  LinkKind = iota // any other scheme: the link loses its destination
	External                 // http, https or mailto
	Local                    // a site path or a relative link
	Record                   // kind:ID, with the kind a record kind's singular
)

// Policy sorts a link destination, with its HTML entities already
// decoded: which of the kinds above it is, and for a record link the
// kind's singular and the ID. Check and the renderer both use it, so that
// the build never meets a link check has not judged.
func Policy(dest string) (what LinkKind, kind, id string) {
	d := strings.TrimSpace(dest)
	scheme, rest, hasScheme := strings.Cut(d, ":")
	if !hasScheme || strings.ContainsAny(scheme, "/?#") {
		return Local, "", ""
	}
	if k, ok := model.KindNamed(scheme); ok && k.Singular == scheme {
		return Record, scheme, rest
	}
	switch strings.ToLower(scheme) {
	case "http", "https", "mailto":
		return External, "", ""
	}
	return Refused, "", ""
}

// destination returns the rewritten destination of a link, setting rel on
// links to other sites. The result is entity-escaped again, so that the
// HTML renderer, which decodes entities, writes exactly what was decided.
func (t *linkTransformer) destination(n ast.Node, dest []byte) []byte {
	d := strings.TrimSpace(html.UnescapeString(string(dest)))
	switch what, kind, id := Policy(d); what {
	case Record:
		if !plainID(id) {
			return nil
		}
		u, ok := t.resolve(kind, id)
		if !ok {
			return nil
		}
		return []byte(u)
	case Refused:
		return nil // javascript:, data: and every other scheme
	}
	if isExternal(d) {
		n.SetAttributeString("rel", []byte("noopener"))
	}
	return []byte(strings.ReplaceAll(d, "&", "&amp;"))
}

// plainID reports whether id can be a record's ID: letters, digits, dots
// and hyphens, starting with a letter or digit, with no "..".
func plainID(id string) bool {
	if id == "" || strings.Contains(id, "..") || id[0] == '.' || id[0] == '-' {
		return false
	}
	for _, c := range id {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.') {
			return false
		}
	}
	return true
}

// autoLink applies the policy to an autolink or a bare URL: a record link
// becomes a link to the record's page, an external one gets rel, and any
// other becomes plain text.
func (t *linkTransformer) autoLink(a *ast.AutoLink, src []byte) {
	if a.AutoLinkType == ast.AutoLinkEmail {
		return
	}
	label := a.Label(src)
	what, _, _ := Policy(string(a.URL(src)))
	switch what {
	case External:
		if isExternal(string(a.URL(src))) {
			a.SetAttributeString("rel", []byte("noopener"))
		}
		return
	case Record:
		link := ast.NewLink()
		link.Destination = t.destination(link, a.URL(src))
		link.AppendChild(link, ast.NewString(label))
		a.Parent().ReplaceChild(a.Parent(), a, link)
		return
	}
	a.Parent().ReplaceChild(a.Parent(), a, ast.NewString(label))
}

// isExternal reports whether a URL leaves the site, including
// protocol-relative URLs such as //example.com.
func isExternal(u string) bool {
	p, err := url.Parse(u)
	return err != nil || p.Host != "" || strings.HasPrefix(u, "//")
}

// replaceImage turns an image into a link to it, with its alt text, so that
// pages load no image from elsewhere and no hostile data: URL; the link's
// destination then goes through the policy as any link's does.
func replaceImage(img *ast.Image) *ast.Link {
	link := ast.NewLink()
	link.Destination = img.Destination
	link.Title = img.Title
	for c := img.FirstChild(); c != nil; {
		next := c.NextSibling()
		link.AppendChild(link, c)
		c = next
	}
	img.Parent().ReplaceChild(img.Parent(), img, link)
	return link
}
