// Package resolve turns loaded, checked content into one immutable graph:
// references become pointers, every pointer gets its backlink, and the
// figures the site derives (states per specialty, licenses per family) are
// computed once. Every collection is sorted by a stable key, so that what
// templates see does not depend on map order or on the number of cores.
//
// Resolve expects content that passed check: a reference that does not
// resolve is left nil rather than reported.
package resolve

import (
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

	links map[linkKey]Link // {"board", ID} -> its page
}

type linkKey struct{ kind, id string }

// Link is a record as a link names it.
type Link struct {
	URL, Title string
}

// Resolve builds the graph of c.
func Resolve(c *load.Content) *Graph {
	n := len(c.States) + len(c.Pages)
	for _, recs := range c.Records {
		n += len(recs)
	}
	g := &Graph{Site: c.Site, links: make(map[linkKey]Link, n)}
	r := &resolver{g: g}
	r.addStates(c.States)
	r.records(c.Records)
	r.forward()
	r.sort()
	r.link()
	r.derive()
	r.pages(c.Pages)
	return g
}

// Lookup resolves a record link such as "board:oh-state-medical-board".
func (g *Graph) Lookup(kind, id string) (Link, bool) {
	l, ok := g.links[linkKey{kind, id}]
	return l, ok
}

func (g *Graph) addLink(m Meta, title string) {
	g.links[linkKey{m.Kind.Singular, m.ID}] = Link{URL: m.Path, Title: title}
}

// URLFor is the site path of a record of a kind.
func URLFor(kind, id string) string {
	if kind == "states" {
		id = strings.ToLower(id)
	}
	return "/" + kind + "/" + id + "/"
}

// byStateThenTitle orders licenses by state name, specialty name, title and
// ID. It compares no more than it needs to: it runs n log n times.
func byStateThenTitle(a, b *License) int {
	if a == b {
		return 0
	}
	if a.State != b.State {
		if c := strings.Compare(a.State.Name, b.State.Name); c != 0 {
			return c
		}
	}
	return bySpecialtyThenTitle(a, b)
}

// bySpecialtyThenTitle orders licenses by specialty name, title and ID.
func bySpecialtyThenTitle(a, b *License) int {
	if a.Specialty != b.Specialty {
		if c := strings.Compare(a.Specialty.Name, b.Specialty.Name); c != 0 {
			return c
		}
	}
	if c := strings.Compare(a.Title, b.Title); c != 0 {
		return c
	}
	return strings.Compare(a.ID, b.ID)
}

func byName[T interface{ name() string }](a, b T) int { return strings.Compare(a.name(), b.name()) }

func (s *State) name() string      { return s.Name }
func (s *Specialty) name() string  { return s.Name }
func (o *Occupation) name() string { return o.ID }
func (i *Issuer) name() string     { return i.Name }
func (f *Family) name() string     { return f.Name }

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
