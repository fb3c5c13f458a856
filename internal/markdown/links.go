package markdown

import (
	"net/url"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/licensure/licensure/internal/model"
)

// linkTransformer rewrites link destinations, as the package doc says.
type linkTransformer struct {
	resolve Resolver
}

func (t *linkTransformer) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	var images []*ast.Image
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			n.Destination = t.destination(n, n.Destination)
		case *ast.AutoLink:
			if isExternal(string(n.URL(reader.Source()))) {
				n.SetAttributeString("rel", []byte("noopener"))
			}
		case *ast.Image:
			images = append(images, n)
		}
		return ast.WalkContinue, nil
	})
	for _, img := range images {
		replaceImage(img)
	}
}

// destination returns the rewritten destination of a link, setting rel on
// links to other sites.
func (t *linkTransformer) destination(n ast.Node, dest []byte) []byte {
	d := strings.TrimSpace(string(dest))
	scheme, rest, hasScheme := strings.Cut(d, ":")
	if hasScheme && !strings.ContainsAny(scheme, "/?#") {
		if kind, ok := model.KindNamed(scheme); ok && kind.Singular == scheme {
			if u, ok := t.resolve(scheme, rest); ok {
				return []byte(u)
			}
			return nil
		}
		switch strings.ToLower(scheme) {
		case "http", "https":
			n.SetAttributeString("rel", []byte("noopener"))
			return []byte(d)
		case "mailto":
			return []byte(d)
		}
		return nil // javascript:, data: and every other scheme
	}
	if isExternal(d) {
		n.SetAttributeString("rel", []byte("noopener"))
	}
	return []byte(d)
}

// isExternal reports whether a URL leaves the site, including
// protocol-relative URLs such as //example.com.
func isExternal(u string) bool {
	p, err := url.Parse(u)
	return err != nil || p.Host != "" || strings.HasPrefix(u, "//")
}

// replaceImage turns an image into a link to it, with its alt text, so that
// pages load no image from elsewhere and no hostile data: URL.
func replaceImage(img *ast.Image) {
	link := ast.NewLink()
	link.Destination = img.Destination
	link.Title = img.Title
	if isExternal(string(img.Destination)) {
		link.SetAttributeString("rel", []byte("noopener"))
	}
	if d := string(img.Destination); strings.Contains(d, ":") && !strings.HasPrefix(strings.ToLower(d), "http") {
		link.Destination = nil
	}
	for c := img.FirstChild(); c != nil; {
		next := c.NextSibling()
		link.AppendChild(link, c)
		c = next
	}
	img.Parent().ReplaceChild(img.Parent(), img, link)
}
