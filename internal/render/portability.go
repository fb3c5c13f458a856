package render

import (
	"html/template"
	"slices"
	"strconv"
	"strings"

	"github.com/licensure/licensure/internal/model"
	"github.com/licensure/licensure/internal/opendata"
	"github.com/licensure/licensure/internal/resolve"
	"github.com/licensure/licensure/internal/tilemap"
)

// ComparePage is /specialties/<id>/compare/: every license of a specialty
// side by side, one row per column of opendata.Compared, one column per
// license. compare.js shows only the states the reader picks.
type ComparePage struct {
	*Data
	Columns []CompareColumn  // one per license, by state name
	States  []*resolve.State // the states with a license, for the picker
	Rows    []CompareRow
	Absent  []Coverage // the states without a license: not licensed, or not yet researched
	CSV     string     // the specialty's downloads
	JSON    string
}

// CompareColumn is a license as the head of its column shows it. Its
// fields are direct, as CompareCell's are.
type CompareColumn struct {
	License   *resolve.License
	State     string // lower-case state code, which the picker filters on
	StateName string
	Apply     string // the license's links, or ""
	Verify    string
}

// CompareRow is one requirement across the licenses.
type CompareRow struct {
	Label string
	Name  string // the column's name, for the row's id
	Cells []CompareCell
}

// CompareLink is a value of a list cell: a record, linked, and words
// after it; or, when no record has the ID, the entry as text.
type CompareLink struct {
	Record any // a *resolve.Board, *resolve.Certification…, or nil
	Text   string
	Words  string
}

// CompareCell is one license's value in a row, ready to show (the column
// it is in says which state's it is): at most one
// of Markdown, Links and Text is set, and none when the value is not
// documented. Each is a direct field: a compare page has thousands of
// cells, and html/template pays for every action.
type CompareCell struct {
	Markdown string        // Markdown text, rendered by the template
	Links    []CompareLink // a list's values, records linked
	Text     string        // plain text, an amount in dollars included
}

// MovePage is /move/: where the moving form leads without JavaScript. It
// lists, for every specialty, each state's licenses and the compare page.
type MovePage struct {
	*Data
}

// CompactPage is the page of an interstate compact, with its map.
type CompactPage struct {
	*Data
	Compact *resolve.Compact
}

// portabilityPages adds the compare pages, the compact pages and /move/.
func (p *pager) portabilityPages() {
	for _, s := range p.g.Specialties {
		m := resolve.Meta{Path: ComparePath(s)}
		p.add(m, "compare", func() any { return p.comparePage(m, s) })
	}
	for _, c := range p.g.Compacts {
		p.addRecord(c.Meta, "compact", c.Reviewed, c, func() any { return p.compactPage(c) })
	}
	mm := resolve.Meta{Path: MovePath}
	p.add(mm, "move", func() any {
		b := p.base(mm, "Moving to another state", "Find the license you need in the state you are moving to, and compare it with the one you hold.")
		b.Move = true
		return &MovePage{Data: b}
	})
}

// MovePath is the page the moving form submits to without JavaScript.
const MovePath = "/move/"

// ComparePath is the compare page of a specialty.
func ComparePath(s *resolve.Specialty) string { return s.Path + "compare/" }

func (p *pager) comparePage(m resolve.Meta, s *resolve.Specialty) *ComparePage {
	b := p.base(m, s.Name+": compare states", "Every state's "+strings.ToLower(s.Name)+" license side by side: requirements, fees, endorsement, temporary permits and compacts.")
	b.Crumbs = []Crumb{{URL: "/specialties/", Title: kindTitle("specialties")}, {URL: s.Path, Title: s.Name}}
	b.Specialty = s
	// Permits are rows of their full license, not columns of their own.
	var full []*resolve.License
	for _, l := range s.Licenses {
		if l.Credential != "permit" {
			full = append(full, l)
		}
	}
	cp := &ComparePage{Data: b}
	for _, l := range full {
		cp.Columns = append(cp.Columns, CompareColumn{License: l, State: strings.ToLower(string(l.State.Code)),
			StateName: l.State.Name, Apply: string(l.Links.Apply), Verify: string(l.Links.Verify)})
	}
	cp.CSV, cp.JSON = opendata.SpecialtyPaths(s)
	for _, c := range coverage(p.g, s) {
		if c.Status != "licensed" {
			cp.Absent = append(cp.Absent, c)
		}
	}
	for _, l := range full {
		if len(cp.States) == 0 || cp.States[len(cp.States)-1] != l.State {
			cp.States = append(cp.States, l.State)
		}
	}
	base := strings.TrimSuffix(string(p.g.Site.BaseURL), "/")
	for _, c := range opendata.Compared() {
		row := CompareRow{Label: c.Label, Name: c.Name}
		known := false
		for _, l := range full {
			cell := compareCell(p.g, c, c.Value(base, l))
			known = known || cell.Markdown != "" || len(cell.Links) > 0 || cell.Text != ""
			row.Cells = append(row.Cells, cell)
		}
		if known {
			cp.Rows = append(cp.Rows, row)
		}
	}
	return cp
}

