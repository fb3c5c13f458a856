// Package resolve turns loaded, checked content into one graph: references
// become pointers, every pointer gets its backlink, and the figures the
// site derives (states per specialty, licenses per family) are computed
// once. Every collection is sorted by a stable key, so that what templates
// see does not depend on map order or on the number of cores.
//
// Once built, a graph changes in one way only: Graph.ReplaceLicense swaps
// a license's record for an edited one in place, when the edit leaves
// every pointer and every order as they are (patch.go). Its caller makes
// sure that nothing reads the graph meanwhile; everything else only reads
// it, from any number of goroutines.
//
// Resolve expects content that passed check: a reference that does not
// resolve is left nil rather than reported.
package resolve

import (
	"reflect"
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
	Compacts       []*Compact // by name
	Pages          []*Page

	index *index // records by kind and ID, for Lookup
}

// index holds the records of each kind by ID (states by code).
type index struct {
	states      map[model.StateCode]*State
	families    map[string]*Family
	specialties map[string]*Specialty
	occupations map[string]*Occupation
	licenses    map[string]*License
	boards      map[string]*Board
	certs       map[string]*Certification
	issuers     map[string]*Issuer
	compacts    map[string]*Compact
	pages       map[string]*Page
}

// Link is a record as a link names it.
type Link struct {
	URL, Title string
}

// Resolve builds the graph of c.
func Resolve(c *load.Content) *Graph {
	g := &Graph{Site: c.Site, index: &index{}}
	r := &resolver{g: g, index: g.index}
	r.addStates(c.States)
	r.records(c.Records)
	r.forward()
	r.sort()
	r.link()
	r.derive()
	r.addPages(c.Pages)
	return g
}

// Lookup resolves a record link such as "board:oh-state-medical-board".
func (g *Graph) Lookup(kind, id string) (Link, bool) {
	r, ok := g.Record(kind, id)
	if !ok {
		return Link{}, false
	}
	l, _ := LinkTo(r)
	return l, true
}

// Record returns the record of a kind, as a record link names the kind,
// and an ID, when there is one with a page.
func (g *Graph) Record(kind, id string) (any, bool) {
	if g.index == nil {
		return nil, false
	}
	r := g.index.record(kind, id)
	l, _ := LinkTo(r)
	return r, l.URL != ""
}

// record returns the record of a kind, as a record link names the kind,
// or nil.
func (ix *index) record(kind, id string) any {
	switch kind {
	case "state":
		return ix.states[model.StateCode(id)]
	case "family":
		return ix.families[id]
	case "specialty":
		return ix.specialties[id]
	case "occupation":
		return ix.occupations[id]
	case "license":
		return ix.licenses[id]
	case "board":
		return ix.boards[id]
	case "certification":
		return ix.certs[id]
	case "issuer":
		return ix.issuers[id]
	case "compact":
		return ix.compacts[id]
	case "page":
		return ix.pages[id]
	}
	return nil
}

// LinkTo returns the page and the name of record, a pointer to one of the
// graph's record types; a nil pointer gives an empty Link. isRecord is
// false for anything else.
func LinkTo(record any) (l Link, isRecord bool) {
	if p, ok := record.(*Page); ok {
		if p != nil {
			l = Link{URL: p.Path, Title: p.Title}
		}
		return l, true
	}
	r, ok := record.(modelRecord)
	if !ok {
		return Link{}, false
	}
	if reflect.ValueOf(r).IsNil() {
		return Link{}, true
	}
	m := r.meta()
	return Link{URL: m.Path, Title: m.Kind.Title(r.value())}, true
}

// modelRecord is a resolved record of one of the model's kinds: its Meta
// (the method is promoted from it) and its model value, whose title its
// kind knows.
type modelRecord interface {
	meta() *Meta
	value() any
}

func (m *Meta) meta() *Meta { return m }

func (x *State) value() any         { return &x.State }
func (x *Family) value() any        { return x.Family }
func (x *Specialty) value() any     { return x.Specialty }
func (x *Occupation) value() any    { return x.Occupation }
func (x *License) value() any       { return x.License }
func (x *Board) value() any         { return x.Board }
func (x *Certification) value() any { return x.Certification }
func (x *Issuer) value() any        { return x.Issuer }
func (x *Compact) value() any       { return x.Compact }

// URLFor is the site path of a record of a kind.
func URLFor(kind, id string) string {
	if kind == "states" {
		id = strings.ToLower(id)
	}
	return "/" + kind + "/" + id + "/"
}

func byName[T interface{ name() string }](a, b T) int { return strings.Compare(a.name(), b.name()) }

func (s *State) name() string      { return s.Name }
func (s *Specialty) name() string  { return s.Name }
func (o *Occupation) name() string { return o.ID }
func (i *Issuer) name() string     { return i.Name }
func (f *Family) name() string     { return f.Name }
func (c *Compact) name() string    { return c.Name }

// byCertName orders certifications by name, then ID.
func byCertName(a, b *Certification) int { return compareJoined(a.Name, a.ID, b.Name, b.ID) }

// byBoardName orders boards by state name, then name.
func byBoardName(a, b *Board) int { return compareJoined(a.State.Name, a.Name, b.State.Name, b.Name) }

// compareJoined compares a1+"\x00"+a2 with b1+"\x00"+b2 without building
// either, unless a name holds a NUL byte.
func compareJoined(a1, a2, b1, b2 string) int {
	if len(a1) == len(b1) {
		if c := strings.Compare(a1, b1); c != 0 {
			return c
		}
		return strings.Compare(a2, b2)
	}
	m := min(len(a1), len(b1))
	if c := strings.Compare(a1[:m], b1[:m]); c != 0 {
		return c
	}
	// One is a prefix of the other: the shorter continues with NUL.
	if len(a1) < len(b1) && b1[m] != 0 {
		return -1
	}
	if len(b1) < len(a1) && a1[m] != 0 {
		return 1
	}
	return strings.Compare(a1+"\x00"+a2, b1+"\x00"+b2)
}
