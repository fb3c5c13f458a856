package scaffold

import (
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"gopkg.in/yaml.v3"

	"github.com/licensure/licensure/internal/diag"
	"github.com/licensure/licensure/internal/jsonschema"
	"github.com/licensure/licensure/internal/load"
	"github.com/licensure/licensure/internal/model"
	"github.com/licensure/licensure/internal/schema"
)

// loadErrors loads src as content/<kind>/<id>.yaml and returns the errors
// reported on that file.
func loadErrors(t *testing.T, k model.Kind, id string, src []byte) []string {
	t.Helper()
	name := k.Name + "/" + id + ".yaml"
	_, list := load.Load(fstest.MapFS{name: {Data: src}}, "content/")
	var out []string
	for _, d := range list.Items() {
		if d.File == "content/"+name && d.Severity == diag.Error {
			out = append(out, d.Message)
		}
	}
	return out
}

func sampleID(k model.Kind) string {
	if k.Name == "occupations" {
		return "29-1126.00"
	}
	return "sample"
}

var noValue = regexp.MustCompile(`^required field "([^"]+)" has no value$`)

// TestTemplateFailsOnEveryRequiredField checks that a new record fails to
// load, only because its required fields are empty, and names every one.
func TestTemplateFailsOnEveryRequiredField(t *testing.T) {
	for _, k := range model.Kinds {
		t.Run(k.Name, func(t *testing.T) {
			src, err := Template(k, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(string(src), Header(k)) || Header(k) != "# yaml-language-server: $schema=../../static/schema/"+k.Singular+".json\n" {
				t.Errorf("does not start with the schema line:\n%s", src)
			}
			var named []string
			for _, msg := range loadErrors(t, k, sampleID(k), src) {
				m := noValue.FindStringSubmatch(msg)
				if m == nil {
					t.Errorf("unexpected error %q", msg)
					continue
				}
				named = append(named, m[1])
			}
			if want := requiredPaths(schema.Of(k.Type), ""); !slices.Equal(named, want) {
				t.Errorf("errors name %q, want %q\n%s", named, want, src)
			}
		})
	}
}

// requiredPaths lists the required fields a template leaves empty: the
// required top-level ones, and those of the one item of a required list of
// mappings, in file order.
func requiredPaths(t *schema.Type, prefix string) []string {
	var out []string
	for _, f := range t.Fields {
		if !f.Required {
			continue
		}
		switch {
		case f.Type.Shape == schema.Struct:
			out = append(out, requiredPaths(f.Type, prefix+f.Name+".")...)
		case f.Type.Shape == schema.List && f.Type.Elem.Shape == schema.Struct:
			out = append(out, requiredPaths(f.Type.Elem, prefix+f.Name+"[0].")...)
		default:
			out = append(out, prefix+f.Name)
		}
	}
	return out
}

// TestTemplateUncommented checks that the commented-out optional fields
// are valid YAML once uncommented, as an editor's toggle-comment does: the
// loader then only asks for values.
func TestTemplateUncommented(t *testing.T) {
	for _, k := range model.Kinds {
		t.Run(k.Name, func(t *testing.T) {
			src, err := Template(k, Options{})
			if err != nil {
				t.Fatal(err)
			}
			blocks := strings.Split(string(src), "\n\n")
			uncommented := 0
			for i, b := range blocks[1:] { // the first block is the header
				lines := strings.Split(strings.TrimSuffix(b, "\n"), "\n")
				if !slices.ContainsFunc(lines, func(l string) bool { return !strings.HasPrefix(l, "# ") }) {
					for j, l := range lines {
						lines[j] = strings.TrimPrefix(l, "# ")
					}
					blocks[i+1] = strings.Join(lines, "\n") + "\n"
					uncommented++
				}
			}
			all := strings.Join(blocks, "\n\n")
			var v any
			if err := yaml.Unmarshal([]byte(all), &v); err != nil {
				t.Fatalf("uncommented template is not YAML: %v\n%s", err, all)
			}
			for _, msg := range loadErrors(t, k, sampleID(k), []byte(all)) {
				if !noValue.MatchString(msg) {
					t.Errorf("unexpected error %q\n%s", msg, all)
				}
			}
			if uncommented == 0 {
				t.Errorf("no optional field to uncomment")
			}
		})
	}
}

func TestTemplateComments(t *testing.T) {
	k, _ := model.KindNamed("license")
	src, err := Template(k, Options{State: "OH", Specialty: "respiratory-care"})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"# The credential's title as the state uses it. Required.\n# Example: Respiratory Care Professional\ntitle:\n",
		"# The issuing state. Required. A code from content/states.yaml.\n# Example: OH\nstate: OH\n",
		"\nspecialty: respiratory-care\n",
		"# provisional or student credential that leads to a full one. Required. One\n# of: license, certification, certificate, registration, title-protection,\n# permit.\n# Example: license\ncredential:\n",
		"\n# # What an applicant needs.\n# requirements:\n#   # Required schooling",
		"\nsources:\n  - # The document's title as its publisher gives it. Required.\n",
		"\nreviewed:\n",
	} {
		if !strings.Contains(string(src), want) {
			t.Errorf("template lacks %q:\n%s", want, src)
		}
	}
	if strings.Contains(string(src), "aliases") {
		t.Errorf("a new record offers aliases:\n%s", src)
	}
	for _, l := range strings.Split(string(src), "\n") {
		if len(l) > 78 && !strings.Contains(l, "Example: ") && !strings.Contains(l, "$schema=") {
			t.Errorf("line over 80 characters: %q", l)
		}
	}
}

