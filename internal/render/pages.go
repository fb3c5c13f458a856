package render

import (
	"cmp"
	"net/url"
	"slices"
	"strings"

	"github.com/licensure/licensure/internal/model"
	"github.com/licensure/licensure/internal/opendata"
	"github.com/licensure/licensure/internal/resolve"
)

// Page is one HTML page to render: the template of its kind and the
// function that builds its data. Data is built when the page is rendered,
// by the worker that renders it, so that listing every page is cheap and
// memory holds the data of a few pages at a time, not of the whole site.
type Page struct {
	Path     string     // output file, such as licenses/x/index.html
	URL      string     // site path, such as /licenses/x/
	Template string     // page kind, the name of its file in templates/
	Key      string     // the record the page presents ("licenses/x"), or ""
	Reviewed model.Date // when that record was last reviewed, or ""
	record   any        // the resolved record, or the kind an index lists
	data     func() any
}

// Data builds the page's template data.
func (p Page) Data() any { return p.data() }

// pager builds the page list of a graph.
type pager struct {
	g     *resolve.Graph
	pages []Page
}

// base returns the fields every page has.
func (p *pager) base(m resolve.Meta, title, desc string) *Data {
	s := &p.g.Site
	b := &Data{Site: s, Graph: p.g, Title: title, Description: desc, Path: m.Path}
	b.Canonical = strings.TrimSuffix(string(s.BaseURL), "/") + m.Path
	b.ReportURL = strings.ReplaceAll(s.IssueURL, "{title}", url.QueryEscape("Problem on "+m.Path))
	if m.File != "" {
		b.EditURL = strings.ReplaceAll(s.EditURL, "{path}", m.File)
	}
	if m.Kind.Name != "" && m.Kind.Name != "pages" {
		b.Crumbs = []Crumb{{URL: "/" + m.Kind.Name + "/", Title: m.Kind.Plural}}
	}
	return b
}

// add lists a page whose data data builds.
func (p *pager) add(m resolve.Meta, tmpl string, data func() any) {
	p.addRecord(m, tmpl, "", nil, data)
}

// addRecord lists the page of record, reviewed on the given date.
func (p *pager) addRecord(m resolve.Meta, tmpl string, reviewed model.Date, record any, data func() any) {
	key := ""
	if m.ID != "" {
		key = Key(m)
	}
	p.pages = append(p.pages, Page{Path: strings.TrimPrefix(m.Path, "/") + "index.html", URL: m.Path, Template: tmpl, Key: key, Reviewed: reviewed, record: record, data: data})
}

// Pages lists every page of the graph in a stable order.
func Pages(g *resolve.Graph) []Page {
	p := &pager{g: g}
	p.home()
	p.records()
	p.indexes()
	for _, pg := range g.Pages {
		p.add(pg.Meta, "page", func() any {
			d := p.base(pg.Meta, pg.Title, pg.Description)
			d.Page = pg
			return d
		})
	}
	p.extraPages()
	p.portabilityPages()
	p.schemaPage()
	p.maintainers()
	nf := func() any {
		return p.base(resolve.Meta{Path: "/404.html"}, "Page not found", "The page you asked for is not here.")
	}
	p.pages = append(p.pages, Page{Path: "404.html", URL: "/404.html", Template: "404", data: nf})
	return p.pages
}

func (p *pager) records() {
	g := p.g
	certs, boards := map[string]int{}, map[string]int{}
	for _, c := range g.Certifications {
		certs[certTitle(c)]++
	}
	for _, x := range g.Boards {
		boards[x.Name]++
	}
	for _, l := range g.Licenses {
		p.addRecord(l.Meta, "license", l.Reviewed, l, func() any {
			b := p.base(l.Meta, l.Title+" ("+l.State.Name+")", describeLicense(l))
			b.Reviewed, b.JSONLD, b.License = l.Reviewed, licenseLD(b, l), l
			b.Military = p.militaryPage()
			return b
		})
	}
	for _, x := range g.Boards {
		p.addRecord(x.Meta, "board", x.Reviewed, x, func() any {
			title := x.Name
			if boards[title] > 1 { // the page title says which state's
				title += " (" + x.State.Name + ")"
			}
			b := p.base(x.Meta, title, "The "+x.Name+", "+x.State.Name+": the licenses it issues and where its facts come from.")
			b.Reviewed, b.JSONLD, b.Board = x.Reviewed, boardLD(b, x), x
			return b
		})
	}
	for _, c := range g.Certifications {
		p.addRecord(c.Meta, "certification", c.Reviewed, c, func() any {
			title := certTitle(c)
			if certs[title] > 1 && c.Issuer != nil { // the page title says whose
				title += " · " + cmp.Or(c.Issuer.Acronym, c.Issuer.Name)
			}
			b := p.base(c.Meta, title, "The "+c.Name+" certification: who awards it and which state licenses require or accept it.")
			b.Reviewed, b.JSONLD, b.Certification = c.Reviewed, certificationLD(b, c), c
			b.Unnamed = unnamed(c)
			return b
		})
	}
	for _, i := range g.Issuers {
		p.addRecord(i.Meta, "issuer", i.Reviewed, i, func() any {
			b := p.base(i.Meta, i.Name, "The "+i.Name+" and the certifications it awards.")
			b.Reviewed, b.JSONLD, b.Issuer = i.Reviewed, issuerLD(b, i), i
			return b
		})
	}
	p.groups()
}

