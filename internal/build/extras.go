package build

import (
	"cmp"
	"slices"

	"github.com/licensure/licensure/internal/feed"
	"github.com/licensure/licensure/internal/jsonschema"
	"github.com/licensure/licensure/internal/netlify"
	"github.com/licensure/licensure/internal/opendata"
	"github.com/licensure/licensure/internal/render"
	"github.com/licensure/licensure/internal/resolve"
	"github.com/licensure/licensure/internal/search"
)

// searchSplitAbove is the size of the search index, in bytes before
// compression, above which it is split into one file per kind. The index
// compresses about fivefold, so a whole index stays under 50 KB gzipped.
const searchSplitAbove = 240 << 10

// feedEntries is how many recently reviewed records the feed lists.
const feedEntries = 30

// extraFiles returns the files besides pages and static assets: data
// downloads, the search index, feeds and Netlify settings, sorted by path.
func extraFiles(g *resolve.Graph, rendered []render.Page) ([]render.StaticFile, error) {
	var files []render.StaticFile
	add := func(path string, data []byte) {
		files = append(files, render.StaticFile{Path: path, Data: data})
	}

	index, err := search.Files(search.Entries(g), search.Options{Dir: "search", SplitAbove: searchSplitAbove})
	if err != nil {
		return nil, err
	}
	for _, f := range index {
		add(f.Path, f.Data)
	}

	data, err := opendata.Files(g)
	if err != nil {
		return nil, err
	}
	for _, f := range data {
		add(f.Path, f.Data)
	}
	// The JSON Schemas each content file names in its first line.
	for name, data := range jsonschema.All() {
		add("schema/"+name, data)
	}

	// The sitemap lists the HTML pages the build renders, bar the 404 page.
	var pages []feed.Page
	var published []string
	for _, p := range rendered {
		if p.Path == "404.html" {
			continue
		}
		pages = append(pages, feed.Page{Path: p.URL, Modified: p.Reviewed})
		published = append(published, p.URL)
	}
	slices.SortFunc(pages, func(a, b feed.Page) int { return cmp.Compare(a.Path, b.Path) })
	base := string(g.Site.BaseURL)
	sitemap, err := feed.Sitemap(base, pages)
	if err != nil {
		return nil, err
	}
	add("sitemap.xml", sitemap)
	add("robots.txt", feed.Robots(base, "/sitemap.xml"))

	atom, err := feed.Atom(g.Site, "/feed.xml", feed.Recent(g, feedEntries))
	if err != nil {
		return nil, err
	}
	add("feed.xml", atom)

	// Open data may be read from other sites' pages; CSV and the feed get
	// their exact media type.
	cors := []netlify.Header{{Name: "Access-Control-Allow-Origin", Value: "*"}}
	rules := []netlify.Rule{{Path: "/data/*", Headers: cors}, {Path: "/schema/*", Headers: cors}}
	for _, d := range opendata.Downloads {
		if d.Format == "CSV" {
			rules = append(rules, netlify.Rule{Path: d.Path, Headers: []netlify.Header{{Name: "Content-Type", Value: "text/csv; charset=utf-8"}}})
		}
	}
	rules = append(rules, netlify.Rule{Path: "/feed.xml", Headers: []netlify.Header{{Name: "Content-Type", Value: "application/atom+xml; charset=utf-8"}}})
	// render.LoadStatic fingerprints every .css and .js file, and static/
	// keeps only those under css/ and js/.
	headers, err := netlify.Headers(netlify.SiteRules([]string{"/css/*", "/js/*"}, rules...))
	if err != nil {
		return nil, err
	}
	add("_headers", headers)

	redirects, err := netlify.Redirects(netlify.Aliases(g), published)
	if err != nil {
		return nil, err
	}
	add("_redirects", redirects)

	slices.SortFunc(files, func(a, b render.StaticFile) int { return cmp.Compare(a.Path, b.Path) })
	return files, nil
}
