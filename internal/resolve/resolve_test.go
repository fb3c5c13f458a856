package resolve

import (
	"cmp"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/licensure/licensure/internal/load"
	"github.com/licensure/licensure/internal/sitetest"
	"github.com/licensure/licensure/internal/synth"
)

func graph(t *testing.T, files map[string]string) *Graph {
	t.Helper()
	c, diags := load.Load(sitetest.FS(files), "content/")
	if diags.Errors() > 0 {
		t.Fatalf("content errors: %v", diags.Items())
	}
	return Resolve(c)
}

func TestResolveLinksBothWays(t *testing.T) {
	g := graph(t, sitetest.Base())
	l := g.Licenses[0]
	switch {
	case l.Board == nil || l.Board.Licenses[0] != l:
		t.Error("license and board do not link both ways")
	case l.State.Code != "OH" || l.State.Licenses[0] != l:
		t.Error("license and state do not link both ways")
	case l.Specialty.Licenses[0] != l || l.Specialty.Family.Specialties[0] != l.Specialty:
		t.Error("license, specialty and family do not link both ways")
	case l.Occupations[0].Licenses[0] != l:
		t.Error("license and occupation do not link both ways")
	case len(l.Certifications) != 1 || l.Certifications[0].Cert.Licenses[0].License != l || l.Certifications[0].Role != "required":
		t.Error("license and certification do not link both ways")
	case l.Certifications[0].Cert.Issuer.Certifications[0] != l.Certifications[0].Cert:
		t.Error("certification and issuer do not link both ways")
	}
	if got := l.Path; got != "/licenses/oh-rcp/" {
		t.Errorf("license path = %q", got)
	}
	if got := l.State.Path; got != "/states/oh/" {
		t.Errorf("state path = %q", got)
	}
}

func TestResolveDerivesFigures(t *testing.T) {
	files := sitetest.Base()
	files["licenses/oh-rt.yaml"] = "title: Respiratory Therapist\nstate: OH\nspecialty: respiratory-care\nboard: oh-board\noccupations: [29-1126.00]\ncredential: license\nsummary: s\nsources: [{title: t, url: \"https://x.org\"}]\nreviewed: 2026-11-24\n"
	g := graph(t, files)
	s := g.Specialties[0]
	if len(s.Licenses) != 2 || len(s.Jurisdictions) != 1 {
		t.Errorf("specialty: %d licenses in %d jurisdictions, want 2 in 1", len(s.Licenses), len(s.Jurisdictions))
	}
	f := g.Families[0]
	if len(f.Licenses) != 2 || len(f.Jurisdictions) != 1 || f.Reported.Licenses != 3 {
		t.Errorf("family: %d licenses in %d jurisdictions, reported %d", len(f.Licenses), len(f.Jurisdictions), f.Reported.Licenses)
	}
	if s.Licenses[0].Title > s.Licenses[1].Title {
		t.Error("licenses not sorted by title within a state")
	}
}

func TestLookup(t *testing.T) {
	g := graph(t, sitetest.Base())
	for _, tc := range []struct{ kind, id, want string }{
		{"board", "oh-board", "/boards/oh-board/"},
		{"state", "OH", "/states/oh/"},
		{"occupation", "29-1126.00", "/occupations/29-1126.00/"},
		{"page", "about", "/about/"},
	} {
		if l, ok := g.Lookup(tc.kind, tc.id); !ok || l.URL != tc.want {
			t.Errorf("Lookup(%s, %s) = %q, %v; want %q", tc.kind, tc.id, l.URL, ok, tc.want)
		}
	}
	if _, ok := g.Lookup("board", "nope"); ok {
		t.Error("Lookup of a missing board succeeded")
	}
}

// TestResolveOrders checks every list of licenses against the order it
// documents, on a synthetic site large enough to be resolved in parallel.
func TestResolveOrders(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "content")
	if _, err := synth.Write(dir, synth.Options{Licenses: 2500, Seed: 2, Today: time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	c, diags := load.Load(os.DirFS(dir), "content/")
	if diags.Errors() > 0 {
		t.Fatal(diags.Items()[0])
	}
	g := Resolve(c)
	byState := func(a, b *License) int {
		return cmp.Or(cmp.Compare(a.State.Name, b.State.Name), cmp.Compare(a.Specialty.Name, b.Specialty.Name), cmp.Compare(a.Title, b.Title), cmp.Compare(a.ID, b.ID))
	}
	bySpecialty := func(a, b *License) int {
		return cmp.Or(cmp.Compare(a.Specialty.Name, b.Specialty.Name), cmp.Compare(a.Title, b.Title), cmp.Compare(a.ID, b.ID))
	}
	lists := map[string][]*License{"graph": g.Licenses}
	for _, s := range g.Specialties {
		lists["specialty "+s.ID] = s.Licenses
	}
	for _, f := range g.Families {
		lists["family "+f.ID] = f.Licenses
	}
	for _, b := range g.Boards {
		lists["board "+b.ID] = b.Licenses
	}
	for _, o := range g.Occupations {
		lists["occupation "+o.ID] = o.Licenses
	}
	for _, cert := range g.Certifications {
		var ls []*License
		for _, lr := range cert.Licenses {
			ls = append(ls, lr.License)
		}
		lists["certification "+cert.ID] = ls
	}
	for name, ls := range lists {
		if !slices.IsSortedFunc(ls, byState) {
			t.Errorf("%s: licenses not by state, specialty, title and ID", name)
		}
	}
	n := 0
	for _, s := range g.States {
		n += len(s.Licenses)
		if !slices.IsSortedFunc(s.Licenses, bySpecialty) {
			t.Errorf("state %s: licenses not by specialty, title and ID", s.ID)
		}
	}
	if n != len(g.Licenses) || len(g.Licenses) != 2500 {
		t.Errorf("%d licenses in states, %d in the graph", n, len(g.Licenses))
	}
	for _, l := range g.Licenses {
		if l.Board == nil || l.Specialty == nil || l.State == nil || len(l.Occupations) == 0 {
			t.Fatalf("license %s not linked", l.ID)
		}
	}
}
