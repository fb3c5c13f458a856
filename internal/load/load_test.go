package load

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/licensure/licensure/internal/model"
)

const board = "name: Ohio Board\nstate: OH\nurl: https://example.org\nsources: [{title: t, url: \"https://example.org\"}]\nreviewed: 2026-11-24\n"

// diagnostics loads files (paths under content/) and returns what Load
// reported, site and states errors left out.
func diagnostics(t *testing.T, files map[string]string) []string {
	t.Helper()
	fsys := fstest.MapFS{
		"site.yaml":   {Data: []byte("title: t\ndescription: d\nbase_url: https://x.org\nrepository: https://x.org\nedit_url: \"{path}\"\nissue_url: \"{title}\"\n")},
		"states.yaml": {Data: []byte("states:\n  - {code: OH, name: Ohio, type: state}\n")},
	}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	_, list := Load(fsys, "content/")
	var out []string
	for _, d := range list.Items() {
		out = append(out, d.String())
	}
	return out
}

func TestLoadDiagnostics(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{name: "valid", files: map[string]string{"boards/oh-board.yaml": board}},
		{name: "fee amounts", files: map[string]string{"licenses/oh-x.yaml": "title: X\nstate: OH\nspecialty: s\nboard: b\noccupations: [29-1126.00]\ncredential: license\nsummary: s\n" +
			"requirements:\n  fees:\n    - {for: application, amount: $75}\n    - {for: renewal, amount: 3.505}\n    - {for: renewal, amount: -1}\n    - {for: exam, amount: 12.5, months: 24}\n    - {for: fine, amount: 1}\n" +
			"sources: [{title: t, url: \"https://example.org\"}]\nreviewed: 2026-11-24\n"},
			want: []string{
				`content/licenses/oh-x.yaml:10:34: requirements.fees[0].amount: expected a number, found "$75"`,
				`content/licenses/oh-x.yaml:11:30: requirements.fees[1].amount: 3.505 has more than two decimal places`,
				`content/licenses/oh-x.yaml:12:30: requirements.fees[2].amount: number -1 out of range (0 to 1000000000)`,
				`content/licenses/oh-x.yaml:14:13: requirements.fees[4].for: invalid value "fine": want one of application, initial, renewal, permit, exam, endorsement, late, reinstatement, other`,
			}},
		{name: "crlf accepted", files: map[string]string{"boards/oh-board.yaml": strings.ReplaceAll(board, "\n", "\r\n")}},
		{name: "empty", files: map[string]string{"boards/oh-board.yaml": "  \n"},
			want: []string{"content/boards/oh-board.yaml: empty file"}},
		{name: "comment only", files: map[string]string{"boards/oh-board.yaml": "# nothing\n"},
			want: []string{"content/boards/oh-board.yaml: no YAML content"}},
		{name: "bom", files: map[string]string{"boards/oh-board.yaml": "\uFEFF" + board},
			want: []string{"content/boards/oh-board.yaml:1:1: file starts with a byte-order mark (save it as UTF-8 without BOM)"}},
		{name: "invalid utf-8", files: map[string]string{"boards/oh-board.yaml": "name: ok\nstate: O\xffH\n"},
			want: []string{"content/boards/oh-board.yaml:2:9: invalid UTF-8"}},
		{name: "tab indent", files: map[string]string{"boards/oh-board.yaml": "name: x\nsources:\n\t- title: t\n"},
			want: []string{"content/boards/oh-board.yaml:3:1: YAML syntax: found character that cannot start any token (indent with spaces, not tabs)"}},
		{name: "duplicate key", files: map[string]string{"boards/oh-board.yaml": board + "name: Again\n"},
			want: []string{`content/boards/oh-board.yaml:6:1: duplicate key "name" (first set on line 1)`}},
		{name: "unknown field", files: map[string]string{"boards/oh-board.yaml": board + "parnet: x\n"},
			want: []string{`content/boards/oh-board.yaml:6:1: unknown field "parnet" (did you mean "parent"?)`}},
		{name: "wrong type", files: map[string]string{"boards/oh-board.yaml": strings.Replace(board, "name: Ohio Board", "name: [a, b]", 1)},
			want: []string{`content/boards/oh-board.yaml:1:7: name: expected a string, found a list`}},
		{name: "missing required", files: map[string]string{"boards/oh-board.yaml": "name: x\n"},
			want: []string{
				`content/boards/oh-board.yaml:1:1: missing required field "reviewed"`,
				`content/boards/oh-board.yaml:1:1: missing required field "sources"`,
				`content/boards/oh-board.yaml:1:1: missing required field "state"`,
				`content/boards/oh-board.yaml:1:1: missing required field "url"`,
			}},
		{name: "null required", files: map[string]string{"boards/oh-board.yaml": strings.Replace(board, "state: OH", "state:", 1)},
			want: []string{`content/boards/oh-board.yaml:2:1: required field "state" has no value`}},
		{name: "bad formats", files: map[string]string{"boards/oh-board.yaml": "name: x\nstate: ohio\nurl: //evil.example\nsources: [{title: t, url: \"data:text/html,x\"}]\nreviewed: 2026-13-01\naliases: [old/]\n"},
			want: []string{
				`content/boards/oh-board.yaml:2:8: state: invalid state code "ohio": want two upper-case letters such as OH`,
				`content/boards/oh-board.yaml:3:6: url: URL "//evil.example" must start with https:// or http://`,
				`content/boards/oh-board.yaml:4:27: sources[0].url: URL "data:text/html,x" must start with https:// or http://`,
				`content/boards/oh-board.yaml:5:11: reviewed: invalid date "2026-13-01": want YYYY-MM-DD`,
				`content/boards/oh-board.yaml:6:11: aliases[0]: invalid path "old/": want a site path such as /licenses/old-name/`,
			}},
		{name: "alias node", files: map[string]string{"boards/oh-board.yaml": "name: &n x\nparent: *n\n" + board[len("name: Ohio Board\n"):]},
			want: []string{`content/boards/oh-board.yaml:2:9: YAML aliases are not allowed in content`}},
		{name: "billion laughs", files: map[string]string{"boards/oh-board.yaml": laughs},
			want: []string{`content/boards/oh-board.yaml:2:8: YAML aliases are not allowed in content`}},
		{name: "deep nesting", files: map[string]string{"boards/oh-board.yaml": "name: " + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + "\n"},
			want: []string{`content/boards/oh-board.yaml:1:38: values nested more than 32 levels deep`}},
		{name: "beyond the parser's depth", files: map[string]string{"boards/oh-board.yaml": "name: " + strings.Repeat("[", 20000) + "\n"},
			want: []string{`content/boards/oh-board.yaml:1:1: YAML syntax: exceeded max depth of 10000`}},
		{name: "too many values", files: map[string]string{"boards/oh-board.yaml": "aliases: [" + strings.Repeat("/a/, ", 60000) + "]\n"},
			want: []string{`content/boards/oh-board.yaml:1:249996: more than 50000 values in one file`}},
		{name: "letter case collision", files: map[string]string{"boards/oh-board.yaml": board, "boards/OH-board.yaml": board},
			want: []string{`content/boards/OH-board.yaml: invalid record ID "OH-board" (use lower-case letters, digits and single hyphens, such as oh-respiratory-care-professional.yaml)`}},
		{name: "two documents", files: map[string]string{"boards/oh-board.yaml": board + "---\nname: y\n"},
			want: []string{`content/boards/oh-board.yaml:6:1: a content file holds one YAML document; found another`}},
		{name: "not a mapping", files: map[string]string{"boards/oh-board.yaml": "- a\n- b\n"},
			want: []string{`content/boards/oh-board.yaml:1:1: record: expected a mapping, found a list`}},
		{name: "bad id", files: map[string]string{"boards/OH_Board.yaml": board},
			want: []string{`content/boards/OH_Board.yaml: invalid record ID "OH_Board" (use lower-case letters, digits and single hyphens, such as oh-respiratory-care-professional.yaml)`}},
		{name: "non-yaml file", files: map[string]string{"boards/notes.txt": "hi"},
			want: []string{`content/boards/notes.txt: not a .yaml file (content/boards holds only .yaml files)`}},
		{name: "occupation id", files: map[string]string{"occupations/29-1126.yaml": "title: x\nsummary: s\nurl: https://x.org\n"},
			want: []string{`content/occupations/29-1126.yaml: invalid record ID "29-1126" (name the file after its O*NET-SOC code, such as 29-1126.00.yaml)`}},
		{name: "too large", files: map[string]string{"boards/oh-board.yaml": board + "# " + strings.Repeat("x", MaxFileSize) + "\n"},
			want: []string{`content/boards/oh-board.yaml: file is 1048702 bytes, over the limit of 1048576`}},
		{name: "page without front matter", files: map[string]string{"pages/about.md": "# About\n"},
			want: []string{`content/pages/about.md:1:1: missing front matter (start the page with a --- line, YAML fields, and another --- line)`}},
		{name: "page front matter error", files: map[string]string{"pages/about.md": "---\ntitle: About\ndescripton: x\n---\nHi\n"},
			want: []string{
				`content/pages/about.md:2:1: missing required field "description"`,
				`content/pages/about.md:3:1: unknown field "descripton" (did you mean "description"?)`,
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, diagnostics(t, tc.files)); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s", diff)
			}
		})
	}
}

