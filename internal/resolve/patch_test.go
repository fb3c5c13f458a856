package resolve

import (
	"reflect"
	"strings"
	"testing"

	"github.com/licensure/licensure/internal/load"
	"github.com/licensure/licensure/internal/model"
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

// TestShapeCoversEveryLicenseField makes whoever adds a field to a license
// decide whether resolve reads it (then Replaceable must compare it) or
// only templates do.
func TestShapeCoversEveryLicenseField(t *testing.T) {
	shape := map[string]bool{"Title": true, "State": true, "Specialty": true, "Board": true, "Occupations": true, "Requirements.Certifications": true, "LeadsTo": true}
	rendered := map[string]bool{"Credential": true, "Summary": true, "Statute": true, "Links": true, "Sources": true, "Reviewed": true, "Aliases": true, "Portability": true,
		"Requirements.Education": true, "Requirements.Exam": true, "Requirements.Experience": true, "Requirements.ContinuingEducation": true, "Requirements.Renewal": true, "Requirements.Fees": true}
	var walk func(prefix string, typ reflect.Type)
	walk = func(prefix string, typ reflect.Type) {
		for f := range typ.Fields() {
			name := prefix + f.Name
			switch {
			case shape[name] || rendered[name]:
			case f.Name == "Requirements":
				walk(name+".", f.Type)
			default:
				t.Errorf("license field %s is neither compared by Replaceable nor listed as read only by templates", name)
			}
		}
	}
	walk("", reflect.TypeFor[model.License]())
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
