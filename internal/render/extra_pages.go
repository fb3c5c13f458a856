package render

import (
	"slices"

	"github.com/licensure/licensure/internal/opendata"
	"github.com/licensure/licensure/internal/resolve"
	"github.com/licensure/licensure/internal/search"
)

// SearchPage is /search/. Without JavaScript it lists every record, grouped
// as the search index groups them; search.js filters that list as the
// reader types, matching each link to its index entry by URL.
type SearchPage struct {
	*Data
	Groups []SearchGroup
	Total  int // records listed
}

// SearchGroup is one kind of record on the search page.
type SearchGroup struct {
	Kind  string // a search.Kinds name, used for the section's id
	Title string
	Items []Item
}

// DataPage is /data/: the downloads and what their fields mean.
type DataPage struct {
	*Data
	Downloads  []opendata.Download
	Columns    []opendata.Column  // of licenses.csv and licenses.json
	Dictionary []opendata.KindDoc // every field of every kind, for all.json
	MatrixPath string             // the matrix page, or "" when it is not built
	Licenses   int
	States     int // jurisdictions with at least one license
}

// MatrixPage is /matrix/: every state against every specialty.
type MatrixPage struct {
	*Data
	Matrix opendata.Matrix
}

// matrixEnabled reports whether the matrix template is registered in
// Kinds; until it is, the page is left out rather than failing the build.
func matrixEnabled() bool { return slices.Contains(Kinds, "matrix") }

// extraPages adds the search, open-data and matrix pages.
func (p *pager) extraPages() {
	g := p.g

	sm := resolve.Meta{Path: "/search/"}
	p.add(sm, "search", func() any { return p.searchPage(sm) })
	dm := resolve.Meta{Path: "/data/"}
	mm := resolve.Meta{Path: "/matrix/"}
	if matrixEnabled() {
		p.add(mm, "matrix", func() any {
			return &MatrixPage{Data: p.base(mm, "States and specialties", "Which states and territories license each specialty, with every license, in one table."), Matrix: opendata.BuildMatrix(g)}
		})
	} else {
		mm.Path = ""
	}
	p.add(dm, "data", func() any { return p.dataPage(dm, mm.Path) })
}

func (p *pager) searchPage(sm resolve.Meta) *SearchPage {
	sp := &SearchPage{Data: p.base(sm, "Search", "Search every license, board, certification and state on the site, or browse them all.")}
	entries := search.Entries(p.g)
	for _, k := range search.Kinds {
		grp := SearchGroup{Kind: k.Name, Title: k.Plural}
		for _, e := range entries {
			if e.Kind == k.Name {
				grp.Items = append(grp.Items, Item{URL: e.URL, Title: e.Title, Detail: e.Detail})
			}
		}
		if len(grp.Items) > 0 {
			sp.Groups = append(sp.Groups, grp)
			sp.Total += len(grp.Items)
		}
	}
	return sp
}

func (p *pager) dataPage(dm resolve.Meta, matrixPath string) *DataPage {
	g := p.g
	dp := &DataPage{
		Data:      p.base(dm, "Open data", "Every record of the site as CSV and JSON downloads, with a dictionary of their fields."),
		Downloads: opendata.Downloads, Columns: opendata.LicenseColumns, Dictionary: opendata.Dictionary(),
		Licenses: len(g.Licenses),
	}
	for _, s := range g.States {
		if len(s.Licenses) > 0 {
			dp.States++
		}
	}
	dp.MatrixPath = matrixPath
	return dp
}
