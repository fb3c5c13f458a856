package build

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"io"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/licensure/licensure/internal/sitetest"
)

// hostile are the payloads every text field of the escaping test holds.
var hostile = []string{`<script>alert(1)</script>`, `"><img src=x onerror=alert(1)>`, `</script>`}

// hostileSite puts the payloads into every free-text field of the test
// site: titles, names, acronyms, summaries, notes, citations, source titles.
func hostileSite() map[string]string {
	p := strings.Join(hostile, " ")
	q := `'` + strings.ReplaceAll(p, `'`, `''`) + `'`
	src := "sources: [{title: " + q + ", url: \"https://x.example/?a=b&c=d\"}]\nreviewed: 2026-11-24\n"
	files := sitetest.Base()
	files["families/cardio.yaml"] = "name: " + q + "\nsummary: " + q + "\noccupations: [29-1126.00]\nreported: {licenses: 3, jurisdictions: 2, source: {title: " + q + ", url: \"https://db.example\"}, note: " + q + "}\n" + src
	files["specialties/respiratory-care.yaml"] = "name: " + q + "\nfamily: cardio\nsummary: " + q + "\noccupations: [29-1126.00]\nreported: {jurisdictions: 2, source: {title: " + q + ", url: \"https://db.example\"}, note: " + q + "}\n" +
		"not_licensed: [{state: TX, note: " + q + ", source: {title: " + q + ", url: \"https://tx.example\"}, reviewed: 2026-11-24}]\n"
	files["occupations/29-1126.00.yaml"] = "title: " + q + "\nsummary: " + q + "\nurl: https://www.onetonline.org/link/summary/29-1126.00\n"
	files["boards/oh-board.yaml"] = "name: " + q + "\nstate: OH\nparent: " + q + "\nurl: https://oh.example\nsummary: " + q + "\n" + src
	files["issuers/nbrc.yaml"] = "name: " + q + "\nacronym: " + q + "\nurl: https://www.nbrc.org\nsummary: " + q + "\n" + src
	files["certifications/nbrc-rrt.yaml"] = "name: " + q + "\nacronym: " + q + "\nissuer: nbrc\nspecialties: [respiratory-care]\nsummary: " + q + "\n" + src
	files["licenses/oh-rcp.yaml"] = "title: " + q + "\nstate: OH\nspecialty: respiratory-care\nboard: oh-board\noccupations: [29-1126.00]\ncredential: license\nsummary: " + q + "\n" +
		"requirements: {education: " + q + ", exam: " + q + ", experience: " + q + ", continuing_education: " + q + ", renewal: " + q + ", fees: [{for: application, amount: 75, note: " + q + "}], certifications: [{id: nbrc-rrt, role: required}]}\n" +
		"portability: {endorsement: " + q + ", temporary_permit: " + q + "}\n" +
		"statute: {citation: " + q + ", url: \"https://law.example/?q=x&y=z\"}\nlinks: {apply: \"https://x.example/a?b=c\"}\n" + src
	files["pages/about.md"] = "---\ntitle: " + q + "\ndescription: " + q + "\n---\n# " + p + "\n\n" + p + "\n"
	return files
}

// TestHostileContentStaysEscaped builds a site whose every text field holds
// script and attribute injections, and checks that none of them appears
// unescaped in any HTML, JSON-LD, feed, sitemap, search-index or data file.
func TestHostileContentStaysEscaped(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	res, err := Build(context.Background(), options(t, hostileSite(), out))
	if err != nil {
		t.Fatalf("%v %v", err, res.Diags.Items())
	}
	files := snapshot(t, out)
	scripts := regexp.MustCompile(`(?i)<script\b`)
	for name, data := range files {
		switch {
		case strings.HasSuffix(name, ".html"):
			for _, bad := range []string{"<script>alert", "<img", "onerror=alert(1)>"} {
				if strings.Contains(data, bad) {
					t.Errorf("%s: unescaped %q", name, bad)
				}
			}
			if opens, closes := len(scripts.FindAllString(data, -1)), strings.Count(strings.ToLower(data), "</script>"); opens != closes {
				t.Errorf("%s: %d script elements opened, %d closed: a field broke out", name, opens, closes)
			}
		case strings.HasSuffix(name, ".xml"):
			checkXML(t, name, data)
		case strings.HasSuffix(name, ".json"):
			if !json.Valid([]byte(data)) {
				t.Errorf("%s: invalid JSON", name)
			}
			if strings.Contains(data, "<script") || strings.Contains(data, "</script") {
				t.Errorf("%s: unescaped script tag in JSON", name)
			}
		}
	}
	if !strings.Contains(files["licenses/oh-rcp/index.html"], "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("the payload is not on the license page at all: the test does not test")
	}
}

// checkXML parses a whole XML file and rejects any element named script.
func checkXML(t *testing.T, name, data string) {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(data))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Errorf("%s: not well-formed XML: %v", name, err)
			return
		}
		if el, ok := tok.(xml.StartElement); ok && strings.EqualFold(el.Name.Local, "script") {
			t.Errorf("%s: a script element", name)
		}
	}
}
