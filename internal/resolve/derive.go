package resolve

import (
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
	slices.SortFunc(g.Licenses, byStateThenTitle)
}
