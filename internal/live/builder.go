// Package live keeps a site in memory and brings it up to date after an
// edit, for the preview server.
//
// A Builder remembers the loaded content, the last site and its graph.
// After an edit to one record file it reloads that file alone and checks
// the whole content again (cheap: records are in memory). An edited license
// that keeps its links and its place in the order of licenses is swapped
// into the graph in place (patch.go); otherwise the graph is resolved
// again, while check runs. Any other change (site settings, states, pages,
// templates, static files, a file added or removed) reloads everything. Each update yields a new immutable
// Site in which pages are rendered on first request. The pages the
// previous site had rendered are carried over unless they read a record
// the edit changed (render.Deps says which records a page reads), so an
// update renders nothing up front and afterwards only what the editor
// looks at and the edit affected.
//
// The previous Site stays valid, so a server keeps serving it while an
// update runs or when it fails. An updated site gives byte-for-byte the
// files a full build of the same content gives.
package live

import (
	"context"
	"fmt"
	"log"
	"path"
	"reflect"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/licensure/licensure/internal/build"
	"github.com/licensure/licensure/internal/check"
	"github.com/licensure/licensure/internal/diag"
	"github.com/licensure/licensure/internal/load"
	"github.com/licensure/licensure/internal/model"
	"github.com/licensure/licensure/internal/render"
	"github.com/licensure/licensure/internal/resolve"
)

// Builder builds a site in memory and updates it after edits. It is not
// safe for concurrent use: one goroutine drives it.
type Builder struct {
	opts    build.Options
	content *load.Content
	loadErr map[string][]diag.Diagnostic // structural problems by file
	theme   *build.Theme
	site    *Site // the last good site

	graph *resolve.Graph // the last good site's graph
	pages []render.Page  // and its pages
	// stale is set when content was reloaded but failed check, so that
	// the graph no longer tells what the content holds.
	stale bool
	// graphMu guards the graph against patch while its sites render.
	graphMu *sync.RWMutex
}

// Result reports one build or update.
type Result struct {
	Site     *Site      // the new site; nil when the content has errors
	Diags    *diag.List // every problem, as check prints them
	Kept     int        // rendered pages carried over from the previous site
	Patched  bool       // the graph was patched in place, not resolved again
	Duration time.Duration
}

// New returns a builder for the site that opts describe.
func New(opts build.Options) *Builder { return &Builder{opts: opts, graphMu: &sync.RWMutex{}} }

// Site returns the last good site, or nil before the first one.
func (b *Builder) Site() *Site { return b.site }

// Full loads everything and renders every page.
func (b *Builder) Full(ctx context.Context) (*Result, error) {
	start := time.Now()
	content, diags := load.Load(b.opts.Content, "content/")
	b.content = content
	b.loadErr = byFile(diags)
	return b.finish(ctx, start, nil, true)
}

// Update brings the site up to date after the files named by changed
// (slash-separated paths relative to the site root, such as
// "content/licenses/x.yaml" or "templates/base.html") were edited, added
// or removed.
func (b *Builder) Update(ctx context.Context, changed []string) (*Result, error) {
	start := time.Now()
	if b.content == nil || b.site == nil {
		return b.Full(ctx)
	}
	themeChanged := slices.ContainsFunc(changed, func(p string) bool { return !strings.HasPrefix(p, "content/") })
	old := b.content
	if keys, recs, ok := b.reloadRecords(changed); ok && !themeChanged {
		if b.patchable(recs) {
			return b.patch(start, keys, recs)
		}
		return b.finish(ctx, start, keys, false)
	}
	content, diags := load.Load(b.opts.Content, "content/")
	b.content, b.loadErr = content, byFile(diags)
	keys, all := changedKeys(old, content)
	return b.finish(ctx, start, keys, all || themeChanged)
}

// reloadRecords reloads edited record files one by one. It reports false
// when a change needs a full reload: a file that is not an existing
// record, or a record that no longer decodes.
func (b *Builder) reloadRecords(changed []string) ([]string, []*load.Record, bool) {
	var keys []string
	var recs []*load.Record
	for _, p := range changed {
		kind, name, ok := recordFile(p)
		if !ok {
			return nil, nil, false
		}
		i := slices.IndexFunc(b.content.Records[kind.Name], func(r *load.Record) bool { return r.ID+".yaml" == name })
		if i < 0 {
			return nil, nil, false
		}
		rec, diags := load.LoadRecord(b.opts.Content, "content/", kind, name)
		if rec == nil {
			return nil, nil, false
		}
		b.loadErr[rec.File] = diags.Items()
		b.content.Records[kind.Name][i] = rec
		keys = append(keys, kind.Name+"/"+rec.ID)
		recs = append(recs, rec)
	}
	return keys, recs, true
}

// recordFile splits content/<kind>/<name>.yaml.
func recordFile(p string) (model.Kind, string, bool) {
	dir, name := path.Split(strings.TrimPrefix(p, "content/"))
	kind, ok := model.KindNamed(strings.TrimSuffix(dir, "/"))
	return kind, name, ok && kind.Name == strings.TrimSuffix(dir, "/") && strings.HasSuffix(name, ".yaml")
}

