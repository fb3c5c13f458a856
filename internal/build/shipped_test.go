package build

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/licensure/licensure/internal/resolve"
)

// TestShippedContent builds the repository's own content: it must have no
// errors, and every record must get its page.
func TestShippedContent(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	opts := Dirs("../..", "", out)
	res, err := Build(context.Background(), opts)
	if err != nil {
		for _, d := range res.Diags.Items() {
			t.Log(d)
		}
		t.Fatal(err)
	}
	content, _ := Validate(opts)
	g := resolve.Resolve(content)
	for _, path := range recordPaths(g) {
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(path), "index.html")); err != nil {
			t.Errorf("no page for %s", path)
		}
	}
	// The site publishes the schemas the content files name, as the
	// repository keeps them (jsonschema's tests keep those current).
	for _, name := range []string{"license.json", "refs/boards.json"} {
		want, err := os.ReadFile(filepath.Join("../../static/schema", name))
		if err != nil {
			t.Fatal(err)
		}
		if got, err := os.ReadFile(filepath.Join(out, "schema", name)); err != nil || string(got) != string(want) {
			t.Errorf("/schema/%s is not static/schema/%s (%v)", name, name, err)
		}
	}
}

func recordPaths(g *resolve.Graph) []string {
	var paths []string
	for _, x := range g.Licenses {
		paths = append(paths, x.Path)
	}
	for _, x := range g.Boards {
		paths = append(paths, x.Path)
	}
	for _, x := range g.Certifications {
		paths = append(paths, x.Path)
	}
	for _, x := range g.Issuers {
		paths = append(paths, x.Path)
	}
	for _, x := range g.Specialties {
		paths = append(paths, x.Path)
	}
	for _, x := range g.Families {
		paths = append(paths, x.Path)
	}
	for _, x := range g.Occupations {
		paths = append(paths, x.Path)
	}
	for _, x := range g.States {
		paths = append(paths, x.Path)
	}
	return paths
}

// TestShippedContentInvariants asserts the facts about the shipped content
// that readers rely on.
func TestShippedContentInvariants(t *testing.T) {
	content, res := Validate(Dirs("../..", "", ""))
	if res.Diags.Errors() > 0 {
		t.Fatalf("content has %d errors", res.Diags.Errors())
	}
	g := resolve.Resolve(content)
	if n := len(g.Licenses); n < 80 {
		t.Errorf("%d licenses, want at least 80", n)
	}
	if n := len(g.Certifications); n < 40 {
		t.Errorf("%d certifications, want at least 40", n)
	}
	for _, id := range []string{"respiratory-care", "perfusion", "cardiovascular-technology", "dialysis"} {
		if _, ok := g.Lookup("specialty", id); !ok {
			t.Errorf("no specialty %s", id)
		}
	}
	for _, code := range []string{"29-1126.00", "29-2031.00", "29-2012.00"} {
		if _, ok := g.Lookup("occupation", code); !ok {
			t.Errorf("no occupation %s", code)
		}
	}
	if len(g.States) != 56 {
		t.Errorf("%d jurisdictions, want 50 states, DC and 5 territories", len(g.States))
	}
	for _, l := range g.Licenses {
		if l.Board.State != l.State {
			t.Errorf("%s: board %s is in %s", l.ID, l.Board.ID, l.Board.State.Code)
		}
		if len(l.Sources) == 0 || l.Reviewed == "" {
			t.Errorf("%s: no source or review date", l.ID)
		}
	}
	for _, b := range g.Boards {
		if len(b.Sources) == 0 || b.Reviewed == "" {
			t.Errorf("%s: no source or review date", b.ID)
		}
	}
	for _, c := range g.Certifications {
		if c.Issuer == nil && c.IssuerNote == "" {
			t.Errorf("%s: no issuer, and no note saying why", c.ID)
		}
		if len(c.Sources) == 0 || c.Reviewed == "" {
			t.Errorf("%s: no source or review date", c.ID)
		}
	}
	for _, s := range g.Specialties {
		for _, st := range s.NotLicensed {
			if len(st.Licenses) > 0 && hasSpecialty(st, s) {
				t.Errorf("%s is listed as not licensing %s but has a license for it", st.Code, s.ID)
			}
		}
	}
}

func hasSpecialty(st *resolve.State, s *resolve.Specialty) bool {
	for _, l := range st.Licenses {
		if l.Specialty == s {
			return true
		}
	}
	return false
}

// TestFamilyPageShowsBothFigures checks that the family page shows the
// figures the site derives next to those reported by the outside source.
func TestFamilyPageShowsBothFigures(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	opts := Dirs("../..", "", out)
	if _, err := Build(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	content, _ := Validate(opts)
	g := resolve.Resolve(content)
	f := g.Families[0]
	page, err := os.ReadFile(filepath.Join(out, "families", f.ID, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(page)), " ")
	for _, want := range []string{
		fmt.Sprintf("<strong>%d</strong> licenses in <strong>%d</strong> jurisdictions", len(f.Licenses), len(f.Jurisdictions)),
		fmt.Sprintf("<strong>%d</strong> licenses in <strong>%d</strong> jurisdictions", f.Reported.Licenses, f.Reported.Jurisdictions),
	} {
		if !strings.Contains(text, want) {
			t.Errorf("family page lacks %q", want)
		}
	}
	for _, s := range f.Specialties {
		want := regexp.MustCompile(fmt.Sprintf(`<td><a href="%s">%s</a></td> ?<td[^>]*>%d</td>`, regexp.QuoteMeta(s.Path), regexp.QuoteMeta(s.Name), len(s.Jurisdictions)))
		if !want.MatchString(text) {
			t.Errorf("family page lacks the derived count for %s: %s", s.ID, want)
		}
	}
}
