// Package resolve turns loaded, checked content into one immutable graph:
// references become pointers, every pointer gets its backlink, and the
// figures the site derives (states per specialty, licenses per family) are
// computed once. Every collection is sorted by a stable key, so that what
// templates see does not depend on map order or on the number of cores.
//
// Resolve expects content that passed check: a reference that does not
// resolve is left nil rather than reported.
package zzorig

import (
	"cmp"
	"slices"
	"strings"

	"github.com/licensure/licensure/internal/load"
	"github.com/licensure/licensure/internal/model"
)

// Graph is the resolved site.
type Graph struct {
	Site           model.Site
	States         []*State // by name
	Families       []*Family
	Specialties    []*Specialty
	Occupations    []*Occupation
	Licenses       []*License // by state name, specialty, title
	Boards         []*Board   // by state name, then name
	Certifications []*Certification
	Issuers        []*Issuer
	Pages          []*Page

	links map[string]Link // "board:ID" -> its page
}

// Link is a record as a link names it.
type Link struct {
	URL, Title string
}

// Resolve builds the graph of c.
func Resolve(c *load.Content) *Graph {
	g := &Graph{Site: c.Site, links: map[string]Link{}}
	r := &resolver{g: g}
	r.addStates(c.States)
	r.records(c.Records)
	r.link()
	r.derive()
	r.pages(c.Pages)
	r.sort()
	return g
}

// Lookup resolves a record link such as "board:oh-state-medical-board".
func (g *Graph) Lookup(kind, id string) (Link, bool) {
	l, ok := g.links[kind+":"+id]
	return l, ok
}

func (g *Graph) addLink(m Meta, title string) {
	g.links[m.Kind.Singular+":"+m.ID] = Link{URL: m.Path, Title: title}
}

// URLFor is the site path of a record of a kind.
func URLFor(kind, id string) string {
	if kind == "states" {
		id = strings.ToLower(id)
	}
	return "/" + kind + "/" + id + "/"
}

func meta(r *load.Record) Meta {
	return Meta{ID: r.ID, File: r.File, Kind: r.Kind, Path: URLFor(r.Kind.Name, r.ID)}
}

func byStateThenTitle(a, b *License) int {
	return cmp.Or(cmp.Compare(a.State.Name, b.State.Name), cmp.Compare(a.Specialty.Name, b.Specialty.Name), cmp.Compare(a.Title, b.Title), cmp.Compare(a.ID, b.ID))
}

func byName[T interface{ name() string }](a, b T) int { return cmp.Compare(a.name(), b.name()) }

func (s *State) name() string         { return s.Name }
func (s *Specialty) name() string     { return s.Name }
func (c *Certification) name() string { return c.Name + "\x00" + c.ID }
func (o *Occupation) name() string    { return o.ID }
func (i *Issuer) name() string        { return i.Name }
func (f *Family) name() string        { return f.Name }
func (b *Board) name() string         { return b.State.Name + "\x00" + b.Name }

func sortLicenses(ls []*License) { slices.SortFunc(ls, byStateThenTitle) }