// finish checks the content and renders what changed. The graph and its
// page list are built while check runs, on the chance that the content is
// valid, as it is after most edits; they are thrown away when it is not.
func (b *Builder) finish(ctx context.Context, start time.Time, keys []string, all bool) (*Result, error) {
	diags := b.loadDiags()
	spec := make(chan speculation, 1)
	go func() { spec <- speculate(b.content, b.opts.BaseURL) }()
	check.Check(b.content, b.opts.Check, diags)
	s := <-spec
	res := &Result{Diags: diags}
	defer func() { res.Duration = time.Since(start) }()
	b.stale = true
	if diags.Errors() > 0 {
		return res, build.ErrContent
	}
	if s.err != nil {
		return res, s.err
	}
	site, kept, err := b.snapshot(s.graph, s.pages, keys, all)
	if err != nil {
		return res, err
	}
	b.graph, b.pages, b.stale = s.graph, s.pages, false
	res.Site, res.Kept = site, kept
	return res, nil
}

// loadDiags lists the problems found while loading.
func (b *Builder) loadDiags() *diag.List {
	diags := &diag.List{}
	for _, ds := range b.loadErr {
		for _, d := range ds {
			diags.Add(d)
		}
	}
	return diags
}

// speculation is a graph built before its content was known to be valid.
type speculation struct {
	graph *resolve.Graph
	pages []render.Page
	err   error // a panic of resolve on valid content would be a bug
}

// speculate resolves c, with the base URL overridden when baseURL is set,
// and lists its pages. resolve expects checked content and may panic on
// content with errors; that panic is caught and only reported if check
// finds no error.
func speculate(c *load.Content, baseURL string) (s speculation) {
	defer func() {
		if v := recover(); v != nil {
			s = speculation{err: fmt.Errorf("resolve: %v", v)}
		}
	}()
	if baseURL != "" {
		copied := *c
		copied.Site.BaseURL = model.URL(baseURL)
		c = &copied
	}
	g := resolve.Resolve(c)
	return speculation{graph: g, pages: render.Pages(g)}
}

func byFile(l *diag.List) map[string][]diag.Diagnostic {
	m := map[string][]diag.Diagnostic{}
	for _, d := range l.Items() {
		m[d.File] = append(m[d.File], d)
	}
	return m
}

// changedKeys compares two loads record by record. It reports all when
// something every page reads changed: site settings, states or pages.
func changedKeys(old, cur *load.Content) (keys []string, all bool) {
	if !reflect.DeepEqual(old.Site, cur.Site) || !reflect.DeepEqual(old.States, cur.States) || !samePages(old.Pages, cur.Pages) {
		return nil, true
	}
	for _, k := range model.Kinds {
		before := map[string]*load.Record{}
		for _, r := range old.Records[k.Name] {
			before[r.ID] = r
		}
		for _, r := range cur.Records[k.Name] {
			if prev, ok := before[r.ID]; !ok || !reflect.DeepEqual(prev.Value, r.Value) {
				keys = append(keys, k.Name+"/"+r.ID)
			}
			delete(before, r.ID)
		}
		for id := range before {
			keys = append(keys, k.Name+"/"+id)
		}
	}
	return keys, false
}

func samePages(a, b []*load.Page) bool {
	return slices.EqualFunc(a, b, func(x, y *load.Page) bool {
		return x.ID == y.ID && x.Meta == y.Meta && x.Body == y.Body
	})
}

// snapshot makes the site of graph g: every page listed, none rendered
// but those carried over from the previous site that the changed keys do
// not touch. all drops them all, as after a change to the theme.
func (b *Builder) snapshot(g *resolve.Graph, pages []render.Page, keys []string, all bool) (*Site, int, error) {
	if all || b.theme == nil {
		theme, err := build.LoadTheme(b.opts)
		if err != nil {
			return nil, 0, err
		}
		b.theme = theme
	}
	b.graphMu.Lock()
	b.theme.Templates.Reset()
	b.graphMu.Unlock()
	return b.newSite(g, pages, keys, all)
}

// newSite lists the pages of graph g in a new site and carries over those
// the previous site had rendered that the changed keys do not touch.
func (b *Builder) newSite(g *resolve.Graph, pages []render.Page, keys []string, all bool) (*Site, int, error) {
	site := &Site{static: map[string][]byte{}, pages: make(map[string]*pageEntry, len(pages)), tmpl: b.theme.Templates, graphMu: b.graphMu}
	site.extra = lazyExtras(g, pages, b.graphMu)
	for _, f := range b.theme.Static {
		site.static[f.Path] = f.Data
	}
	for _, p := range pages {
		site.pages[p.Path] = &pageEntry{page: p}
	}
	kept := 0
	if !all && b.site != nil {
		kept = site.carryOver(b.site, keys)
	}
	b.site = site
	return site, kept, nil
}

// lazyExtras makes the files derived from the whole graph on first use.
// They cannot fail on content that passed check; if they do, the site
// serves without them and the log says why.
func lazyExtras(g *resolve.Graph, pages []render.Page, mu *sync.RWMutex) func() map[string][]byte {
	return sync.OnceValue(func() map[string][]byte {
		mu.RLock()
		defer mu.RUnlock()
		files := map[string][]byte{}
		extra, err := build.ExtraFiles(g, pages)
		if err != nil {
			log.Printf("licensure: %v", err)
		}
		for _, f := range extra {
			files[f.Path] = f.Data
		}
		return files
	})
}
