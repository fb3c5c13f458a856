package zzorig

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
	r.states = map[model.StateCode]*State{}
	for _, s := range list {
		st := &State{State: s, Meta: Meta{ID: string(s.Code), Kind: model.StatesKind, Path: URLFor("states", string(s.Code))}}
		r.states[s.Code] = st
		r.g.States = append(r.g.States, st)
		r.g.addLink(st.Meta, st.Name)
	}
}

// each makes one resolved value per record of a kind, indexes it by ID and
// registers its link.
func each[T any, R any](g *Graph, recs []*load.Record, title func(*T) string, wrap func(Meta, *T) *R) ([]*R, map[string]*R) {
	out := make([]*R, 0, len(recs))
	byID := make(map[string]*R, len(recs))
	for _, rec := range recs {
		v := rec.Value.(*T)
		m := meta(rec)
		x := wrap(m, v)
		out = append(out, x)
		byID[rec.ID] = x
		g.addLink(m, title(v))
	}
	return out, byID
}

func (r *resolver) records(c map[string][]*load.Record) {
	g := r.g
	g.Families, r.families = each(g, c["families"], func(v *model.Family) string { return v.Name },
		func(m Meta, v *model.Family) *Family { return &Family{Meta: m, Family: v} })
	g.Specialties, r.specialties = each(g, c["specialties"], func(v *model.Specialty) string { return v.Name },
		func(m Meta, v *model.Specialty) *Specialty { return &Specialty{Meta: m, Specialty: v} })
	g.Occupations, r.occupations = each(g, c["occupations"], func(v *model.Occupation) string { return v.Title },
		func(m Meta, v *model.Occupation) *Occupation { return &Occupation{Meta: m, Occupation: v} })
	g.Boards, r.boards = each(g, c["boards"], func(v *model.Board) string { return v.Name },
		func(m Meta, v *model.Board) *Board { return &Board{Meta: m, Board: v} })
	g.Certifications, r.certs = each(g, c["certifications"], func(v *model.Certification) string { return v.Name },
		func(m Meta, v *model.Certification) *Certification { return &Certification{Meta: m, Certification: v} })
	g.Issuers, r.issuers = each(g, c["issuers"], func(v *model.Issuer) string { return v.Name },
		func(m Meta, v *model.Issuer) *Issuer { return &Issuer{Meta: m, Issuer: v} })
	g.Licenses, _ = each(g, c["licenses"], func(v *model.License) string { return v.Title },
		func(m Meta, v *model.License) *License { return &License{Meta: m, License: v} })
}

// link turns references into pointers and records their backlinks.
func (r *resolver) link() {
	for _, s := range r.g.Specialties {
		s.Family = r.families[s.Specialty.Family]
		s.Occupations = pick(r.occupations, s.Specialty.Occupations)
		if s.Family != nil {
			s.Family.Specialties = append(s.Family.Specialties, s)
		}
		for _, o := range s.Occupations {
			o.Specialties = append(o.Specialties, s)
		}
	}
	for _, f := range r.g.Families {
		f.Occupations = pick(r.occupations, f.Family.Occupations)
		for _, o := range f.Occupations {
			o.Families = append(o.Families, f)
		}
	}
	for _, b := range r.g.Boards {
		b.State = r.states[b.Board.State]
		b.State.Boards = append(b.State.Boards, b)
	}
	for _, c := range r.g.Certifications {
		r.linkCertification(c)
	}
	for _, l := range r.g.Licenses {
		r.linkLicense(l)
	}
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

func (r *resolver) linkLicense(l *License) {
	l.State = r.states[l.License.State]
	l.Specialty = r.specialties[l.License.Specialty]
	l.Board = r.boards[l.License.Board]
	l.Occupations = pick(r.occupations, l.License.Occupations)
	l.State.Licenses = append(l.State.Licenses, l)
	l.Specialty.Licenses = append(l.Specialty.Licenses, l)
	l.Board.Licenses = append(l.Board.Licenses, l)
	for _, o := range l.Occupations {
		o.Licenses = append(o.Licenses, l)
	}
	for _, req := range l.Requirements.Certifications {
		c := r.certs[req.ID]
		if c == nil {
			continue
		}
		l.Certifications = append(l.Certifications, CertRole{Cert: c, Role: req.Role})
		c.Licenses = append(c.Licenses, LicenseRole{License: l, Role: req.Role})
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