// compareCell prepares a column's value for the compare page.
func compareCell(g *resolve.Graph, c opendata.Column, v opendata.Cell) CompareCell {
	switch c.Type {
	case opendata.Number:
		if v.Known {
			return CompareCell{Text: opendata.Dollars(v.Amount)}
		}
	case opendata.List:
		var out CompareCell
		for _, entry := range v.List {
			out.Links = append(out.Links, refItem(g, c.RefKind(), entry))
		}
		return out
	case opendata.Markdown:
		return CompareCell{Markdown: v.Text}
	default:
		if c.Name == "credential" {
			return CompareCell{Text: model.CredentialLabel(v.Text)}
		}
		return CompareCell{Text: v.Text}
	}
	return CompareCell{}
}

func (p *pager) compactPage(c *resolve.Compact) *CompactPage {
	b := p.base(c.Meta, compactTitle(c), "The "+c.Name+": what it grants, its status, and which states have enacted it or are considering it.")
	b.Reviewed, b.Map = c.Reviewed, compactMap(p.g, c)
	return &CompactPage{Data: b, Compact: c}
}

func compactTitle(c *resolve.Compact) string {
	if c.Acronym != "" {
		return c.Name + " (" + c.Acronym + ")"
	}
	return c.Name
}

// Marks and legend words of a state's standing in a compact.
var standingMarks = map[string]string{"enacted": "✓", "pending": "…", "none": "–"}

var standingWords = map[string]string{"enacted": "enacted", "pending": "bill pending", "none": "no law or bill recorded"}

// compactMap shows each state's standing in c.
func compactMap(g *resolve.Graph, c *resolve.Compact) template.HTML {
	m := tilemap.Map{ID: "map-compact", Title: c.Name + ": members by state", Tiles: map[string]tilemap.Tile{}}
	counts := map[string]int{}
	for _, st := range g.States {
		status, label := "none", st.Name+", "+standingWords["none"]
		if i := slices.IndexFunc(c.Members, func(m resolve.Member) bool { return m.State == st }); i >= 0 {
			mb := c.Members[i]
			status = mb.Status
			label = st.Name + ", " + standingWords[status] + ": " + mb.Law
		}
		counts[status]++
		setTile(&m, st, tilemap.Tile{Href: st.Path, Class: "standing-" + status, Mark: standingMarks[status], Label: label})
	}
	m.Desc = "Each square is a state, DC or a territory. Enacted: " + strconv.Itoa(counts["enacted"]) + "; bill pending: " + strconv.Itoa(counts["pending"]) +
		"; not a member: " + strconv.Itoa(counts["none"]) + ". The table that follows lists each member with its law."
	for _, s := range []string{"enacted", "pending", "none"} {
		m.Legend = append(m.Legend, tilemap.LegendItem{Class: "standing-" + s, Mark: standingMarks[s], Label: strings.ToUpper(standingWords[s][:1]) + standingWords[s][1:]})
	}
	return mustMap(m)
}

// licenseFees sums up what a license costs to obtain and to keep: the
// amounts of the application and initial fees, and of the renewal fee.
type licenseFees struct {
	Initial float64 // application plus initial license
	Renewal float64
	Months  int // the renewal's period, or 0
	HasInit bool
	HasRen  bool
}

func feeSummary(fees []model.Fee) licenseFees {
	var s licenseFees
	seen := map[string]bool{}
	for _, f := range fees {
		if seen[f.For] {
			continue // the first fee of a kind is the main one
		}
		seen[f.For] = true
		switch f.For {
		case "application", "initial":
			s.Initial += f.Amount
			s.HasInit = true
		case "renewal":
			s.Renewal, s.Months, s.HasRen = f.Amount, f.Months, true
		}
	}
	return s
}

// refItem is an entry of a list column as the compare page shows it: a
// record ID of kind as a link to the record, an entry "ID: words" (a
// compact's standing) as the linked record and the words; anything else as
// text.
func refItem(g *resolve.Graph, kind, entry string) CompareLink {
	id, words, _ := strings.Cut(entry, ": ")
	r, ok := g.Record(kind, id)
	if !ok {
		return CompareLink{Text: entry}
	}
	return CompareLink{Record: r, Words: words}
}

// MilitaryPageID is the content page on the federal provision for the
// licenses of military spouses, which license and state pages link to
// when it exists.
const MilitaryPageID = "military-spouses"

func (p *pager) militaryPage() string {
	if l, ok := p.g.Lookup("page", MilitaryPageID); ok {
		return l.URL
	}
	return ""
}

// StandingOf is a compact as the pages of a state and of its licenses
// show it: the compact, and the state's standing in it. Its fields are
// direct, since a state page shows every compact and html/template looks
// a promoted field up by a search.
type StandingOf struct {
	Compact     *resolve.Compact
	Operational bool
	StateName   string
	Member      *model.CompactMember // nil when the state has no law or bill recorded
}

func standingOf(s resolve.Standing, st *resolve.State) StandingOf {
	o := StandingOf{Compact: s.Compact, Operational: s.Compact.Status == "operational", StateName: st.Name}
	if s.Member != nil {
		o.Member = s.Member.CompactMember
	}
	return o
}

// compareFrom is the compare page of a license's specialty with the
// license's state chosen, as the license's page and its state's page link
// to it.
func compareFrom(l *resolve.License) string {
	return ComparePath(l.Specialty) + "?states=" + strings.ToLower(string(l.State.Code))
}
