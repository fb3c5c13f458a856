package zzorig

import (
	"cmp"
	"slices"
)

// derive computes the figures the site shows beside reported ones.
func (r *resolver) derive() {
	for _, s := range r.g.Specialties {
		s.Jurisdictions = jurisdictions(s.Licenses)
		for _, a := range s.Specialty.NotLicensed {
			if st := r.states[a.State]; st != nil {
				s.NotLicensed = append(s.NotLicensed, st)
			}
		}
		if s.Family != nil {
			s.Family.Licenses = append(s.Family.Licenses, s.Licenses...)
		}
	}
	for _, f := range r.g.Families {
		f.Jurisdictions = jurisdictions(f.Licenses)
	}
}

func jurisdictions(ls []*License) []*State {
	var out []*State
	seen := map[*State]bool{}
	for _, l := range ls {
		if !seen[l.State] {
			seen[l.State] = true
			out = append(out, l.State)
		}
	}
	slices.SortFunc(out, byName)
	return out
}

// sort puts every collection in its stable presentation order.
func (r *resolver) sort() {
	g := r.g
	slices.SortFunc(g.States, byName)
	slices.SortFunc(g.Families, byName)
	slices.SortFunc(g.Specialties, byName)
	slices.SortFunc(g.Occupations, byName)
	slices.SortFunc(g.Boards, byName)
	slices.SortFunc(g.Certifications, byName)
	slices.SortFunc(g.Issuers, byName)
	sortLicenses(g.Licenses)
	for _, s := range g.States {
		slices.SortFunc(s.Licenses, func(a, b *License) int {
			return cmp.Or(cmp.Compare(a.Specialty.Name, b.Specialty.Name), cmp.Compare(a.Title, b.Title), cmp.Compare(a.ID, b.ID))
		})
		slices.SortFunc(s.Boards, byName)
	}
	for _, f := range g.Families {
		sortLicenses(f.Licenses)
		slices.SortFunc(f.Specialties, byName)
	}
	for _, s := range g.Specialties {
		sortLicenses(s.Licenses)
		slices.SortFunc(s.Certifications, byName)
		slices.SortFunc(s.NotLicensed, byName)
	}
	for _, o := range g.Occupations {
		sortLicenses(o.Licenses)
		slices.SortFunc(o.Specialties, byName)
		slices.SortFunc(o.Families, byName)
	}
	for _, b := range g.Boards {
		sortLicenses(b.Licenses)
	}
	for _, c := range g.Certifications {
		slices.SortFunc(c.Licenses, func(a, b LicenseRole) int { return byStateThenTitle(a.License, b.License) })
	}
	for _, i := range g.Issuers {
		slices.SortFunc(i.Certifications, byName)
	}
}
