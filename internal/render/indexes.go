package render

import (
	"strings"

	"github.com/licensure/licensure/internal/model"
	"github.com/licensure/licensure/internal/resolve"
)

// kindTitle is the title of a kind's index page, and of the breadcrumb
// that leads to it.
func kindTitle(kind string) string {
	k, _ := model.KindNamed(kind)
	return k.Plural
}

// indexes adds one page per kind that lists its records. The list is made
// when the page is rendered, so that it shows the records as they are then.
func (p *pager) indexes() {
	for _, k := range append(model.Kinds, model.StatesKind) {
		m := resolve.Meta{Path: "/" + k.Name + "/"}
		p.addRecord(m, "index", "", indexOf(k.Name), func() any {
			b := p.base(m, k.Plural, k.Doc+" Every "+strings.ToLower(k.Label)+" the site documents.")
			b.Kind, b.Items = k.Name, indexItems(p.g, k.Name)
			return b
		})
	}
}

// indexItems lists the records of a kind, as its index page shows them.
func indexItems(g *resolve.Graph, kind string) []Item {
	switch kind {
	case "families":
		return items(g.Families, func(x *resolve.Family) Item {
			return Item{x.Path, x.Name, plural(len(x.Licenses), "license", "licenses")}
		})
	case "specialties":
		return items(g.Specialties, func(x *resolve.Specialty) Item {
			return Item{x.Path, x.Name, plural(len(x.Jurisdictions), "jurisdiction", "jurisdictions")}
		})
	case "occupations":
		return items(g.Occupations, func(x *resolve.Occupation) Item { return Item{x.Path, x.Title, x.ID} })
	case "licenses":
		return items(g.Licenses, func(x *resolve.License) Item { return Item{x.Path, x.Title, x.State.Name} })
	case "boards":
		return items(g.Boards, func(x *resolve.Board) Item { return Item{x.Path, x.Name, x.State.Name} })
	case "certifications":
		return items(g.Certifications, func(x *resolve.Certification) Item { return Item{x.Path, certTitle(x), issuerName(x)} })
	case "issuers":
		return items(g.Issuers, func(x *resolve.Issuer) Item {
			return Item{x.Path, x.Name, plural(len(x.Certifications), "certification", "certifications")}
		})
	case "compacts":
		return items(g.Compacts, func(x *resolve.Compact) Item {
			return Item{x.Path, compactTitle(x), plural(len(x.Members), "member or bill", "members or bills")}
		})
	case "states":
		return items(g.States, func(x *resolve.State) Item {
			return Item{x.Path, x.Name, plural(len(x.Licenses), "license", "licenses")}
		})
	}
	return nil
}

func items[T any](records []T, item func(T) Item) []Item {
	out := make([]Item, len(records))
	for i, r := range records {
		out[i] = item(r)
	}
	return out
}

func issuerName(c *resolve.Certification) string {
	if c.Issuer == nil {
		return "Issuer not established"
	}
	return c.Issuer.Name
}
