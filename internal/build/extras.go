package build

import (
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"io"
	"runtime"
	"slices"
	"sync"

	"github.com/licensure/licensure/internal/feed"
	"github.com/licensure/licensure/internal/netlify"
	"github.com/licensure/licensure/internal/opendata"
	"github.com/licensure/licensure/internal/par"
	"github.com/licensure/licensure/internal/render"
	"github.com/licensure/licensure/internal/resolve"
	"github.com/licensure/licensure/internal/search"
)

// searchSplitAbove is the size of the search index, in bytes before
// compression, above which it is split into one file per kind, so that a
// whole index stays under 50 KB gzipped (checkSearchSize in the tests).
const searchSplitAbove = 240 << 10

// feedEntries is how many recently reviewed records the feed lists.
const feedEntries = 30

// FileWriter takes the files of a site. *output.Dir is one, and so is
// package live's in-memory site. WriteFile must not keep data once it
// returns: WriteExtraFiles reuses it.
type FileWriter interface {
	WriteFile(name string, data []byte) error
}

// fileCreator is a FileWriter that can also stream a file: Create opens
// the file at the site path name, the caller writes it and closes it, and
// the file counts as written once Close returns nil. When the writer has
// Create, the large extra files (open data, the search index, the sitemap)
// are written in pieces, never held whole in memory.
type fileCreator interface {
	FileWriter
	Create(name string) (io.WriteCloser, error)
}

// WriteExtraFiles writes the files besides pages and static assets to w:
// data downloads, the search index, the sitemap (split with
// an index above feed.MaxSitemapURLs pages), robots.txt, the feed and
// Netlify settings. It returns how many files it wrote. The files are
// independent, so it writes several at once, up to GOMAXPROCS: w must be
// safe for concurrent use. With a writer that cannot Create, each large
// file is built in a buffer (one per file being written) and handed to
// WriteFile.
func WriteExtraFiles(w FileWriter, g *resolve.Graph, rendered []render.Page) (int, error) {
	tasks := []func(e *emitter) error{
		func(e *emitter) error {
			_, err := search.Write(search.Build(g), search.Options{Dir: "search", SplitAbove: searchSplitAbove}, e.emit)
			return err
		},
	}
	for _, d := range opendata.Downloads {
		task := func(e *emitter) error { return opendata.WriteOne(g, d, e.emit) }
		if d.Path == "/data/all.json" { // the longest first, then the search index
			tasks = slices.Insert(tasks, 0, task)
		} else {
			tasks = append(tasks, task)
		}
	}
	tasks = append(tasks,
		func(e *emitter) error { return opendata.WriteSpecialties(g, e.emit) },
		func(e *emitter) error { return writeSitemap(e, g, rendered) },
		func(e *emitter) error { return writeSmall(e, g, rendered) },
	)
	return run(w, tasks)
}

// run runs tasks on up to GOMAXPROCS goroutines, each with its emitter,
// and returns the files they wrote and the error of the first task, in
// order, that failed. Once a task fails, tasks not yet started are
// skipped.
func run(w FileWriter, tasks []func(e *emitter) error) (int, error) {
	var mu sync.Mutex
	var emitters []*emitter
	newState := func() *emitter {
		e := newEmitter(w)
		mu.Lock()
		emitters = append(emitters, e)
		mu.Unlock()
		return e
	}
	err := par.ForEach(len(tasks), runtime.GOMAXPROCS(0), newState, func(e *emitter, t int) error {
		return tasks[t](e)
	})
	n := 0
	for _, e := range emitters {
		n += e.n
	}
	return n, err
}

// listed reports whether a page is published at its URL, for the sitemap
// and as a redirect's target: every HTML page the build renders, bar the
// 404 page.
func listed(p render.Page) bool { return p.URL != "" && p.Path != "404.html" }

