package render

import "github.com/licensure/licensure/internal/resolve"

// extraPages adds the search and open-data pages.
func (p *pager) extraPages() {
	for _, kind := range []string{"search", "data"} {
		m := resolve.Meta{Path: "/" + kind + "/"}
		b := p.base(m, map[string]string{"search": "Search", "data": "Open data"}[kind], "")
		p.add(m, kind, &b)
	}
}