func (p *pager) groups() {
	g := p.g
	for _, s := range g.Specialties {
		p.addRecord(s.Meta, "specialty", s.Reviewed, s, func() any {
			b := p.base(s.Meta, s.Name, "Which states license "+strings.ToLower(s.Name)+", with each license, board and certification.")
			b.Specialty, b.Coverage = s, coverage(g, s)
			b.Map = specialtyMap(s, b.Coverage)
			return b
		})
	}
	for _, f := range g.Families {
		p.addRecord(f.Meta, "family", f.Reviewed, f, func() any {
			b := p.base(f.Meta, f.Name, "Licensing of "+f.Name+" practitioners across U.S. states and territories.")
			b.Reviewed = f.Reviewed
			b.Family, b.Table = f, mapTable(g, f.Specialties)
			b.Map = familyMap(f, b.Table)
			return b
		})
	}
	for _, o := range g.Occupations {
		p.addRecord(o.Meta, "occupation", "", o, func() any {
			b := p.base(o.Meta, o.Title+" ("+o.ID+")", "Licenses for "+o.Title+", O*NET-SOC "+o.ID+".")
			b.JSONLD, b.Occupation = occupationLD(b, o), o
			return b
		})
	}
	for _, s := range g.States {
		p.addRecord(s.Meta, "state", "", s, func() any {
			b := p.base(s.Meta, s.Name, "Licenses, boards and certifications for "+s.Name+".")
			b.State, b.Military, b.Move = s, p.militaryPage(), true
			b.NotLicensed, b.Unknown = stateGaps(g, s)
			return b
		})
	}
}

func describeLicense(l *resolve.License) string {
	d := l.State.Name + " " + strings.ToLower(l.Credential) + " for " + strings.ToLower(l.Specialty.Name)
	if l.Board != nil {
		d += ", issued by the " + l.Board.Name
	}
	return d + ": requirements, certifications and sources."
}

func certTitle(c *resolve.Certification) string {
	if c.Acronym != "" {
		return c.Name + " (" + c.Acronym + ")"
	}
	return c.Name
}

// coverage says, for every state, whether it licenses the specialty.
func coverage(g *resolve.Graph, s *resolve.Specialty) []Coverage {
	byState := map[*resolve.State][]*resolve.License{}
	for _, l := range s.Licenses {
		byState[l.State] = append(byState[l.State], l)
	}
	out := make([]Coverage, 0, len(g.States))
	for _, st := range g.States {
		c := Coverage{State: st, Status: "unknown", Licenses: byState[st]}
		switch {
		case len(c.Licenses) > 0:
			c.Status, c.Credential = "licensed", mainCredential(c.Licenses)
		case slices.Contains(s.NotLicensed, st):
			c.Status, c.Absence = "not-licensed", opendata.AbsenceIn(s, st)
		}
		out = append(out, c)
	}
	return out
}

// mainCredential is the strongest kind of credential of ls, in the order
// of model.CredentialKinds.
func mainCredential(ls []*resolve.License) string {
	kinds := model.CredentialKinds()
	best := len(kinds)
	for _, l := range ls {
		if i := slices.Index(kinds, l.Credential); i >= 0 && i < best {
			best = i
		}
	}
	if best == len(kinds) {
		return "license"
	}
	return kinds[best]
}

// stateGaps lists the specialties a state does not license, and those not
// yet researched there.
func stateGaps(g *resolve.Graph, st *resolve.State) (notLicensed []Finding, unknown []*resolve.Specialty) {
	for _, s := range g.Specialties {
		if slices.ContainsFunc(st.Licenses, func(l *resolve.License) bool { return l.Specialty == s }) {
			continue
		}
		if slices.Contains(s.NotLicensed, st) {
			notLicensed = append(notLicensed, Finding{Specialty: s, Absence: opendata.AbsenceIn(s, st)})
		} else {
			unknown = append(unknown, s)
		}
	}
	return notLicensed, unknown
}

func (p *pager) home() {
	p.pages = append(p.pages, Page{Path: "index.html", URL: "/", Template: "home", data: func() any {
		b := p.base(resolve.Meta{Path: "/"}, p.g.Site.Title, p.g.Site.Description)
		b.Recent, b.Table = recent(p.g, 8), mapTable(p.g, p.g.Specialties)
		b.Move = true
		b.Map = homeMap(b.Table)
		return b
	}})
}

// recent lists the most recently reviewed licenses, boards and
// certifications, newest first.
func recent(g *resolve.Graph, n int) []Item {
	// Items are made only for the n records shown: the others are compared
	// by date and path alone.
	type dated struct {
		date model.Date
		path string
		item func() Item
	}
	var all []dated
	for _, l := range g.Licenses {
		all = append(all, dated{l.Reviewed, l.Path, func() Item { return Item{l.Path, l.Title + ", " + l.State.Name, "License"} }})
	}
	for _, b := range g.Boards {
		all = append(all, dated{b.Reviewed, b.Path, func() Item { return Item{b.Path, b.Name, "Board"} }})
	}
	for _, c := range g.Certifications {
		all = append(all, dated{c.Reviewed, c.Path, func() Item { return Item{c.Path, certTitle(c), "Certification"} }})
	}
	slices.SortFunc(all, func(a, b dated) int { return cmp.Or(cmp.Compare(b.date, a.date), cmp.Compare(a.path, b.path)) })
	out := make([]Item, 0, n)
	for _, d := range all[:min(n, len(all))] {
		it := d.item()
		it.Detail += ", reviewed " + formatDate(d.date)
		out = append(out, it)
	}
	return out
}

// unnamed counts, for each specialty of c, its licenses that name no
// certification at all.
func unnamed(c *resolve.Certification) []SpecialtyCount {
	var out []SpecialtyCount
	for _, s := range c.Specialties {
		n := 0
		for _, l := range s.Licenses {
			if len(l.Certifications) == 0 {
				n++
			}
		}
		if n > 0 {
			out = append(out, SpecialtyCount{s, n})
		}
	}
	return out
}
