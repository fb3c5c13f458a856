package live

import (
	"slices"
	"time"

	"github.com/licensure/licensure/internal/build"
	"github.com/licensure/licensure/internal/check"
	"github.com/licensure/licensure/internal/load"
	"github.com/licensure/licensure/internal/model"
	"github.com/licensure/licensure/internal/render"
)

// patchable reports whether reloaded records can be applied to the
// current graph in place: each is a license that makes the same references
// with the same roles and keeps its place in the order of licenses
// (resolve.Graph.Replaceable), as after most edits of a license's facts,
// prose or title, and the graph is in step with the content.
func (b *Builder) patchable(recs []*load.Record) bool {
	if b.graph == nil || b.stale || len(recs) == 0 {
		return false
	}
	for _, r := range recs {
		v, ok := r.Value.(*model.License)
		if !ok || r.Kind.Name != "licenses" {
			return false
		}
		if !b.graph.Replaceable(r.ID, v) {
			return false
		}
	}
	return true
}

// patch checks the content and, when it has no errors, swaps the edited
// licenses' records into the graph instead of resolving it again: the
// graph, the page list and every page that does not show an edited license
// stay as they are, so an edit costs a check and the pages it touched.
func (b *Builder) patch(start time.Time, keys []string, recs []*load.Record) (*Result, error) {
	diags := b.loadDiags()
	check.Check(b.content, b.opts.Check, diags)
	res := &Result{Diags: diags}
	defer func() { res.Duration = time.Since(start) }()
	if diags.Errors() > 0 {
		b.stale = true
		return res, build.ErrContent
	}
	pages := slices.Clone(b.pages)
	b.graphMu.Lock()
	for _, r := range recs {
		v := r.Value.(*model.License)
		b.graph.ReplaceLicense(r.ID, v)
		setReviewed(pages, "licenses/"+r.ID, v.Reviewed)
	}
	b.theme.Templates.Reset()
	b.graphMu.Unlock()
	site, kept, err := b.newSite(b.graph, pages, keys, false)
	if err != nil {
		return res, err
	}
	b.pages = pages
	res.Site, res.Kept, res.Patched = site, kept, true
	return res, nil
}

// setReviewed records a new review date on the page of the record key.
func setReviewed(pages []render.Page, key string, d model.Date) {
	for i := range pages {
		if pages[i].Key == key {
			pages[i].Reviewed = d
			return
		}
	}
}
