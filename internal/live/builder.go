// Package live keeps a site built in memory and brings it up to date after
// an edit, re-rendering only the pages the edit affects.
//
// A Builder remembers the loaded content, the resolved graph, and for
// every record the pages that read it (render.Deps). After an edit to one
// record file it reloads that file alone, checks the whole content again
// (cheap: records are in memory), resolves the graph, and renders the
// pages that depend on the record before or after the edit. Any other
// change (site settings, states, pages, templates, static files, a file
// added or removed) reloads everything, but still renders only the pages
// whose records changed unless the theme did.
//
// Every update yields a new immutable Site; the previous one stays valid,
// so a server can keep serving it while an update runs or when it fails.
// An incremental update gives byte-for-byte the files a full build gives.
package live

import (
	"context"
	"path"
	"reflect"
	"slices"
	"strings"
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
	graph   *resolve.Graph
	theme   *build.Theme
	pages   map[string][]string // dependency key -> paths of pages reading it
	paths   map[string]bool     // every page path of the last good build
	site    *Site
}

// Result reports one build or update.
type Result struct {
	Site     *Site      // the new site; nil when the content has errors
	Diags    *diag.List // every problem, as check prints them
	Rendered int        // pages rendered by this update
	Duration time.Duration
}

// New returns a builder for the site that opts describe.
func New(opts build.Options) *Builder { return &Builder{opts: opts} }

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
	if keys, ok := b.reloadRecords(changed); ok && !themeChanged {
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
func (b *Builder) reloadRecords(changed []string) ([]string, bool) {
	var keys []string
	for _, p := range changed {
		kind, name, ok := recordFile(p)
		if !ok {
			return nil, false
		}
		i := slices.IndexFunc(b.content.Records[kind.Name], func(r *load.Record) bool { return r.ID+".yaml" == name })
		if i < 0 {
			return nil, false
		}
		rec, diags := load.LoadRecord(b.opts.Content, "content/", kind, name)
		if rec == nil {
			return nil, false
		}
		b.loadErr[rec.File] = diags.Items()
		b.content.Records[kind.Name][i] = rec
		keys = append(keys, kind.Name+"/"+rec.ID)
	}
	return keys, true
}

// recordFile splits content/<kind>/<name>.yaml.
func recordFile(p string) (model.Kind, string, bool) {
	dir, name := path.Split(strings.TrimPrefix(p, "content/"))
	kind, ok := model.KindNamed(strings.TrimSuffix(dir, "/"))
	return kind, name, ok && kind.Name == strings.TrimSuffix(dir, "/") && strings.HasSuffix(name, ".yaml")
}

// finish checks the content and renders what changed.
func (b *Builder) finish(ctx context.Context, start time.Time, keys []string, all bool) (*Result, error) {
	diags := &diag.List{}
	for _, ds := range b.loadErr {
		for _, d := range ds {
			diags.Add(d)
		}
	}
	check.Check(b.content, b.opts.Check, diags)
	res := &Result{Diags: diags}
	defer func() { res.Duration = time.Since(start) }()
	if diags.Errors() > 0 {
		return res, build.ErrContent
	}
	if b.opts.BaseURL != "" {
		b.content.Site.BaseURL = model.URL(b.opts.BaseURL)
	}
	g := resolve.Resolve(b.content)
	site, n, err := b.render(ctx, g, keys, all || b.theme == nil)
	if err != nil {
		return res, err
	}
	res.Site, res.Rendered = site, n
	return res, nil
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

// render renders the pages that depend on the changed keys, or every page
// when all is set, on top of the previous site.
func (b *Builder) render(ctx context.Context, g *resolve.Graph, keys []string, all bool) (*Site, int, error) {
	if all {
		theme, err := build.LoadTheme(b.opts)
		if err != nil {
			return nil, 0, err
		}
		b.theme = theme
	}
	pages := render.Pages(g, b.theme.Assets())
	index, paths := dependents(pages)
	w := newMemWriter(nil)
	todo := pages
	if all {
		for _, f := range b.theme.Static {
			_ = w.WriteFile(f.Path, f.Data)
		}
	} else {
		w = newMemWriter(b.site.files)
		for p := range b.paths {
			if !paths[p] {
				delete(w.files, p)
			}
		}
		todo = b.affected(pages, keys, index)
	}
	n, err := render.RenderAll(ctx, b.theme.Templates, todo, w)
	if err != nil {
		return nil, n, err
	}
	if err := writeExtras(g, pages, w); err != nil {
		return nil, n, err
	}
	b.graph, b.pages, b.paths, b.site = g, index, paths, w.site()
	return b.site, n, nil
}

// dependents indexes pages by the keys they depend on.
func dependents(pages []render.Page) (map[string][]string, map[string]bool) {
	index := map[string][]string{}
	paths := make(map[string]bool, len(pages))
	for _, p := range pages {
		paths[p.Path] = true
		for _, k := range render.Deps(p) {
			index[k] = append(index[k], p.Path)
		}
	}
	return index, paths
}

// affected lists the pages to render after keys changed: those that read
// one of them before or after the change, and pages that are new.
func (b *Builder) affected(pages []render.Page, keys []string, index map[string][]string) []render.Page {
	want := map[string]bool{}
	mark := func(idx map[string][]string, k string) {
		for _, p := range idx[k] {
			want[p] = true
		}
	}
	for _, k := range append(keys, render.Everything) {
		kind, _, _ := strings.Cut(k, "/")
		for _, idx := range []map[string][]string{b.pages, index} {
			mark(idx, k)
			mark(idx, render.KindKey(kind))
		}
	}
	var todo []render.Page
	for _, p := range pages {
		if want[p.Path] || !b.paths[p.Path] {
			todo = append(todo, p)
		}
	}
	return todo
}

func writeExtras(g *resolve.Graph, pages []render.Page, w *memWriter) error {
	extra, err := build.ExtraFiles(g, pages)
	if err != nil {
		return err
	}
	for _, f := range extra {
		_ = w.WriteFile(f.Path, f.Data)
	}
	return nil
}
