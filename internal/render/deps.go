package render

import "github.com/licensure/licensure/internal/resolve"

// Everything is the dependency of a page that reads the whole graph, such
// as the home page: it is rendered again after any change.
const Everything = "*"

// Key names a record in dependency lists: "licenses/oh-x", "states/OH".
func Key(m resolve.Meta) string { return m.Kind.Name + "/" + m.ID }

// KindKey names every record of a kind, for pages that list them all.
func KindKey(kind string) string { return kind + "/*" }

// Deps lists the records a page reads: the page must be rendered again
// when one of them changes. Every page also reads the site settings, the
// states and the content pages (in the footer); a change to those rebuilds
// the whole site, so they are not listed.
//
// Deps reads the graph, not the page's data, so that listing the
// dependencies of every page costs little.
func Deps(p Page) []string {
	var d deps
	switch v := p.record.(type) {
	case *resolve.License:
		d.license(v)
	case *resolve.Board:
		d.add(v.Meta)
		for _, l := range v.Licenses {
			d.add(l.Meta, l.Specialty.Meta)
		}
	case *resolve.Certification:
		d.certification(v)
	case *resolve.Issuer:
		d.add(v.Meta)
		for _, c := range v.Certifications {
			d.add(c.Meta)
		}
	case *resolve.Specialty:
		d.specialty(v)
	case *resolve.Family:
		d.family(v)
	case *resolve.Occupation:
		d.occupation(v)
	case *resolve.State:
		d.state(v)
	case indexOf:
		d.keys = append(d.keys, KindKey(string(v)), KindKey("licenses"), KindKey("issuers"))
	default:
		d.keys = append(d.keys, Everything)
	}
	return d.keys
}

// indexOf is the record of an index page: the kind it lists.
type indexOf string

type deps struct{ keys []string }

func (d *deps) add(ms ...resolve.Meta) {
	for _, m := range ms {
		d.keys = append(d.keys, Key(m))
	}
}

// license covers what a license page shows, and what any page that lists
// a license shows of it.
func (d *deps) license(l *resolve.License) {
	d.add(l.Meta, l.Specialty.Meta, l.Board.Meta)
	if l.LeadsTo != nil {
		d.add(l.LeadsTo.Meta)
	}
	for _, p := range l.Permits {
		d.add(p.Meta)
	}
	for _, s := range l.Compacts {
		d.add(s.Compact.Meta)
	}
	for _, o := range l.Occupations {
		d.add(o.Meta)
	}
	for _, c := range l.Certifications {
		d.add(c.Cert.Meta)
		if c.Cert.Issuer != nil {
			d.add(c.Cert.Issuer.Meta)
		}
	}
}

func (d *deps) licenses(ls []*resolve.License) {
	for _, l := range ls {
		d.license(l)
	}
}

func (d *deps) certification(c *resolve.Certification) {
	d.add(c.Meta)
	if c.Issuer != nil {
		d.add(c.Issuer.Meta)
	}
	for _, s := range c.Specialties {
		d.add(s.Meta)
	}
	for _, l := range c.Licenses {
		d.add(l.License.Meta)
	}
}

func (d *deps) specialty(s *resolve.Specialty) {
	d.add(s.Meta)
	if s.Family != nil {
		d.add(s.Family.Meta)
	}
	for _, o := range s.Occupations {
		d.add(o.Meta)
	}
	for _, c := range s.Certifications {
		d.add(c.Meta)
	}
	d.licenses(s.Licenses)
}

func (d *deps) family(f *resolve.Family) {
	d.add(f.Meta)
	for _, s := range f.Specialties {
		d.add(s.Meta)
	}
	for _, o := range f.Occupations {
		d.add(o.Meta)
	}
	d.licenses(f.Licenses)
}

func (d *deps) occupation(o *resolve.Occupation) {
	d.add(o.Meta)
	for _, s := range o.Specialties {
		d.add(s.Meta)
	}
	for _, f := range o.Families {
		d.add(f.Meta)
	}
	d.licenses(o.Licenses)
}

func (d *deps) state(s *resolve.State) {
	d.keys = append(d.keys, KindKey("specialties"))
	d.licenses(s.Licenses)
	for _, b := range s.Boards {
		d.add(b.Meta)
	}
}
