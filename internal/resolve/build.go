package resolve

import (
	"cmp"
	"runtime"
	"slices"
	"strings"

	"github.com/licensure/licensure/internal/load"
	"github.com/licensure/licensure/internal/model"
	"github.com/licensure/licensure/internal/par"
)

type resolver struct {
	g *Graph
	*index

	// the positions of states and specialties sorted by name, for sorting
	// licenses
	stateRank     map[*State]int32
	specialtyRank map[*Specialty]int32
}

func (r *resolver) addStates(list []model.State) {
	r.states = make(map[model.StateCode]*State, len(list))
	all := make([]State, len(list))
	for i, s := range list {
		st := &all[i]
		*st = State{State: s, Meta: Meta{ID: string(s.Code), Kind: model.StatesKind, Path: URLFor("states", string(s.Code))}}
		r.states[s.Code] = st
		r.g.States = append(r.g.States, st)
	}
}

// each makes one resolved value per record of a kind, all in one block,
// and indexes them by ID in byID. set fills in the value's record.
func each[T any, R any](recs []*load.Record, byID map[string]*R, set func(*R, Meta, *T)) []*R {
	all := make([]R, len(recs))
	out := make([]*R, len(recs))
	paths := recordPaths(recs)
	for i, rec := range recs {
		x := &all[i]
		m := Meta{ID: rec.ID, File: rec.File, Kind: rec.Kind, Path: paths[i]}
		set(x, m, rec.Value.(*T))
		out[i] = x
		byID[rec.ID] = x
	}
	return out
}

// recordPaths returns URLFor of each record, all cut from one string.
func recordPaths(recs []*load.Record) []string {
	if len(recs) == 0 {
		return nil
	}
	size := 0
	for _, rec := range recs {
		size += len(rec.Kind.Name) + len(rec.ID) + 3
	}
	var b strings.Builder
	b.Grow(size)
	ends := make([]int, len(recs))
	for i, rec := range recs {
		if rec.Kind.Name == "states" {
			b.WriteString(URLFor(rec.Kind.Name, rec.ID))
		} else {
			b.WriteByte('/')
			b.WriteString(rec.Kind.Name)
			b.WriteByte('/')
			b.WriteString(rec.ID)
			b.WriteByte('/')
		}
		ends[i] = b.Len()
	}
	all := b.String()
	paths := make([]string, len(recs))
	start := 0
	for i, end := range ends {
		paths[i] = all[start:end]
		start = end
	}
	return paths
}

func (r *resolver) records(c map[string][]*load.Record) {
	g := r.g
	r.families = make(map[string]*Family, len(c["families"]))
	g.Families = each(c["families"], r.families, func(x *Family, m Meta, v *model.Family) { x.Meta, x.Family = m, v })
	r.specialties = make(map[string]*Specialty, len(c["specialties"]))
	g.Specialties = each(c["specialties"], r.specialties, func(x *Specialty, m Meta, v *model.Specialty) { x.Meta, x.Specialty = m, v })
	r.occupations = make(map[string]*Occupation, len(c["occupations"]))
	g.Occupations = each(c["occupations"], r.occupations, func(x *Occupation, m Meta, v *model.Occupation) { x.Meta, x.Occupation = m, v })
	r.boards = make(map[string]*Board, len(c["boards"]))
	g.Boards = each(c["boards"], r.boards, func(x *Board, m Meta, v *model.Board) { x.Meta, x.Board = m, v })
	r.certs = make(map[string]*Certification, len(c["certifications"]))
	g.Certifications = each(c["certifications"], r.certs, func(x *Certification, m Meta, v *model.Certification) { x.Meta, x.Certification = m, v })
	r.issuers = make(map[string]*Issuer, len(c["issuers"]))
	g.Issuers = each(c["issuers"], r.issuers, func(x *Issuer, m Meta, v *model.Issuer) { x.Meta, x.Issuer = m, v })
	r.compacts = make(map[string]*Compact, len(c["compacts"]))
	g.Compacts = each(c["compacts"], r.compacts, func(x *Compact, m Meta, v *model.Compact) { x.Meta, x.Compact = m, v })
	r.licenses = make(map[string]*License, len(c["licenses"]))
	g.Licenses = each(c["licenses"], r.licenses, func(x *License, m Meta, v *model.License) { x.Meta, x.License = m, v })
}

// forward turns a board's and a license's references into pointers. It
// walks the records in the order they were loaded, which is the order they
// lie in memory, the licenses in parallel parts.
func (r *resolver) forward() {
	g := r.g
	for _, b := range g.Boards {
		b.State = r.states[b.Board.State]
	}
	parts := 1
	if len(g.Licenses) >= 2048 {
		parts = runtime.GOMAXPROCS(0)
	}
	par.ForEach(parts, parts, nil, func(_ struct{}, i int) error {
		r.forwardLicenses(g.Licenses[i*len(g.Licenses)/parts : (i+1)*len(g.Licenses)/parts])
		return nil
	})
}

func (r *resolver) forwardLicenses(ls []*License) {
	occs, roles := 0, 0
	for _, l := range ls {
		occs += len(l.License.Occupations)
		roles += len(l.Requirements.Certifications)
	}
	occBlock := make([]*Occupation, 0, occs)
	roleBlock := make([]CertRole, 0, roles)
	for _, l := range ls {
		l.State = r.states[l.License.State]
		l.Specialty = r.specialties[l.License.Specialty]
		l.Board = r.boards[l.License.Board]
		l.LeadsTo = r.licenses[l.License.LeadsTo]
		start := len(occBlock)
		for _, id := range l.License.Occupations {
			if o, ok := r.occupations[string(id)]; ok {
				occBlock = append(occBlock, o)
			}
		}
		l.Occupations = occBlock[start:len(occBlock):len(occBlock)]
		start = len(roleBlock)
		for _, req := range l.Requirements.Certifications {
			if c := r.certs[req.ID]; c != nil {
				roleBlock = append(roleBlock, CertRole{Cert: c, Role: req.Role})
			}
		}
		if len(roleBlock) > start {
			l.Certifications = roleBlock[start:len(roleBlock):len(roleBlock)]
		}
	}
}

