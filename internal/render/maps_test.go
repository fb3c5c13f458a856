package render

import (
	"strings"
	"testing"

	"github.com/licensure/licensure/internal/model"
	"github.com/licensure/licensure/internal/resolve"
)

// mapGraph has four states, one the tile map does not place and one,
// Vermont, where nothing was researched, and two specialties: perfusion
// licensed in Ohio and found not licensed in Texas, and dialysis licensed
// in Ohio only.
func mapGraph() (*resolve.Graph, []*resolve.Specialty) {
	state := func(code, name string) *resolve.State {
		return &resolve.State{Meta: resolve.Meta{Path: "/states/" + strings.ToLower(code) + "/"}, State: model.State{Code: model.StateCode(code), Name: name}}
	}
	oh, tx, fm, vt := state("OH", "Ohio"), state("TX", "Texas <&>"), state("FM", "Micronesia"), state("VT", "Vermont")
	spec := func(name string) *resolve.Specialty {
		return &resolve.Specialty{Specialty: &model.Specialty{Name: name}}
	}
	perf, dial := spec("Perfusion"), spec("Dialysis")
	lic := func(s *resolve.Specialty, title string) {
		l := &resolve.License{Meta: resolve.Meta{Path: "/licenses/" + strings.ToLower(title) + "/"}, License: &model.License{Title: title}, State: oh, Specialty: s}
		s.Licenses = append(s.Licenses, l)
	}
	lic(perf, "Perfusionist")
	lic(dial, "Technician")
	perf.NotLicensed = []*resolve.State{tx}
	return &resolve.Graph{States: []*resolve.State{fm, oh, tx, vt}}, []*resolve.Specialty{perf, dial}
}

func TestMapTableAndRowStatus(t *testing.T) {
	g, specs := mapGraph()
	mx := mapTable(g, specs)
	tests := []struct {
		row      int
		licensed int
		status   string
	}{
		{0, 0, "unknown"}, {1, 2, "licensed"}, {2, 0, "unknown"}, {3, 0, "unknown"},
	}
	for _, tt := range tests {
		r := mx.Rows[tt.row]
		if r.Licensed != tt.licensed || rowStatus(r) != tt.status || len(r.Cells) != 2 {
			t.Errorf("%s: licensed %d, status %s, %d cells; want %d, %s, 2", r.State.Name, r.Licensed, rowStatus(r), len(r.Cells), tt.licensed, tt.status)
		}
	}
	texasPerfusionOnly := MapRow{Cells: []Coverage{{Status: "not-licensed"}}}
	if rowStatus(texasPerfusionOnly) != "not-licensed" {
		t.Error("a row researched and licensing nothing should be not-licensed")
	}
}

func TestMaps(t *testing.T) {
	g, specs := mapGraph()
	mx := mapTable(g, specs)
	tests := []struct {
		name string
		html string
		want []string
	}{
		{"specialty", string(specialtyMap(specs[0], coverage(g, specs[0]))), []string{
			`id="map-coverage"`,
			`<a class="tile licensed" href="/licenses/perfusionist/" aria-label="OH: L (license), Ohio: Perfusionist">`,
			`<a class="tile not-licensed" href="/states/tx/" aria-label="TX: Texas &lt;&amp;&gt;, not licensed">`,
			`Credential issued: 1 (license 1); not licensed: 1; not yet researched: 2.`,
			`<span class="swatch" aria-hidden="true">L</span> License</li>`,
			`<span class="swatch" aria-hidden="true">–</span> Not licensed (sourced)</li>`,
		}},
		{"family", string(familyMap(&resolve.Family{Family: &model.Family{Name: "Cardio"}}, mx)), []string{
			`<title id="map-family-title">Cardio: states with a license</title>`,
			`aria-label="OH: Ohio, credentials 2 of 2 specialties"`,
			`aria-label="TX: Texas &lt;&amp;&gt;, no license documented yet"`,
		}},
		{"home", string(homeMap(mx)), []string{
			`<a class="tile count-2" href="/states/oh/" aria-label="OH: 2 of 2 specialties licensed in Ohio">`,
			`<a class="tile count-0" href="/states/tx/"`,
			`<a class="tile unknown" href="/states/vt/" aria-label="VT: Vermont: no specialty researched yet">`,
			`<span class="swatch" aria-hidden="true">?</span> none researched yet</li>`,
			`<span class="swatch" aria-hidden="true">2</span> 2 specialties</li>`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, w := range tt.want {
				if !strings.Contains(tt.html, w) {
					t.Errorf("lacks %s", w)
				}
			}
			if strings.Contains(tt.html, "Micronesia") || strings.Contains(tt.html, `count-3`) {
				t.Error("drew a state the map does not place, or a count level it should not have")
			}
		})
	}
}

func TestCountClass(t *testing.T) {
	for n, want := range map[int]string{0: "count-0", 3: "count-3", 4: "count-4", 9: "count-4"} {
		if got := countClass(n); got != want {
			t.Errorf("countClass(%d) = %s, want %s", n, got, want)
		}
	}
}
