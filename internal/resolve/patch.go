package resolve

import (
	"cmp"
	"slices"
	"strings"

	"github.com/licensure/licensure/internal/model"
)

// SameLinks reports whether license record b makes the same references as
// a, with the same certification roles, so that putting b in a's place
// leaves every pointer of the graph as it is. Everything else of a license
// (its summary, requirements, sources, review date…) is read from the
// record when a page is rendered, and the title matters only to the order
// of licenses (Replaceable).
func SameLinks(a, b *model.License) bool {
	return a.State == b.State && a.Specialty == b.Specialty && a.Board == b.Board && a.LeadsTo == b.LeadsTo &&
		slices.Equal(a.Occupations, b.Occupations) &&
		slices.Equal(a.Requirements.Certifications, b.Requirements.Certifications)
}

// Replaceable reports whether license id can present record v without
// the graph being resolved again: v makes the same links, and its title,
// if new, keeps the license in its place in the sorted lists of licenses.
func (g *Graph) Replaceable(id string, v *model.License) bool {
	if g.index == nil {
		return false
	}
	l := g.index.licenses[id]
	if l == nil || !SameLinks(l.License, v) {
		return false
	}
	if v.Title == l.Title {
		return true
	}
	// Every list of licenses is g.Licenses filtered, bar a state's, which
	// is sorted without the state; a license that keeps its place between
	// its neighbours in both keeps it in all.
	inPlace := func(ls []*License, compare func(a, b *License, titleA, titleB string) int) bool {
		i := slices.Index(ls, l)
		return i >= 0 &&
			(i == 0 || compare(ls[i-1], l, ls[i-1].Title, v.Title) < 0) &&
			(i == len(ls)-1 || compare(l, ls[i+1], v.Title, ls[i+1].Title) < 0)
	}
	return inPlace(g.Licenses, func(a, b *License, ta, tb string) int {
		return cmp.Or(strings.Compare(a.State.Name, b.State.Name), compareInState(a, b, ta, tb))
	}) && inPlace(l.State.Licenses, compareInState)
}

// compareInState is the order of the licenses of a state, which
// sortLicenses sorts by: specialty name, title and ID, with the titles
// given.
func compareInState(a, b *License, titleA, titleB string) int {
	return cmp.Or(strings.Compare(a.Specialty.Name, b.Specialty.Name), strings.Compare(titleA, titleB), strings.Compare(a.ID, b.ID))
}

// ReplaceLicense makes license id present record v, when Replaceable says
// it can, and reports whether it did. It changes the graph in place: the
// caller makes sure that no page of it is being rendered meanwhile.
func (g *Graph) ReplaceLicense(id string, v *model.License) bool {
	if !g.Replaceable(id, v) {
		return false
	}
	g.index.licenses[id].License = v
	return true
}
