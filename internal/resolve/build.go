package resolve

import (
	"cmp"
	"slices"

	"github.com/licensure/licensure/internal/load"
	"github.com/licensure/licensure/internal/model"
)

type resolver struct {
	g           *Graph
	states      map[model.StateCode]*State
	families    map[string]*Family
	specialties map[string]*Specialty
	occupations map[string]*Occupation
	boards      map[string]*Board
	certs       map[string]*Certification
	issuers     map[string]*Issuer
}

func (r *resolver) addStates(list []model.State) {
	r.states = make(map[model.StateCode]*State, len(list))
	all := make([]State, len(list))
	r.g.States = make([]*State, len(list))
	for i, s := range list {
		st := &all[i]
		*st = State{State: s, Meta: Meta{ID: string(s.Code), Kind: model.StatesKind, Path: URLFor("states", string(s.Code))}}
		r.states[s.Code] = st
		r.g.States[i] = st
		r.g.addLink(st.Meta, st.Name)
	}
}

// each makes one resolved value per record of a kind, all in one block,
// indexes it by ID and registers its link. set fills in the value's
// record and returns its title.
func each[T any, R any](g *Graph, recs []*load.Record, set func(*R, Meta, *T) string) ([]*R, map[string]*R) {
	all := make([]R, len(recs))
	out := make([]*R, len(recs))
	byID := make(map[string]*R, len(recs))
	for i, rec := range recs {
		x := &all[i]
		m := meta(rec)
		title := set(x, m, rec.Value.(*T))
		out[i] = x
		byID[rec.ID] = x
		g.addLink(m, title)
	}
	return out, byID
}

func (r *resolver) records(c map[string][]*load.Record) {
	g := r.g
	g.Families, r.families = each(g, c["families"], func(x *Family, m Meta, v *model.Family) string {
		x.Meta, x.Family = m, v
		return v.Name
	})
	g.Specialties, r.specialties = each(g, c["specialties"], func(x *Specialty, m Meta, v *model.Specialty) string {
		x.Meta, x.Specialty = m, v
		return v.Name
	})
	g.Occupations, r.occupations = each(g, c["occupations"], func(x *Occupation, m Meta, v *model.Occupation) string {
		x.Meta, x.Occupation = m, v
		return v.Title
	})
	g.Boards, r.boards = each(g, c["boards"], func(x *Board, m Meta, v *model.Board) string {
		x.Meta, x.Board = m, v
		return v.Name
	})
	g.Certifications, r.certs = each(g, c["certifications"], func(x *Certification, m Meta, v *model.Certification) string {
		x.Meta, x.Certification = m, v
		return v.Name
	})
	g.Issuers, r.issuers = each(g, c["issuers"], func(x *Issuer, m Meta, v *model.Issuer) string {
		x.Meta, x.Issuer = m, v
		return v.Name
	})
	g.Licenses, _ = each(g, c["licenses"], func(x *License, m Meta, v *model.License) string {
		x.Meta, x.License = m, v
		return v.Title
	})
}

// forward sets the references that the presentation order depends on:
// a board's state, and a license's state, specialty and board.
func (r *resolver) forward() {
	for _, b := range r.g.Boards {
		b.State = r.states[b.Board.State]
	}
	for _, l := range r.g.Licenses {
		l.State = r.states[l.License.State]
		l.Specialty = r.specialties[l.License.Specialty]
		l.Board = r.boards[l.License.Board]
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

// linkLicenses links the licenses, which sort has put in order, to and from
// the records they name. A state lists its licenses in another order.
func (r *resolver) linkLicenses() {
	g := r.g
	counts := map[*State]int{}
	for _, l := range g.Licenses {
		counts[l.State]++
	}
	for st, n := range counts {
		st.Licenses = make([]*License, 0, n)
	}
	roles := 0
	for _, l := range g.Licenses {
		roles += len(l.Requirements.Certifications)
	}
	certRoles := make([]CertRole, 0, roles)
	for _, l := range g.Licenses {
		l.Occupations = pick(r.occupations, l.License.Occupations)
		l.State.Licenses = append(l.State.Licenses, l)
		l.Specialty.Licenses = append(l.Specialty.Licenses, l)
		if f := l.Specialty.Family; f != nil {
			f.Licenses = append(f.Licenses, l)
		}
		l.Board.Licenses = append(l.Board.Licenses, l)
		for _, o := range l.Occupations {
			o.Licenses = append(o.Licenses, l)
		}
		start := len(certRoles)
		for _, req := range l.Requirements.Certifications {
			c := r.certs[req.ID]
			if c == nil {
				continue
			}
			certRoles = append(certRoles, CertRole{Cert: c, Role: req.Role})
			c.Licenses = append(c.Licenses, LicenseRole{License: l, Role: req.Role})
		}
		if len(certRoles) > start {
			l.Certifications = certRoles[start:len(certRoles):len(certRoles)]
		}
	}
	for _, st := range g.States {
		slices.SortFunc(st.Licenses, bySpecialtyThenTitle)
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

func (r *resolver) pages(pages []*load.Page) {
	for _, p := range pages {
		m := Meta{ID: p.ID, File: p.File, Kind: model.Kind{Name: "pages", Singular: "page"}, Path: "/" + p.ID + "/"}
		r.g.Pages = append(r.g.Pages, &Page{Meta: m, Title: p.Meta.Title, Description: p.Meta.Description, Order: p.Meta.Order, Body: model.Markdown(p.Body), BodyLine: p.BodyLine})
		r.g.addLink(m, p.Meta.Title)
	}
	slices.SortFunc(r.g.Pages, func(a, b *Page) int { return cmp.Compare(a.ID, b.ID) })
}
