package render

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"github.com/licensure/licensure/internal/model"
	"github.com/licensure/licensure/internal/resolve"
	"github.com/licensure/licensure/internal/tilemap"
)

// MapTable is the table beside a map of several specialties: whether each
// state licenses each of them.
type MapTable struct {
	Specialties []*resolve.Specialty
	Rows        []MapRow // one per state, by name
}

// MapRow is one state's row of a MapTable.
type MapRow struct {
	State    *resolve.State
	Licensed int        // how many of the specialties it licenses
	Cells    []Coverage // one per specialty, in the order of Specialties
}

// Marks and legend words of the three statuses of coverage.
var statusMarks = map[string]string{"licensed": "✓", "not-licensed": "–", "unknown": "?"}

var statusWords = map[string]string{"licensed": "licensed", "not-licensed": "not licensed", "unknown": "not yet researched"}

// credentialMarks mark a licensed state by the kind of its credential, so
// that a registration does not read as a license.
var credentialMarks = map[string]string{"license": "L", "certification": "S", "certificate": "C", "registration": "R", "title-protection": "T", "permit": "P"}

// coverageMark and coverageWords give a state's mark and status in words.
func coverageMark(c Coverage) string {
	if c.Status == "licensed" {
		return credentialMarks[c.Credential]
	}
	return statusMarks[c.Status]
}

func coverageWords(c Coverage) string {
	if c.Status == "licensed" {
		return strings.ToLower(model.CredentialLabel(c.Credential))
	}
	return statusWords[c.Status]
}

// mapTable crosses every state with the specialties.
func mapTable(g *resolve.Graph, specialties []*resolve.Specialty) MapTable {
	m := MapTable{Specialties: specialties, Rows: make([]MapRow, len(g.States))}
	for i, st := range g.States {
		m.Rows[i].State = st
	}
	for _, s := range specialties {
		for i, c := range coverage(g, s) {
			m.Rows[i].Cells = append(m.Rows[i].Cells, c)
			if c.Status == "licensed" {
				m.Rows[i].Licensed++
			}
		}
	}
	return m
}

// specialtyMap shows whether each state licenses s. A tile links to the
// state's license when it has exactly one, and to the state otherwise.
func specialtyMap(s *resolve.Specialty, cov []Coverage) template.HTML {
	m := tilemap.Map{ID: "map-coverage", Title: s.Name + ": licensing by state", Tiles: map[string]tilemap.Tile{}}
	counts := map[string]int{}
	kinds := map[string]int{}
	for _, c := range cov {
		counts[c.Status]++
		if c.Status == "licensed" {
			kinds[c.Credential]++
		}
		label := c.State.Name + ", " + coverageWords(c)
		if c.Status == "licensed" { // a letter drawn in the tile is part of its name
			label = coverageMark(c) + " (" + coverageWords(c) + "), " + c.State.Name
		}
		t := tilemap.Tile{Href: c.State.Path, Class: c.Status, Mark: coverageMark(c), Label: label}
		if len(c.Licenses) == 1 {
			t.Href, t.Label = c.Licenses[0].Path, t.Label+": "+c.Licenses[0].Title
		}
		setTile(&m, c.State, t)
	}
	var issued []string
	for _, k := range model.CredentialKinds() {
		if kinds[k] > 0 {
			issued = append(issued, fmt.Sprintf("%s %d", strings.ToLower(model.CredentialLabel(k)), kinds[k]))
			m.Legend = append(m.Legend, tilemap.LegendItem{Class: "licensed", Mark: credentialMarks[k], Label: model.CredentialLabel(k)})
		}
	}
	m.Desc = fmt.Sprintf("Each square is a state, DC or a territory, marked with the kind of credential it issues. Credential issued: %d (%s); not licensed: %d; not yet researched: %d. The table that follows lists the same.",
		counts["licensed"], strings.Join(issued, ", "), counts["not-licensed"], counts["unknown"])
	m.Legend = append(m.Legend, statusLegend("", "Not licensed (sourced)", "Not yet researched")[1:]...)
	return mustMap(m)
}

