package tilemap

import (
	"encoding/xml"
	"io"
	"strings"
	"testing"
)

func TestLayoutPlacesEveryJurisdictionOnce(t *testing.T) {
	codes, cells := map[string]bool{}, map[[2]int]string{}
	for _, c := range layout {
		if codes[c.Code] {
			t.Errorf("%s placed twice", c.Code)
		}
		codes[c.Code] = true
		at := [2]int{c.Col, c.Row}
		if other, ok := cells[at]; ok {
			t.Errorf("%s and %s share column %d, row %d", c.Code, other, c.Col, c.Row)
		}
		cells[at] = c.Code
		if c.Col < 0 || c.Col >= cols || c.Row < 0 || c.Row > mainRow {
			t.Errorf("%s is off the grid at %d,%d", c.Code, c.Col, c.Row)
		}
	}
	if len(codes) != 56 {
		t.Errorf("got %d codes, want 56 (50 states, DC, 5 territories)", len(codes))
	}
	for _, c := range []string{"DC", "PR", "GU", "VI", "AS", "MP"} {
		if !codes[c] {
			t.Errorf("%s missing", c)
		}
	}
}

func sample() Map {
	return Map{
		ID: "m1", Title: "Perfusion <by state>", Desc: `Licensed & "not"`,
		Tiles: map[string]Tile{
			"OH": {Href: "/states/oh/", Class: "licensed", Label: "Ohio, licensed", Mark: "✓"},
			"TX": {Href: "/licenses/tx-a?x=1&y=2", Class: "unknown", Label: "Texas, <script>", Mark: "?"},
			"PR": {Class: "not-licensed", Label: "Puerto Rico, not licensed", Mark: "–"},
		},
		Legend: []LegendItem{{Class: "licensed", Mark: "✓", Label: "Licensed"}, {Class: "unknown", Mark: "?", Label: "Not <yet> researched"}},
	}
}

func TestRenderContains(t *testing.T) {
	out, err := String(sample())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, want string }{
		{"group named and described", `role="group" aria-labelledby="m1-title" aria-describedby="m1-desc"`},
		{"title escaped", `<title id="m1-title">Perfusion &lt;by state&gt;</title>`},
		{"desc escaped", `<desc id="m1-desc">Licensed &amp; &#34;not&#34;</desc>`},
		{"tile link", `<a class="tile licensed" href="/states/oh/" aria-label="OH: Ohio, licensed"><rect`},
		{"href escaped", `href="/licenses/tx-a?x=1&amp;y=2"`},
		{"label escaped", `aria-label="TX: Texas, &lt;script&gt;"`},
		{"mark", `</text> <text class="mark" x="284" y="167" aria-hidden="true">✓</text>`},
		{"code", `<text class="code" x="284" y="151">OH</text>`},
		{"unlinked tile is an image", `<g class="tile not-licensed" role="img" aria-label="PR: Puerto Rico, not licensed">`},
		{"territory row below", `<rect x="352" y="374"`},
		{"missing tile hidden", `<g class="tile tile-none" aria-hidden="true"><rect x="0" y="0"`},
		{"legend", `<li class="legend-item unknown"><span class="swatch" aria-hidden="true">?</span> Not &lt;yet&gt; researched</li>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(out, tt.want) {
				t.Errorf("output lacks %s\n%s", tt.want, out)
			}
		})
	}
	if n := strings.Count(out, "<a "); n != 2 {
		t.Errorf("got %d links, want 2", n)
	}
	if strings.Contains(out, "style") {
		t.Error("output has a style attribute or element")
	}
}

func TestRenderIsWellFormedAndDeterministic(t *testing.T) {
	first, err := String(sample())
	if err != nil {
		t.Fatal(err)
	}
	for range 20 {
		if again, _ := String(sample()); again != first {
			t.Fatal("output differs between runs")
		}
	}
	d := xml.NewDecoder(strings.NewReader(first))
	for {
		_, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed: %v", err)
		}
	}
}

func TestRenderRejects(t *testing.T) {
	tests := []struct {
		name string
		edit func(*Map)
		want string
	}{
		{"empty id", func(m *Map) { m.ID = "" }, "not a plain token"},
		{"id with quote", func(m *Map) { m.ID = `a"b` }, "not a plain token"},
		{"unknown code", func(m *Map) { m.Tiles["XX"] = Tile{} }, `no tile for code "XX"`},
		{"script href", func(m *Map) { m.Tiles["OH"] = Tile{Href: "javascript:alert(1)"} }, "not a path"},
		{"data href", func(m *Map) { m.Tiles["OH"] = Tile{Href: "data:text/html,x"} }, "not a path"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := sample()
			tt.edit(&m)
			var sb strings.Builder
			err := Render(&sb, m)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got error %v, want one with %q", err, tt.want)
			}
			if sb.Len() != 0 {
				t.Error("wrote output despite the error")
			}
		})
	}
}

func TestCodes(t *testing.T) {
	c := Codes()
	if len(c) != len(layout) || c[0] != "AK" {
		t.Errorf("Codes() = %v", c)
	}
}
