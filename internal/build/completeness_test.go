package build

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/licensure/licensure/internal/resolve"
)

// completenessFloors are the shares of full licenses (permits aside) that
// state each fact, as reached by the shipped content: a change that loses
// facts fails here. Raise a floor when the content improves.
var completenessFloors = map[string]int{
	"education":            75,
	"examination":          82,
	"certifications":       63,
	"experience":           51,
	"renewal":              77,
	"continuing education": 61,
	"fees":                 47,
	"statute":              100,
	"statute link":         97,
	"application link":     50,
	"verification link":    39,
	"endorsement":          79,
	"temporary permit":     72,
}

// completeness returns, for each fact, the percentage of licenses that
// are not permits and state it.
func completeness(g *resolve.Graph) (map[string]int, int) {
	stated := map[string]int{}
	n := 0
	for _, l := range g.Licenses {
		if l.Credential == "permit" {
			continue
		}
		n++
		for _, f := range l.Facts() {
			if f.Stated {
				stated[f.Name]++
			}
		}
	}
	out := map[string]int{}
	for name, k := range stated {
		out[name] = 100 * k / max(n, 1)
	}
	return out, n
}

func TestShippedCompleteness(t *testing.T) {
	content, res := Validate(Dirs("../..", "", ""))
	if res.Diags.Errors() > 0 {
		t.Fatalf("content has %d errors", res.Diags.Errors())
	}
	got, n := completeness(resolve.Resolve(content))
	var lines []string
	for name, floor := range completenessFloors {
		lines = append(lines, fmt.Sprintf("%-22s %3d%% (floor %d%%)", name, got[name], floor))
		if got[name] < floor {
			t.Errorf("%s: stated by %d%% of %d licenses, below the floor of %d%%", name, got[name], n, floor)
		}
	}
	sort.Strings(lines)
	t.Logf("completeness of %d licenses:\n%s", n, strings.Join(lines, "\n"))
}

// TestShippedPortability asserts what the portability model promises:
// every permit leads to a license of its own state and specialty, and
// every compact member is a jurisdiction of the site.
func TestShippedPortability(t *testing.T) {
	content, res := Validate(Dirs("../..", "", ""))
	if res.Diags.Errors() > 0 {
		t.Fatalf("content has %d errors", res.Diags.Errors())
	}
	g := resolve.Resolve(content)
	permits := 0
	for _, l := range g.Licenses {
		if l.Credential != "permit" {
			continue
		}
		permits++
		switch {
		case l.LeadsTo == nil:
			t.Errorf("permit %s leads to no license", l.ID)
		case l.LeadsTo.State != l.State || l.LeadsTo.Specialty != l.Specialty:
			t.Errorf("permit %s leads to %s, of another state or specialty", l.ID, l.LeadsTo.ID)
		case l.LeadsTo.Credential == "permit":
			t.Errorf("permit %s leads to another permit, %s", l.ID, l.LeadsTo.ID)
		}
	}
	if permits < 45 {
		t.Errorf("%d permits, want at least 45", permits)
	}
	if len(g.Compacts) == 0 {
		t.Fatal("no interstate compact")
	}
	for _, c := range g.Compacts {
		if len(c.Members) != len(c.Compact.Members) {
			t.Errorf("%s: %d of %d members are jurisdictions of the site", c.ID, len(c.Members), len(c.Compact.Members))
		}
		if c.Enacted() == 0 {
			t.Errorf("%s: no member has enacted it", c.ID)
		}
	}
}
