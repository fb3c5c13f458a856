package resolve

import (
	"testing"

	"github.com/licensure/licensure/internal/load"
	"github.com/licensure/licensure/internal/sitetest"
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
