package jsonschema_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"

	"gopkg.in/yaml.v3"

	"github.com/licensure/licensure/internal/diag"
	"github.com/licensure/licensure/internal/jsonschema"
	"github.com/licensure/licensure/internal/load"
	"github.com/licensure/licensure/internal/model"
	"github.com/licensure/licensure/internal/scaffold"
	"github.com/licensure/licensure/internal/schema"
)

func TestGenerate(t *testing.T) {
	want := []string{"family", "specialty", "occupation", "license", "board", "certification", "issuer", "compact", "site", "states", "page"}
	if got := jsonschema.Names(); !slices.Equal(got, want) {
		t.Fatalf("Names() = %v, want %v", got, want)
	}
	all := jsonschema.All()
	if len(all) != len(want) {
		t.Errorf("All() has %d schemas, want %d", len(all), len(want))
	}
	for _, name := range want {
		t.Run(name, func(t *testing.T) {
			data, err := jsonschema.Generate(name)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(data, all[name+".json"]) {
				t.Errorf("Generate(%q) differs from All()[%q]", name, name+".json")
			}
			again, _ := jsonschema.Generate(name)
			if !bytes.Equal(data, again) {
				t.Error("two runs differ")
			}
			var s map[string]any
			if err := json.Unmarshal(data, &s); err != nil {
				t.Fatalf("not JSON: %v", err)
			}
			// No $id: the references to refs/*.json resolve against
			// where the schema was read from, a checkout or the site.
			if _, ok := s["$id"]; s["$schema"] != jsonschema.Draft || ok {
				t.Errorf("$schema, $id = %v, %v", s["$schema"], s["$id"])
			}
			if s["additionalProperties"] != false || s["type"] != "object" {
				t.Errorf("the root is not a closed object")
			}
			if !bytes.HasSuffix(data, []byte("}\n")) || bytes.Contains(data, []byte(`\u003c`)) {
				t.Errorf("want a final newline and no HTML escapes")
			}
		})
	}
	if _, err := jsonschema.Generate("licenses"); err == nil {
		t.Error("Generate(licenses) did not fail")
	}
}

// TestSchemaFollowsModel spot-checks that the rules of the model's tags
// reach the schema.
func TestSchemaFollowsModel(t *testing.T) {
	s := parse(t, "license")
	props := s["properties"].(map[string]any)
	prop := func(name, key string) any { return props[name].(map[string]any)[key] }
	// What a field's value must be, when it is not null.
	value := func(name, key string) any { return prop(name, "else").(map[string]any)[key] }
	for _, tc := range []struct {
		name string
		got  any
		want any
	}{
		{"required", s["required"], []any{"title", "state", "specialty", "board", "occupations", "credential", "summary", "sources", "reviewed"}},
		{"enum", value("credential", "enum"), []any{"license", "certification", "certificate", "registration", "title-protection", "permit"}},
		{"enum offered", prop("credential", "anyOf"), []any{map[string]any{}, map[string]any{"enum": []any{"license", "certification", "certificate", "registration", "title-protection", "permit"}}}},
		{"minItems", value("sources", "minItems"), 1.0},
		{"state pattern", value("state", "pattern"), "^[A-Z]{2}$"},
		{"state reference", value("state", "$ref"), "refs/states.json"},
		{"board reference", value("board", "$ref"), "refs/boards.json"},
		{"board offered", prop("board", "anyOf"), []any{map[string]any{}, map[string]any{"$ref": "refs/boards.json"}}},
		{"occupations reference", value("occupations", "items").(map[string]any)["$ref"], "refs/occupations.json"},
		{"empty required", prop("title", "then").(map[string]any)["errorMessage"], `required field "title" has no value`},
		{"empty optional", prop("statute", "then"), nil},
		{"description", prop("board", "description"), "The board or agency that issues it."},
		{"examples", prop("occupations", "examples"), []any{[]any{"29-1126.00"}}},
		{"null is tested", prop("statute", "if"), map[string]any{"type": "null"}},
		{"nested closed", value("statute", "additionalProperties"), false},
		{"text takes scalars", value("title", "type"), []any{"string", "number", "boolean"}},
		{"no type to complete", prop("title", "type"), nil},
	} {
		if !reflect.DeepEqual(tc.got, tc.want) {
			t.Errorf("%s: got %#v, want %#v", tc.name, tc.got, tc.want)
		}
	}
}

