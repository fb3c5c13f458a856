package resolve

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/licensure/licensure/internal/load"
	"github.com/licensure/licensure/internal/model"
	"github.com/licensure/licensure/internal/schema"
	"github.com/licensure/licensure/internal/sitetest"
)

// TestReplaceLicenseMatchesResolve edits a license in every way that keeps
// its shape and checks that the patched graph is deeply equal to the graph
// of the edited content resolved from scratch; and that an edit of its
// shape is refused.
func TestReplaceLicenseMatchesResolve(t *testing.T) {
	const file = "licenses/oh-rcp.yaml"
	for _, tc := range []struct {
		name, old, new string
		same           bool
	}{
		{"summary", "Issued by", "Granted by", true},
		{"credential", "credential: license", "credential: certificate", true},
		{"renewal", "Every two years", "Every year", true},
		{"exam added", "  renewal:", "  exam: A national exam\n  renewal:", true},
		{"sources", "title: Board,", "title: Board rules,", true},
		{"reviewed", "reviewed: 2026-11-24", "reviewed: 2026-11-25", true},
		{"statute", "reviewed:", "statute: {citation: R.C. 4761}\nreviewed:", true},
		{"title", "title: Respiratory Care Professional", "title: Respiratory Therapist", true},
		{"title that reorders", "title: Respiratory Care Professional", "title: Sleep Technologist", false},
		{"role", "role: required", "role: accepted", false},
		{"certification", "nbrc-rrt", "nbrc-crt", false},
		{"occupation", "[29-1126.00]", "[29-1126.00, 29-2031.00]", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := sitetest.Base()
			// A second license of the same state and specialty, whose title
			// sorts after "Respiratory Therapist" and before "Sleep Technologist".
			files["licenses/oh-rt.yaml"] = strings.Replace(files[file], "title: Respiratory Care Professional", "title: Respiratory Therapy Aide", 1)
			g := graph(t, files)
			if !strings.Contains(files[file], tc.old) {
				t.Fatalf("%s lacks %q", file, tc.old)
			}
			files[file] = strings.Replace(files[file], tc.old, tc.new, 1)
			c, _ := load.Load(sitetest.FS(files), "content/")
			v := recordValue(t, c, "licenses", "oh-rcp")
			if got := g.ReplaceLicense("oh-rcp", v); got != tc.same {
				t.Fatalf("ReplaceLicense = %v, want %v", got, tc.same)
			}
			if !tc.same {
				return
			}
			if want := Resolve(c); !reflect.DeepEqual(g, want) {
				t.Error("the patched graph differs from the graph resolved from scratch")
			}
		})
	}
}

// TestSameLinksComparesEveryReference holds SameLinks to the schema: the
// license fields that name other records, found from the model's ref
// rules, are exactly those it compares. A field that names no record is
// read only when pages render, so adding one needs nothing here.
func TestSameLinksComparesEveryReference(t *testing.T) {
	compared := []string{"board", "leads_to", "occupations", "requirements.certifications", "specialty", "state"}
	var refs []string
	var walk func(prefix string, fields []schema.Field)
	walk = func(prefix string, fields []schema.Field) {
		for _, f := range fields {
			name := prefix + f.Name
			switch {
			case f.Ref != "":
				refs = append(refs, name)
			case f.Type.Shape == schema.Struct:
				walk(name+".", f.Type.Fields)
			case f.Type.Shape == schema.List && f.Type.Elem.Shape == schema.Struct:
				if hasRef(f.Type.Elem.Fields) {
					refs = append(refs, name)
				}
			}
		}
	}
	walk("", schema.For[model.License]().Fields)
	slices.Sort(refs)
	if !slices.Equal(refs, compared) {
		t.Errorf("license fields that name records: %q; SameLinks compares %q: make them agree", refs, compared)
	}
}

func hasRef(fields []schema.Field) bool {
	for _, f := range fields {
		if f.Ref != "" {
			return true
		}
	}
	return false
}

func recordValue(t *testing.T, c *load.Content, kind, id string) *model.License {
	t.Helper()
	for _, r := range c.Records[kind] {
		if r.ID == id {
			return r.Value.(*model.License)
		}
	}
	t.Fatalf("no %s %s", kind, id)
	return nil
}