func TestTemplateOptions(t *testing.T) {
	for _, tc := range []struct {
		name, kind string
		opts       Options
		want       string // a line of the template
		err        string
	}{
		{name: "license state", kind: "license", opts: Options{State: "OH"}, want: "state: OH"},
		{name: "board state", kind: "boards", opts: Options{State: "TX"}, want: "state: TX"},
		{name: "license specialty", kind: "license", opts: Options{Specialty: "perfusion"}, want: "specialty: perfusion"},
		{name: "certification specialties", kind: "certification", opts: Options{Specialty: "perfusion"}, want: "specialties: [perfusion]"},
		{name: "family state", kind: "family", opts: Options{State: "OH"}, err: "--state does not apply: families have no state field"},
		{name: "board specialty", kind: "board", opts: Options{Specialty: "x"}, err: "--specialty does not apply: boards have no specialty field"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			k, _ := model.KindNamed(tc.kind)
			src, err := Template(k, tc.opts)
			if tc.err != "" {
				if !errors.Is(err, ErrOption) || err.Error() != tc.err {
					t.Fatalf("error %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Contains(strings.Split(string(src), "\n"), tc.want) {
				t.Errorf("template lacks line %q:\n%s", tc.want, src)
			}
		})
	}
}

// TestExampleLoads checks that the example of every kind, records and
// settings alike, loads without an error.
func TestExampleLoads(t *testing.T) {
	for _, k := range jsonschema.Kinds() {
		t.Run(k.Name, func(t *testing.T) {
			src := Example(k.Type)
			name := map[string]string{"site": "site.yaml", "states": "states.yaml", "page": "pages/sample.md"}[k.Name]
			if mk, ok := model.KindNamed(k.Name); ok && name == "" {
				name = mk.Name + "/" + sampleID(mk) + ".yaml"
			}
			if k.FrontMatter {
				src = []byte("---\n" + string(src) + "---\nBody.\n")
			}
			_, list := load.Load(fstest.MapFS{name: {Data: src}}, "content/")
			for _, d := range list.Items() {
				if d.File == "content/"+name {
					t.Errorf("%s\n%s", d, src)
				}
			}
		})
	}
}

// TestValidIDAgreesWithLoader checks ValidID against the loader's verdict
// on a file of that name.
func TestValidIDAgreesWithLoader(t *testing.T) {
	ids := []string{"oh-x", "a", "a1-b2", "29-1126.00", "29-1126", "Oh-x", "oh_x", "oh--x", "-oh", "oh-", "oh.x", "ö", strings.Repeat("a", 100), strings.Repeat("a", 101), "1"}
	for _, k := range model.Kinds {
		for _, id := range ids {
			src := Example(k.Type)
			_, list := load.Load(fstest.MapFS{k.Name + "/" + id + ".yaml": {Data: src}}, "content/")
			loaderOK := !slices.ContainsFunc(list.Items(), func(d diag.Diagnostic) bool { return strings.HasPrefix(d.Message, "invalid record ID") })
			if got := ValidID(k, id); got != loaderOK {
				t.Errorf("ValidID(%s, %q) = %v, loader says %v", k.Name, id, got, loaderOK)
			}
		}
	}
}

func TestScalar(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"OH", "OH"},
		{"2026-11-24", "2026-11-24"},
		{"https://x.org/a?b#c", "https://x.org/a?b#c"},
		{"$75 application", "$75 application"},
		{"None", "None"},
		{"true", `"true"`},
		{"12", `"12"`},
		{"null", `"null"`},
		{"", `""`},
		{"a: b", `"a: b"`},
		{"a #b", `"a #b"`},
		{"- x", `"- x"`},
		{`say "hi"`, `say "hi"`},
		{`"quoted"`, `"\"quoted\""`},
		{"line\nbreak", `"line\x0abreak"`},
	} {
		if got := scalar(tc.in); got != tc.want {
			t.Errorf("scalar(%q) = %s, want %s", tc.in, got, tc.want)
		}
		var v struct{ K string }
		if err := yaml.Unmarshal([]byte("k: "+scalar(tc.in)), &v); err != nil || v.K != tc.in {
			t.Errorf("scalar(%q) reads back as %q (%v)", tc.in, v.K, err)
		}
	}
}
