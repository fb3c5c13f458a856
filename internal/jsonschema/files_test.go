package jsonschema_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/licensure/licensure/internal/jsonschema"
	"github.com/licensure/licensure/internal/load"
)

var update = flag.Bool("update", false, "rewrite the committed schemas of static/schema")

// committed is the repository's folder of schemas, from this package.
var committed = filepath.Join("..", "..", filepath.FromSlash(jsonschema.Dir))

// shippedFiles generates the files of static/schema from the shipped
// content, as licensure schema does.
func shippedFiles(t *testing.T) map[string][]byte {
	t.Helper()
	c, _ := load.Load(os.DirFS("../../content"), "content/")
	return jsonschema.Files(jsonschema.Entries(c))
}

// shippedRefs are the lists of shipped records, for validate.
func shippedRefs(t *testing.T) refSchemas {
	t.Helper()
	refs := refSchemas{}
	for name, data := range shippedFiles(t) {
		if strings.HasPrefix(name, "refs/") {
			var s map[string]any
			if err := json.Unmarshal(data, &s); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			refs[name] = s
		}
	}
	return refs
}

// TestCommittedSchemas fails when static/schema is not what the types and
// the shipped content give, as after a change to internal/model or a new
// record. go test ./internal/jsonschema -update rewrites it, as does
// go run ./cmd/licensure schema.
func TestCommittedSchemas(t *testing.T) {
	want := shippedFiles(t)
	got := map[string][]byte{}
	fs.WalkDir(os.DirFS(committed), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			got[p], err = os.ReadFile(filepath.Join(committed, filepath.FromSlash(p)))
		}
		return err
	})
	if *update {
		for name := range got {
			if _, ok := want[name]; !ok {
				os.Remove(filepath.Join(committed, filepath.FromSlash(name)))
			}
		}
		for name, data := range want {
			p := filepath.Join(committed, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	for _, name := range slices.Sorted(maps.Keys(want)) {
		if g, ok := got[name]; !ok {
			t.Errorf("%s/%s is missing", jsonschema.Dir, name)
		} else if !bytes.Equal(g, want[name]) {
			t.Errorf("%s/%s is stale:\n%s", jsonschema.Dir, name, cmp.Diff(string(g), string(want[name])))
		}
	}
	for _, name := range slices.Sorted(maps.Keys(got)) {
		if _, ok := want[name]; !ok {
			t.Errorf("%s/%s is not generated any more", jsonschema.Dir, name)
		}
	}
	if t.Failed() {
		t.Log("regenerate them with: go run ./cmd/licensure schema (or go test ./internal/jsonschema -update)")
	}
}

func TestHeader(t *testing.T) {
	for _, tc := range []struct {
		name, file, want string
	}{
		{"record", "content/licenses/oh-x.yaml", "# yaml-language-server: $schema=../../static/schema/license.json\n"},
		{"occupation", "content/occupations/29-1126.00.yaml", "# yaml-language-server: $schema=../../static/schema/occupation.json\n"},
		{"states", "content/states.yaml", "# yaml-language-server: $schema=../static/schema/states.json\n"},
		{"site", "content/site.yaml", "# yaml-language-server: $schema=../static/schema/site.json\n"},
		{"page front matter", "content/pages/about.md", ""},
		{"unknown folder", "content/notes/x.yaml", ""},
		{"too deep", "content/licenses/old/x.yaml", ""},
		{"a kind's name at the top", "content/license.yaml", ""},
		{"outside content", "static/x.yaml", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := jsonschema.Header(tc.file)
			if got != tc.want || ok != (tc.want != "") {
				t.Errorf("Header(%q) = %q, %v; want %q", tc.file, got, ok, tc.want)
			}
		})
	}
}

func TestFixHeader(t *testing.T) {
	const file = "content/boards/b.yaml"
	want := "# yaml-language-server: $schema=../../static/schema/board.json\nname: B\n"
	for _, tc := range []struct {
		name, src, want string
		changed         bool
	}{
		{"published address", "# yaml-language-server: $schema=https://licensure.netlify.app/schema/board.json\nname: B\n", want, true},
		{"wrong kind", "# yaml-language-server: $schema=../../static/schema/license.json\nname: B\n", want, true},
		{"none", "name: B\n", want, true},
		{"a comment kept", "# Board B.\nname: B\n", "# yaml-language-server: $schema=../../static/schema/board.json\n# Board B.\nname: B\n", true},
		{"right", want, want, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, changed := jsonschema.FixHeader(file, []byte(tc.src))
			if string(got) != tc.want || changed != tc.changed {
				t.Errorf("FixHeader = %q, %v; want %q, %v", got, changed, tc.want, tc.changed)
			}
		})
	}
}

// TestReferences checks that every reference field names a list that
// exists, that a list offers each record with its title and flags any
// other ID, and that adding a record adds two lines to one file.
func TestReferences(t *testing.T) {
	files := shippedFiles(t)
	for _, k := range jsonschema.Kinds() {
		for _, ref := range refsIn(parse(t, k.Name)) {
			if _, ok := files[ref]; !ok {
				t.Errorf("%s.json names %s, which is not generated", k.Name, ref)
			}
		}
	}
	refs := shippedRefs(t)
	boards := refs["refs/boards.json"]
	for _, tc := range []struct {
		id   string
		want bool
	}{{"oh-state-medical-board", true}, {"oh-medical-bord", false}, {"Oh_Board", false}} {
		if got := len(validate(boards, tc.id, "board")) == 0; got != tc.want {
			t.Errorf("board %q valid = %v, want %v", tc.id, got, tc.want)
		}
	}
	ids, titles := boards["enum"].([]any), boards["enumDescriptions"].([]any)
	if i := slices.Index(ids, any("oh-state-medical-board")); i < 0 || titles[i] != "State Medical Board of Ohio" {
		t.Errorf("oh-state-medical-board is not offered with its title")
	}

	c, _ := load.Load(os.DirFS("../../content"), "content/")
	entries := jsonschema.Entries(c)
	entries["boards"] = append(entries["boards"], jsonschema.Entry{ID: "zz-new-board", Title: "New Board"})
	after := jsonschema.Files(entries)
	for name, data := range after {
		if bytes.Equal(data, files[name]) {
			continue
		}
		if name != "refs/boards.json" {
			t.Errorf("adding a board changed %s", name)
			continue
		}
		added := len(strings.Split(string(data), "\n")) - len(strings.Split(string(files[name]), "\n"))
		t.Logf("adding a board changes %s by %d bytes, %d lines", name, len(data)-len(files[name]), added)
		if added != 2 {
			t.Errorf("adding a board adds %d lines to %s, want 2", added, name)
		}
	}
}

// refsIn lists the "$ref" values anywhere in a schema.
func refsIn(v any) []string {
	var out []string
	switch v := v.(type) {
	case map[string]any:
		if r, ok := v["$ref"].(string); ok {
			out = append(out, r)
		}
		for _, x := range v {
			out = append(out, refsIn(x)...)
		}
	case []any:
		for _, x := range v {
			out = append(out, refsIn(x)...)
		}
	}
	return out
}
