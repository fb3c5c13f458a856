package render

import (
	"cmp"
	"slices"

	"github.com/licensure/licensure/internal/resolve"
)

// MaintainersPage is /maintainers/: where editors can help most. It lists
// the records reviewed longest ago and the facts records still lack. It
// ranks by review date rather than age, so that the page does not change
// with the day it is built.
type MaintainersPage struct {
	*Data
	Oldest  []Reviewed // the records reviewed longest ago, oldest first
	Missing []Gap      // licenses lacking documented requirements
}

// Reviewed is a record with its review date.
type Reviewed struct {
	Item
	Date string
}

// Gap is a license and the facts it lacks.
type Gap struct {
	Item
	Fields []string
}

const maintainersListed = 40

func (p *pager) maintainers() {
	m := resolve.Meta{Path: "/maintainers/"}
	p.add(m, "maintainers", func() any {
		b := p.base(m, "For maintainers", "Records to review again and facts not yet documented, for editors who want to help.")
		return &MaintainersPage{Data: b, Oldest: oldest(p.g, maintainersListed), Missing: gaps(p.g)}
	})
}

func oldest(g *resolve.Graph, n int) []Reviewed {
	var all []Reviewed
	for _, l := range g.Licenses {
		all = append(all, Reviewed{Item{l.Path, l.Title + ", " + l.State.Name, l.Kind.Label}, string(l.Reviewed)})
	}
	for _, b := range g.Boards {
		all = append(all, Reviewed{Item{b.Path, b.Name, b.Kind.Label}, string(b.Reviewed)})
	}
	for _, c := range g.Certifications {
		all = append(all, Reviewed{Item{c.Path, certTitle(c), c.Kind.Label}, string(c.Reviewed)})
	}
	for _, i := range g.Issuers {
		all = append(all, Reviewed{Item{i.Path, i.Name, i.Kind.Label}, string(i.Reviewed)})
	}
	slices.SortFunc(all, func(a, b Reviewed) int { return cmp.Or(cmp.Compare(a.Date, b.Date), cmp.Compare(a.URL, b.URL)) })
	return all[:min(n, len(all))]
}

// gaps lists, for each license, the requirement facts no source documents
// yet, most incomplete first.
func gaps(g *resolve.Graph) []Gap {
	var out []Gap
	for _, l := range g.Licenses {
		var missing []string
		for _, f := range l.Facts() {
			if !f.Stated {
				missing = append(missing, f.Name)
			}
		}
		if len(missing) > 0 {
			out = append(out, Gap{Item{l.Path, l.Title + ", " + l.State.Name, ""}, missing})
		}
	}
	slices.SortStableFunc(out, func(a, b Gap) int { return cmp.Compare(len(b.Fields), len(a.Fields)) })
	return out
}