func TestFormatPatterns(t *testing.T) {
	for _, tc := range []struct {
		format schema.Format
		good   []string
		bad    []string
	}{
		{schema.URL,
			[]string{"https://example.org", "http://x", "https://x.org/a/b?c=d#e", "HTTPS://X.ORG", "https://user@x.org:8080/"},
			[]string{"", "javascript:alert(1)", "ftp://x.org", "//x.org", "https://", "https:///a", "https://?q", "https://x.org/a b", "https://x.org/\"", "https://x.org/<a>", "https://x.org/`", "https://x.org\n", "x.org"}},
		{schema.Date,
			[]string{"2026-11-24", "2028-02-29", "2026-01-31", "2026-04-30", "0001-12-01"},
			[]string{"", "2026-11-24 ", "26-11-24", "2026-1-24", "2026-13-01", "2026-00-10", "2026-04-31", "2026-02-30", "2026-11-00", "24/11/2026", "2026-11-24T00:00:00Z"}},
		{schema.StateCode, []string{"OH", "DC", "PR"}, []string{"", "oh", "Oh", "OHI", "O", "O1"}},
		{schema.SOCCode, []string{"29-1126.00", "29-2031.00"}, []string{"", "29-1126", "29-1126.0", "291126.00", "29-1126x00", "29-1126.00 "}},
		{schema.Path,
			[]string{"/", "/a/", "/licenses/old-name/", "/a.b/c", "/a.", "/.", "/./", "/.a"},
			[]string{"", "a/", "//a", "/a/../b", "/..", "/a..b", "/a b", "/a\tb", "/a?b", "/a#b", "/a\\b", "/a\"b", "/a'b", "/a<b"}},
	} {
		pattern, message := jsonschema.FormatPattern(tc.format)
		if pattern == "" || message == "" {
			t.Errorf("%s: no pattern", tc.format)
			continue
		}
		re := regexp.MustCompile(pattern)
		for _, v := range tc.good {
			if !re.MatchString(v) {
				t.Errorf("%s: %q does not match", tc.format, v)
			}
		}
		for _, v := range tc.bad {
			if re.MatchString(v) {
				t.Errorf("%s: %q matches", tc.format, v)
			}
		}
	}
	for _, f := range []schema.Format{schema.Plain, schema.Markdown} {
		if p, _ := jsonschema.FormatPattern(f); p != "" {
			t.Errorf("%q has pattern %s", f, p)
		}
	}
}

// TestAgreesWithLoader is the contract of the package: for every kind, a
// whole example record and thousands of variants of it (each field left
// out, or set to values of every type and format, and an unknown key in
// every mapping) get the same verdict from the JSON Schema as from the
// loader. A variant is tried once per field type and rules: a text field
// of one kind stands for the text fields of all.
func TestAgreesWithLoader(t *testing.T) {
	type job struct {
		kind    jsonschema.Kind
		samples []sample
	}
	var jobs []job
	seen := map[string]bool{}
	for _, k := range jsonschema.Kinds() {
		example := scaffold.Example(k.Type)
		var doc yaml.Node
		if err := yaml.Unmarshal(example, &doc); err != nil {
			t.Fatalf("%s: example is not YAML: %v\n%s", k.Name, err, example)
		}
		samples := append([]sample{{"example", example}}, variants(t, doc.Content[0], schema.Of(k.Type), seen)...)
		jobs = append(jobs, job{k, samples})
	}
	var valid, invalid atomic.Int64
	t.Run("kinds", func(t *testing.T) {
		for _, j := range jobs {
			t.Run(j.kind.Name, func(t *testing.T) {
				t.Parallel()
				v, i := agreement(t, j.kind, j.samples)
				valid.Add(v)
				invalid.Add(i)
			})
		}
	})
	t.Logf("%d valid and %d invalid samples", valid.Load(), invalid.Load())
	if !t.Failed() && (valid.Load() < 300 || invalid.Load() < 1000) {
		t.Errorf("only %d valid and %d invalid samples: the variants no longer cover the schema", valid.Load(), invalid.Load())
	}
}