// laughs is the "billion laughs" YAML bomb: nine levels of nine aliases.
var laughs = func() string {
	s := "a: &a [x, x, x, x, x, x, x, x, x]\n"
	prev := "a"
	for _, name := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		s += name + ": &" + name + " [" + strings.TrimSuffix(strings.Repeat("*"+prev+", ", 9), ", ") + "]\n"
		prev = name
	}
	return s
}()

func TestLoadDecodes(t *testing.T) {
	fsys := fstest.MapFS{
		"licenses/oh-x.yaml": {Data: []byte("title: X\nstate: OH\nspecialty: s\nboard: b\noccupations: [29-1126.00]\ncredential: license\nsummary: |\n  See [the board](board:b) and\n  [it again](board:b).\nrequirements:\n  certifications:\n    - {id: c, role: required}\nsources: [{title: t, url: \"https://x.org\"}]\nreviewed: 2026-11-24\n")},
	}
	c, _ := Load(fsys, "content/")
	recs := c.Records["licenses"]
	if len(recs) != 1 {
		t.Fatalf("got %d licenses, want 1", len(recs))
	}
	lic := recs[0].Value.(*model.License)
	if lic.Title != "X" || lic.Requirements.Certifications[0].Role != "required" {
		t.Errorf("decoded %+v", lic)
	}
	var refs []string
	for _, r := range recs[0].Refs {
		refs = append(refs, r.Field+" "+r.Kind+":"+r.ID+" "+posString(r.Pos.Line, r.Pos.Col))
	}
	want := []string{
		"state states:OH 2:8", "specialty specialties:s 3:12", "board boards:b 4:8",
		"occupations[0] occupations:29-1126.00 5:15", "summary boards:b 8:19", "summary boards:b 9:14",
		"requirements.certifications[0].id certifications:c 12:12",
	}
	if diff := cmp.Diff(want, refs); diff != "" {
		t.Errorf("refs (-want +got):\n%s", diff)
	}
}

func posString(line, col int) string { return fmt.Sprintf("%d:%d", line, col) }