// familyMap shows which states license at least one of f's specialties.
func familyMap(f *resolve.Family, mx MapTable) template.HTML {
	m := tilemap.Map{ID: "map-family", Title: f.Name + ": states with a license", Tiles: map[string]tilemap.Tile{}}
	counts := map[string]int{}
	for _, r := range mx.Rows {
		st := rowStatus(r)
		counts[st]++
		label := map[string]string{
			"licensed":     fmt.Sprintf("credentials %d of %d specialties", r.Licensed, len(mx.Specialties)),
			"not-licensed": "licenses none of the specialties",
			"unknown":      "no license documented yet",
		}[st]
		setTile(&m, r.State, tilemap.Tile{Href: r.State.Path, Class: st, Mark: statusMarks[st], Label: r.State.Name + ", " + label})
	}
	m.Desc = fmt.Sprintf("Each square is a state, DC or a territory. Issuing a credential (license, certificate, registration…) for at least one specialty of the family: %d; for none: %d; no license documented yet: %d. The table that follows gives each specialty.",
		counts["licensed"], counts["not-licensed"], counts["unknown"])
	m.Legend = statusLegend("Credentials at least one specialty", "Licenses none", "No license documented yet")
	return mustMap(m)
}

// homeMap shades each state by how many of the specialties it licenses,
// the count being the tile's mark, in five steps from none to four or
// more.
func homeMap(mx MapTable) template.HTML {
	n := len(mx.Specialties)
	m := tilemap.Map{ID: "map-national", Title: "Specialties licensed in each state", Tiles: map[string]tilemap.Tile{}}
	unresearched := 0
	for _, r := range mx.Rows {
		label := fmt.Sprintf("%d of %d specialties licensed in %s", r.Licensed, n, r.State.Name)
		t := tilemap.Tile{Href: r.State.Path, Class: countClass(r.Licensed), Mark: strconv.Itoa(r.Licensed), Label: label}
		if researchedNone(r) {
			// "0" would say that the state licenses none of them.
			unresearched++
			t.Class, t.Mark, t.Label = "unknown", statusMarks["unknown"], r.State.Name+": no specialty researched yet"
		}
		setTile(&m, r.State, t)
	}
	m.Desc = fmt.Sprintf("Each square is a state, DC or a territory, marked with how many of the %d specialties it licenses; darker squares license more. A question mark: none researched yet. The table that follows gives each specialty.", n)
	for i := 0; i <= min(n, 4); i++ {
		word := plural(i, "specialty", "specialties")
		if i == 4 && n > 4 {
			word = "4 or more specialties"
		}
		m.Legend = append(m.Legend, tilemap.LegendItem{Class: countClass(i), Mark: strconv.Itoa(i), Label: word})
	}
	if unresearched > 0 {
		m.Legend = append(m.Legend, tilemap.LegendItem{Class: "unknown", Mark: statusMarks["unknown"], Label: "none researched yet"})
	}
	return mustMap(m)
}

// researchedNone reports whether no specialty has been researched in a
// state: it licenses none that the site documents, and no source says that
// it does not license one.
func researchedNone(r MapRow) bool {
	for _, c := range r.Cells {
		if c.Status != "unknown" {
			return false
		}
	}
	return len(r.Cells) > 0
}

func countClass(n int) string { return "count-" + strconv.Itoa(min(n, 4)) }

// rowStatus sums up a state's row: licensed if it licenses any of the
// specialties, not licensed if researched and found to license none.
func rowStatus(r MapRow) string {
	if r.Licensed > 0 {
		return "licensed"
	}
	for _, c := range r.Cells {
		if c.Status != "not-licensed" {
			return "unknown"
		}
	}
	return "not-licensed"
}

func statusLegend(licensed, notLicensed, unknown string) []tilemap.LegendItem {
	return []tilemap.LegendItem{
		{Class: "licensed", Mark: statusMarks["licensed"], Label: licensed},
		{Class: "not-licensed", Mark: statusMarks["not-licensed"], Label: notLicensed},
		{Class: "unknown", Mark: statusMarks["unknown"], Label: unknown},
	}
}

// placed is the set of codes the tile map draws; a state it lacks still
// appears in the table beside the map.
var placed = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range tilemap.Codes() {
		m[c] = true
	}
	return m
}()

func setTile(m *tilemap.Map, st *resolve.State, t tilemap.Tile) {
	if code := string(st.Code); placed[code] {
		m.Tiles[code] = t
	}
}

// mustMap renders m. Its ID is a constant, its codes are filtered by
// setTile and its links are site paths, so an error is a bug.
func mustMap(m tilemap.Map) template.HTML {
	s, err := tilemap.String(m)
	if err != nil {
		panic(err)
	}
	return template.HTML(s) // tilemap escapes every text and attribute value
}