// writeSitemap writes the sitemap and robots.txt.
func writeSitemap(e *emitter, g *resolve.Graph, rendered []render.Page) error {
	pages := make([]feed.Page, 0, len(rendered))
	for _, p := range rendered {
		if listed(p) {
			pages = append(pages, feed.Page{Path: p.URL, Modified: p.Reviewed})
		}
	}
	slices.SortFunc(pages, func(a, b feed.Page) int { return cmp.Compare(a.Path, b.Path) })
	base := string(g.Site.BaseURL)
	if _, err := feed.Sitemaps(base, "sitemap.xml", pages, e.emit); err != nil {
		return err
	}
	return e.write("robots.txt", feed.Robots(base, "/sitemap.xml"))
}

// writeSmall writes the feed and the Netlify settings. The JSON Schemas
// are static files: static/schema, which the repository keeps current.
func writeSmall(e *emitter, g *resolve.Graph, rendered []render.Page) error {
	atom, err := feed.Atom(g.Site, "/feed.xml", feed.Recent(g, feedEntries))
	if err != nil {
		return err
	}
	if err := e.write("feed.xml", atom); err != nil {
		return err
	}

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
		return err
	}
	if err := e.write("_headers", headers); err != nil {
		return err
	}

	published := make([]string, 0, len(rendered))
	for _, p := range rendered {
		if listed(p) {
			published = append(published, p.URL)
		}
	}
	redirects, err := netlify.Redirects(netlify.Aliases(g), published)
	if err != nil {
		return err
	}
	return e.write("_redirects", redirects)
}

func newEmitter(w FileWriter) *emitter {
	e := &emitter{w: w}
	if c, ok := w.(fileCreator); ok {
		e.c, e.bw = c, bufio.NewWriterSize(nil, 64<<10)
	}
	return e
}

// emitter writes files to a FileWriter, streaming them when it can, and
// counts them. One goroutine uses it at a time.
type emitter struct {
	w   FileWriter
	c   fileCreator   // w, when it can stream
	bw  *bufio.Writer // reused for each streamed file
	buf bytes.Buffer  // reused for each file built whole
	n   int
}

// emit writes the file name, whose bytes fill writes to the writer it is
// given: straight to the file through a buffer when the writer can Create,
// else into one buffer handed to WriteFile.
func (e *emitter) emit(name string, fill func(io.Writer) error) error {
	if e.c == nil {
		e.buf.Reset()
		if err := fill(&e.buf); err != nil {
			return err
		}
		return e.write(name, e.buf.Bytes())
	}
	f, err := e.c.Create(name)
	if err != nil {
		return err
	}
	e.bw.Reset(f)
	err = fill(e.bw)
	if err == nil {
		err = e.bw.Flush()
	}
	e.bw.Reset(nil)
	if err = errors.Join(err, f.Close()); err != nil {
		return err
	}
	e.n++
	return nil
}

// write writes a file built whole.
func (e *emitter) write(name string, data []byte) error {
	if err := e.w.WriteFile(name, data); err != nil {
		return err
	}
	e.n++
	return nil
}

// memFiles collects files in memory, for extraFiles: files built whole
// are copied, and streamed files are kept in the buffer they were
// written to. It is safe for concurrent use.
type memFiles struct {
	mu    sync.Mutex
	files []render.StaticFile
}

func (m *memFiles) WriteFile(name string, data []byte) error {
	m.add(name, bytes.Clone(data))
	return nil
}

func (m *memFiles) Create(name string) (io.WriteCloser, error) {
	return &memFile{m: m, name: name}, nil
}

func (m *memFiles) add(name string, data []byte) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files = append(m.files, render.StaticFile{Path: name, Data: data})
}

// memFile is a file of memFiles being written.
type memFile struct {
	bytes.Buffer
	m    *memFiles
	name string
}

func (f *memFile) Close() error {
	f.m.add(f.name, f.Bytes())
	return nil
}

// extraFiles returns the files WriteExtraFiles writes, in memory and
// sorted by path.
func extraFiles(g *resolve.Graph, rendered []render.Page) ([]render.StaticFile, error) {
	var files memFiles
	if _, err := WriteExtraFiles(&files, g, rendered); err != nil {
		return nil, err
	}
	slices.SortFunc(files.files, func(a, b render.StaticFile) int { return cmp.Compare(a.Path, b.Path) })
	return files.files, nil
}
