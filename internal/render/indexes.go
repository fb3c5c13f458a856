package render

import (
	"github.com/licensure/licensure/internal/model"
	"github.com/licensure/licensure/internal/resolve"
)

var kindTitles = map[string]string{
	"families": "Families", "specialties": "Specialties", "occupations": "Occupations",
	"licenses": "Licenses", "boards": "Boards", "certifications": "Certifications",
	"issuers": "Issuers", "states": "States and territories",
}

func kindTitle(kind string) string { return kindTitles[kind] }

// indexes adds one page per kind that lists its records.
func (p *pager) indexes() {
	g := p.g
	lists := map[string][]Item{}
	for _, x := range g.Families {
		lists["families"] = append(lists["families"], Item{x.Path, x.Name, plural(len(x.Licenses), "license", "licenses")})
	}
	for _, x := range g.Specialties {
		lists["specialties"] = append(lists["specialties"], Item{x.Path, x.Name, plural(len(x.Jurisdictions), "jurisdiction", "jurisdictions")})
	}
	for _, x := range g.Occupations {
		lists["occupations"] = append(lists["occupations"], Item{x.Path, x.Title, x.ID})
	}
	for _, x := range g.Licenses {
		lists["licenses"] = append(lists["licenses"], Item{x.Path, x.Title, x.State.Name})
	}
	for _, x := range g.Boards {
		lists["boards"] = append(lists["boards"], Item{x.Path, x.Name, x.State.Name})
	}
	for _, x := range g.Certifications {
		lists["certifications"] = append(lists["certifications"], Item{x.Path, certTitle(x), issuerName(x)})
	}
	for _, x := range g.Issuers {
		lists["issuers"] = append(lists["issuers"], Item{x.Path, x.Name, plural(len(x.Certifications), "certification", "certifications")})
	}
	for _, x := range g.States {
		lists["states"] = append(lists["states"], Item{x.Path, x.Name, plural(len(x.Licenses), "license", "licenses")})
	}
	for _, k := range append(model.Kinds, model.StatesKind) {
		m := resolve.Meta{Path: "/" + k.Name + "/"}
		items := lists[k.Name]
		p.addRecord(m, "index", "", indexOf(k.Name), func() any {
			b := p.base(m, kindTitle(k.Name), "Every "+k.Singular+" the site documents.")
			b.Kind, b.Items = k.Name, items
			return b
		})
	}
}

func issuerName(c *resolve.Certification) string {
	if c.Issuer == nil {
		return "Issuer not established"
	}
	return c.Issuer.Name
}