// link turns the other references into pointers and records every
// backlink. It walks each collection in its presentation order, so that
// the backlinks come out in theirs without sorting: it runs after sort.
func (r *resolver) link() {
	g := r.g
	for _, s := range g.Specialties {
		s.Family = r.families[s.Specialty.Family]
		s.Occupations = pick(r.occupations, s.Specialty.Occupations)
		if s.Family != nil {
			s.Family.Specialties = append(s.Family.Specialties, s)
		}
		for _, o := range s.Occupations {
			o.Specialties = append(o.Specialties, s)
		}
	}
	for _, f := range g.Families {
		f.Occupations = pick(r.occupations, f.Family.Occupations)
		for _, o := range f.Occupations {
			o.Families = append(o.Families, f)
		}
	}
	for _, b := range g.Boards {
		b.State.Boards = append(b.State.Boards, b)
	}
	for _, c := range g.Certifications {
		r.linkCertification(c)
	}
	r.linkLicenses()
	r.linkCompacts()
}

// linkCompacts resolves the compacts' members and gives every license the
// standing of its state in each compact of its specialty.
func (r *resolver) linkCompacts() {
	for _, c := range r.g.Compacts {
		c.Specialties = pick(r.specialties, c.Compact.Specialties)
		c.Members = make([]Member, 0, len(c.Compact.Members))
		for i := range c.Compact.Members {
			m := &c.Compact.Members[i]
			if st := r.states[m.State]; st != nil {
				c.Members = append(c.Members, Member{State: st, CompactMember: m})
			}
		}
		slices.SortStableFunc(c.Members, func(a, b Member) int { return strings.Compare(a.State.Name, b.State.Name) })
		for i := range c.Members {
			m := &c.Members[i]
			m.State.Compacts = append(m.State.Compacts, Standing{Compact: c, Member: m})
		}
		for _, s := range c.Specialties {
			s.Compacts = append(s.Compacts, c)
		}
	}
	for _, l := range r.g.Licenses {
		for _, c := range l.Specialty.Compacts {
			l.Compacts = append(l.Compacts, Standing{Compact: c, Member: c.member(l.State)})
		}
	}
}

// member returns st's standing in c, or nil.
func (c *Compact) member(st *State) *Member {
	for i := range c.Members {
		if c.Members[i].State == st {
			return &c.Members[i]
		}
	}
	return nil
}

func (r *resolver) linkCertification(c *Certification) {
	c.Issuer = r.issuers[c.Certification.Issuer]
	if c.Issuer != nil {
		c.Issuer.Certifications = append(c.Issuer.Certifications, c)
	}
	c.Specialties = pick(r.specialties, c.Certification.Specialties)
	for _, s := range c.Specialties {
		s.Certifications = append(s.Certifications, c)
	}
}

// linkLicenses records the backlinks of the licenses, which sort has put
// in order. A state lists its licenses in another order.
func (r *resolver) linkLicenses() {
	g := r.g
	counts := map[*State]int{}
	for _, l := range g.Licenses {
		counts[l.State]++
	}
	for st, n := range counts {
		st.Licenses = make([]*License, 0, n)
	}
	for _, l := range g.Licenses {
		l.State.Licenses = append(l.State.Licenses, l)
		l.Specialty.Licenses = append(l.Specialty.Licenses, l)
		if f := l.Specialty.Family; f != nil {
			f.Licenses = append(f.Licenses, l)
		}
		l.Board.Licenses = append(l.Board.Licenses, l)
		if l.LeadsTo != nil {
			l.LeadsTo.Permits = append(l.LeadsTo.Permits, l)
		}
		for _, o := range l.Occupations {
			o.Licenses = append(o.Licenses, l)
		}
		for _, cr := range l.Certifications {
			cr.Cert.Licenses = append(cr.Cert.Licenses, LicenseRole{License: l, Role: cr.Role})
		}
	}
	for _, st := range g.States {
		sortLicenses(st.Licenses, nil, r.specialtyRank)
	}
}

// pick returns the records named by ids that exist, in the order named.
func pick[R any, S ~string](m map[string]*R, ids []S) []*R {
	out := make([]*R, 0, len(ids))
	for _, id := range ids {
		if x, ok := m[string(id)]; ok {
			out = append(out, x)
		}
	}
	return out
}

func (r *resolver) addPages(pages []*load.Page) {
	r.pages = make(map[string]*Page, len(pages))
	for _, p := range pages {
		m := Meta{ID: p.ID, File: p.File, Kind: model.Kind{Name: "pages", Singular: "page"}, Path: "/" + p.ID + "/"}
		page := &Page{Meta: m, Title: p.Meta.Title, Description: p.Meta.Description, Order: p.Meta.Order, Body: model.Markdown(p.Body), BodyLine: p.BodyLine}
		r.g.Pages = append(r.g.Pages, page)
		r.pages[p.ID] = page
	}
	slices.SortFunc(r.g.Pages, func(a, b *Page) int { return cmp.Compare(a.ID, b.ID) })
}