// agreement compares the verdicts on samples of kind k, and counts the
// valid and invalid ones.
func agreement(t *testing.T, k jsonschema.Kind, samples []sample) (valid, invalid int64) {
	s := parse(t, k.Name)
	for _, smp := range samples {
		loadErrs := loaderErrors(t, k, smp.yaml)
		var v yaml.Node
		if err := yaml.Unmarshal(smp.yaml, &v); err != nil {
			t.Fatalf("%s: %v", smp.name, err)
		}
		schemaErrs := validate(s, toJSON(&v), "")
		if (len(loadErrs) == 0) != (len(schemaErrs) == 0) {
			t.Errorf("%s: loader and JSON Schema disagree\nloader: %q\nschema: %q\n%s", smp.name, loadErrs, schemaErrs, smp.yaml)
		}
		if smp.name == "example" && len(loadErrs) > 0 {
			t.Errorf("the example record has errors: %q\n%s", loadErrs, smp.yaml)
		}
		if len(loadErrs) == 0 {
			valid++
		} else {
			invalid++
		}
	}
	return valid, invalid
}

// TestShippedContentAgrees checks every shipped content file, good or bad,
// with the references it makes checked against the lists of the records
// that exist.
func TestShippedContentAgrees(t *testing.T) {
	content := os.DirFS("../../content")
	refs := shippedRefs(t)
	files := 0
	err := fs.WalkDir(content, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		k, ok := kindOf(p)
		if !ok {
			return nil
		}
		src, err := fs.ReadFile(content, p)
		if err != nil {
			return err
		}
		if k.FrontMatter {
			parts := strings.SplitN(string(src), "---\n", 3)
			if len(parts) < 3 {
				return nil
			}
			src = []byte(parts[1])
		}
		files++
		loadErrs := loaderErrors(t, k, src)
		var v yaml.Node
		if err := yaml.Unmarshal(src, &v); err != nil || len(v.Content) == 0 {
			return nil // a syntax error: no schema sees it
		}
		schemaErrs := refs.validate(parse(t, k.Name), toJSON(&v), "")
		if (len(loadErrs) == 0) != (len(schemaErrs) == 0) {
			t.Errorf("content/%s: loader and JSON Schema disagree\nloader: %q\nschema: %q", p, loadErrs, schemaErrs)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 10 {
		t.Errorf("checked only %d shipped files", files)
	}
}

// TestShippedFilesNameTheirSchema checks that every shipped YAML file's
// first line names the schema of its kind by a path relative to the file,
// so that an editor validates against the schema of the same checkout.
func TestShippedFilesNameTheirSchema(t *testing.T) {
	var wrong []string
	checked := 0
	err := fs.WalkDir(os.DirFS("../.."), "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		want, ok := jsonschema.Header(p)
		if !ok {
			return nil
		}
		src, err := os.ReadFile("../../" + p)
		if err != nil {
			return err
		}
		checked++
		if first, _, _ := strings.Cut(string(src), "\n"); first+"\n" != want {
			wrong = append(wrong, fmt.Sprintf("%s: first line %q, want %q", p, first, strings.TrimSuffix(want, "\n")))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 100 {
		t.Errorf("checked only %d content files", checked)
	}
	if len(wrong) > 0 {
		t.Errorf("%d content files do not name their schema:\n%s\nrewrite them with: go run ./cmd/licensure schema --headers", len(wrong), strings.Join(wrong, "\n"))
	}
}

func kindOf(p string) (jsonschema.Kind, bool) {
	name := ""
	switch dir := path.Dir(p); {
	case p == "site.yaml" || p == "states.yaml":
		name = strings.TrimSuffix(p, ".yaml")
	case dir == "pages" && path.Ext(p) == ".md":
		name = "page"
	case path.Ext(p) == ".yaml":
		k, ok := model.KindNamed(dir)
		if !ok || k.Name != dir {
			return jsonschema.Kind{}, false
		}
		name = k.Singular
	}
	return jsonschema.KindNamed(name)
}

type sample struct {
	name string
	yaml []byte
}

func parse(t *testing.T, name string) map[string]any {
	t.Helper()
	data, err := jsonschema.Generate(name)
	if err != nil {
		t.Fatal(err)
	}
	var s map[string]any
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatal(err)
	}
	return s
}

// loaderErrors loads src as the one file of kind k in an otherwise empty
// content folder and returns the errors reported on that file.
func loaderErrors(t *testing.T, k jsonschema.Kind, src []byte) []string {
	t.Helper()
	var name string
	switch k.Name {
	case "site", "states":
		name = k.Name + ".yaml"
	case "page":
		name = "pages/sample.md"
		src = append(append([]byte("---\n"), src...), "---\nBody.\n"...)
	case "occupation":
		name = "occupations/29-1126.00.yaml"
	default:
		mk, _ := model.KindNamed(k.Name)
		name = mk.Name + "/sample.yaml"
	}
	_, list := load.Load(fstest.MapFS{name: {Data: src}}, "content/")
	var out []string
	for _, d := range list.Items() {
		if d.File == "content/"+name && d.Severity == diag.Error {
			out = append(out, d.String())
		}
	}
	return out
}

// candidates are the values every field is set to in turn: each type, and
// good and bad values of every format. They leave out the few values the
// package documents as beyond a pattern (February 29 of a common year, 1.0
// for a whole number, exotic URLs that url.Parse rejects).
var candidates = []string{
	`""`, `text`, `"quoted text"`, `OH`, `oh`, `AK`, `OHI`,
	`2026-11-24`, `2028-02-29`, `2026-02-30`, `2026-04-31`, `2026-13-01`, `24/11/2026`, `2026-11-24T10:00:00Z`,
	`https://example.org/a?b#c`, `HTTPS://EXAMPLE.ORG`, `http://x`, `https://`, `https:///x`, `ftp://x.org`,
	`javascript:alert(1)`, `"https://exa mple.org"`, `"https://x.org/<a>"`, `//x.org`,
	`/`, `/a/b/`, `/a/../b/`, `//a`, `a/`, `"/a b"`, `/a?x`, `/a.`, `/.`, `/a..b`, `"/a\\b"`,
	`29-1126.00`, `29-1126`, `license`, `permit`, `required`, `accepted`, `state`, `territory`, `nbrc`,
	`7`, `0`, `-1`, `2147483648`, `2147483649`, `1.5`, `true`, `null`, `~`,
	`[]`, `[a]`, `[null]`, `[OH, oh]`, `[29-1126.00]`, `[/a/]`, `[/a/, a]`, `[[a]]`,
	`{}`, `{a: 1}`, `{title: t, url: "https://x.org"}`, `{citation: c}`,
	`[{title: t, url: "https://x.org"}]`, `[{title: t}]`, `[{id: x, role: required}]`, `[{id: x, role: maybe}]`,
	`[{code: OH, name: Ohio, type: state}]`, `[{code: oh, name: Ohio, type: state}]`,
	`[{state: AK, source: {title: t, url: "https://x.org"}, reviewed: 2026-11-24}]`,
}

// variants returns the example record changed one field at a time; a list
// of strings is also set to a list of each scalar candidate.
func variants(t *testing.T, root *yaml.Node, typ *schema.Type, seen map[string]bool) []sample {
	t.Helper()
	var nodes []*yaml.Node
	for _, c := range candidates {
		var n yaml.Node
		if err := yaml.Unmarshal([]byte("v: "+c), &n); err != nil {
			t.Fatalf("candidate %s: %v", c, err)
		}
		nodes = append(nodes, n.Content[0].Content[1])
	}
	var out []sample
	// add encodes a variant unless one of the same change to a field of
	// the same type and rules was made before: key says which.
	add := func(key, name string, doc func() *yaml.Node) {
		if seen[key] {
			return
		}
		seen[key] = true
		var b bytes.Buffer
		enc := yaml.NewEncoder(&b)
		enc.SetIndent(2)
		if err := enc.Encode(doc()); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out = append(out, sample{name, b.Bytes()})
	}
	// Every mutation works on a fresh copy, found again by its path.
	var walk func(path []int, mapping *yaml.Node, typ *schema.Type, label string)
	walk = func(path []int, mapping *yaml.Node, typ *schema.Type, label string) {
		add(fmt.Sprintf("%p unknown key", typ), label+"+unknown key", func() *yaml.Node {
			return mutate(root, path, func(m *yaml.Node) {
				m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: "zzz"}, &yaml.Node{Kind: yaml.ScalarNode, Value: "1"})
			})
		})
		for _, f := range typ.Fields {
			i := keyIndex(mapping, f.Name)
			if i < 0 {
				continue
			}
			name := label + f.Name
			rules := fmt.Sprintf("%p %t %q %d", f.Type, f.Required, f.Enum, f.Min)
			add(rules+" left out", name+" left out", func() *yaml.Node {
				return mutate(root, path, func(m *yaml.Node) { m.Content = slices.Delete(m.Content, i, i+2) })
			})
			for ci, c := range nodes {
				add(rules+" = "+candidates[ci], name+" = "+candidates[ci], func() *yaml.Node {
					return mutate(root, path, func(m *yaml.Node) { m.Content[i+1] = clone(c) })
				})
			}
			if f.Type.Shape == schema.List && f.Type.Elem.Shape == schema.String {
				for ci, c := range nodes {
					if c.Kind != yaml.ScalarNode {
						continue
					}
					add(rules+" = ["+candidates[ci]+"]", name+" = ["+candidates[ci]+"]", func() *yaml.Node {
						return mutate(root, path, func(m *yaml.Node) {
							m.Content[i+1] = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: []*yaml.Node{clone(c)}}
						})
					})
				}
			}
			value := mapping.Content[i+1]
			switch {
			case f.Type.Shape == schema.Struct && value.Kind == yaml.MappingNode:
				walk(append(slices.Clone(path), i+1), value, f.Type, name+".")
			case f.Type.Shape == schema.List && f.Type.Elem.Shape == schema.Struct && value.Kind == yaml.SequenceNode && len(value.Content) > 0:
				walk(append(slices.Clone(path), i+1, 0), value.Content[0], f.Type.Elem, name+"[0].")
			}
		}
	}
	walk(nil, root, typ, "")
	return out
}

// mutate copies root, applies change to the node at path (child indexes)
// and returns the copy.
func mutate(root *yaml.Node, path []int, change func(*yaml.Node)) *yaml.Node {
	c := clone(root)
	n := c
	for _, i := range path {
		n = n.Content[i]
	}
	change(n)
	return c
}

func clone(n *yaml.Node) *yaml.Node {
	c := *n
	c.Content = make([]*yaml.Node, len(n.Content))
	for i, child := range n.Content {
		c.Content[i] = clone(child)
	}
	return &c
}

func keyIndex(mapping *yaml.Node, key string) int {
	for i := 0; i+1 < len(mapping.Content); i += 2 {
		if mapping.Content[i].Value == key {
			return i
		}
	}
	return -1
}
