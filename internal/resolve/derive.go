package resolve

import (
	"cmp"
	"slices"
)

// derive computes the figures the site shows beside reported ones. It runs
// after link, on licenses already in presentation order.
func (r *resolver) derive() {
	seen := make(map[*State]bool, len(r.g.States))
	for _, s := range r.g.Specialties {
		s.Jurisdictions = jurisdictions(s.Licenses, seen)
		for _, a := range s.Specialty.NotLicensed {
			if st := r.states[a.State]; st != nil {
				s.NotLicensed = append(s.NotLicensed, st)
			}
		}
		slices.SortFunc(s.NotLicensed, byName)
	}
	for _, f := range r.g.Families {
		f.Jurisdictions = jurisdictions(f.Licenses, seen)
	}
}

// jurisdictions lists the states of licenses, each once, by name. seen is
// scratch space.
func jurisdictions(ls []*License, seen map[*State]bool) []*State {
	clear(seen)
	var out []*State
	for _, l := range ls {
		if !seen[l.State] {
			seen[l.State] = true
			out = append(out, l.State)
		}
	}
	// Licenses come by state name, so out is almost always in order already.
	if !slices.IsSortedFunc(out, byName) {
		slices.SortFunc(out, byName)
	}
	return out
}

// sort puts every top-level collection in its stable presentation order.
// The lists of backlinks are built in order by link, which runs after it.
func (r *resolver) sort() {
	g := r.g
	slices.SortFunc(g.States, byName)
	slices.SortFunc(g.Families, byName)
	slices.SortFunc(g.Specialties, byName)
	slices.SortFunc(g.Occupations, byName)
	slices.SortFunc(g.Boards, byBoardName)
	slices.SortFunc(g.Certifications, byCertName)
	slices.SortFunc(g.Issuers, byName)
	slices.SortFunc(g.Compacts, func(a, b *Compact) int { return compareJoined(a.Name, a.ID, b.Name, b.ID) })
	r.stateRank = ranks(g.States, func(s *State) string { return s.Name })
	r.specialtyRank = ranks(g.Specialties, func(s *Specialty) string { return s.Name })
	sortLicenses(g.Licenses, r.stateRank, r.specialtyRank)
}

// ranks numbers sorted records by name: records of the same name get the
// same number, so that comparing numbers compares names.
func ranks[T comparable](sorted []T, name func(T) string) map[T]int32 {
	m := make(map[T]int32, len(sorted))
	rank := int32(0)
	for i, x := range sorted {
		if i > 0 && name(x) != name(sorted[i-1]) {
			rank++
		}
		m[x] = rank
	}
	return m
}

// sortLicenses sorts ls by state name (unless states is nil), then as
// compareInState orders the licenses of a state. It compares the ranks of
// the names first, in a compact list, so that compareInState, which then
// finds the specialty names equal, runs only between licenses of one
// state and specialty.
func sortLicenses(ls []*License, states map[*State]int32, specialties map[*Specialty]int32) {
	type key struct {
		state, specialty int32
		l                *License
	}
	keys := make([]key, len(ls))
	for i, l := range ls {
		keys[i] = key{specialty: specialties[l.Specialty], l: l}
		if states != nil {
			keys[i].state = states[l.State]
		}
	}
	slices.SortFunc(keys, func(a, b key) int {
		if a.state != b.state {
			return cmp.Compare(a.state, b.state)
		}
		if a.specialty != b.specialty {
			return cmp.Compare(a.specialty, b.specialty)
		}
		return compareInState(a.l, b.l, a.l.Title, b.l.Title)
	})
	for i, k := range keys {
		ls[i] = k.l
	}
}
