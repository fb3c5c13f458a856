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
func Deps(p Page) []string {
	var d deps
	switch v := p.Data.(type) {
	case *LicensePage:
		d.license(v.License)
	case *BoardPage:
		d.add(v.Board.Meta)
		for _, l := range v.Board.Licenses {
			d.add(l.Meta, l.Specialty.Meta)
		}
	case *CertificationPage:
		d.certification(v.Certification)
	case *IssuerPage:
		d.add(v.Issuer.Meta)
		for _, c := range v.Issuer.Certifications {
			d.add(c.Meta)
		}
	case *SpecialtyPage:
		d.specialty(v.Specialty)
	case *FamilyPage:
		d.family(v.Family)
	case *OccupationPage:
		d.occupation(v.Occupation)
	case *StatePage:
		d.state(v.State)
	case *IndexPage:
		d.keys = append(d.keys, KindKey(v.Kind), KindKey("licenses"), KindKey("issuers"))
	default:
		d.keys = append(d.keys, Everything)
	}
	return d.keys
}

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
