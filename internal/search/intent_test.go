package search

import (
	"encoding/json"
	"github.com/licensure/licensure/internal/suggest"
	"reflect"
	"slices"
	"testing"

	"github.com/licensure/licensure/internal/model"
)

func TestStem(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"licenses", "license"},
		{"therapists", "therapist"},
		{"therapies", "therapy"},
		{"technologies", "technology"},
		{"boards", "board"},
		{"texans", "texan"},
		{"texas", "texas"},
		{"kansas", "kansas"},
		{"illinois", "illinois"},
		{"status", "status"},
		{"class", "class"},
		{"days", "days"},
		{"ties", "tie"},
		{"rts", "rts"},
		{"rrt", "rrt"},
		{"29", "29"},
		{"", ""},
	} {
		if got := Stem(tc.in); got != tc.want {
			t.Errorf("Stem(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestEdits(t *testing.T) {
	for _, tc := range []struct {
		word string
		want int
	}{{"ohio", 0}, {"texas", 1}, {"dialysis", 2}, {"respiratry", 2}, {"rt", 0}} {
		if got := Edits(tc.word); got != tc.want {
			t.Errorf("Edits(%q) = %d, want %d", tc.word, got, tc.want)
		}
	}
}

func TestDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b         string
		limit, wants int
	}{
		{"respiratry", "respiratory", 2, 1},
		{"perfsuion", "perfusion", 2, 1}, // a swap is one edit
		{"texsa", "texas", 1, 1},
		{"dialysis", "dialysis", 2, 0},
		{"kitten", "sitting", 5, 3},
		{"kitten", "sitting", 2, 3}, // past the limit: limit+1
		{"a", "abcdef", 2, 3},
		{"", "abc", 3, 3},
	} {
		if got := suggest.Distance(tc.a, tc.b, tc.limit); got != tc.wants {
			t.Errorf("Distance(%q, %q, %d) = %d, want %d", tc.a, tc.b, tc.limit, got, tc.wants)
		}
	}
}

func TestCandidates(t *testing.T) {
	vocab := []string{"respiratory", "perfusion", "perfusionist", "dialysis", "texas", "ohio", "ohioan", "care", "cart"}
	for _, tc := range []struct {
		word string
		want []string
	}{
		{"respiratry", []string{"respiratory"}},
		{"perfusoin", []string{"perfusion"}},
		{"perfusionst", []string{"perfusionist", "perfusion"}},
		{"dialisys", []string{"dialysis"}},
		{"texsa", []string{"texas"}},
		{"ohoi", nil}, // four letters: no typo allowed
		{"carx", nil},
		{"zzzzzzzz", nil},
	} {
		if got := Candidates(tc.word, vocab); !slices.Equal(got, tc.want) {
			t.Errorf("Candidates(%q) = %q, want %q", tc.word, got, tc.want)
		}
	}
}

// TestTables checks the phrases that name states and specialties: names,
// codes (not those that are everyday words), demonyms, synonyms and
// certification acronyms.
func TestTables(t *testing.T) {
	g := graph("Licensed Perfusionist")
	g.Specialties[0].Specialty.NotLicensed = []model.Absence{{State: "OH", Note: "Not licensed.", Source: model.Source{Title: "A list", URL: "https://example.org/list"}}}
	tb := BuildTables(g)
	names := map[string][]Name{}
	for _, n := range tb.Names {
		names[n.Phrase] = append(names[n.Phrase], n)
	}
	for _, tc := range []struct {
		phrase           string
		state, specialty int
		acronym          bool
	}{
		{"ohio", 0, -1, false}, {"oh", 0, -1, false}, {"ohioan", 0, -1, false}, {"texan", 1, -1, false}, {"tx", 1, -1, false},
		{"respiratory care", -1, 1, false}, {"respiratory", -1, 1, false}, {"rt", -1, 1, false}, {"rcp", -1, 1, false}, {"rrt", -1, 1, true},
		{"respiratory therapist", -1, 1, false}, {"perfusion", -1, 0, false}, {"perfusionist", -1, 0, false}, {"ccp", -1, 0, true},
	} {
		if !slices.Contains(names[tc.phrase], Name{tc.phrase, tc.state, tc.specialty, tc.acronym}) {
			t.Errorf("no name %q for state %d, specialty %d; have %v", tc.phrase, tc.state, tc.specialty, names[tc.phrase])
		}
	}
	for _, p := range []string{"care", "in", "of"} {
		if len(names[p]) > 0 {
			t.Errorf("%q names %v; it is too common", p, names[p])
		}
	}
	if len(tb.States) != 2 || tb.States[0] != (StateRow{"OH", "Ohio", "/states/oh/"}) {
		t.Errorf("states %v", tb.States)
	}
	want := []Absent{{State: 0, Specialty: 0, Note: "Not licensed.", Source: "A list", URL: "https://example.org/list"}}
	if !slices.Equal(tb.Absent, want) {
		t.Errorf("absent %v, want %v", tb.Absent, want)
	}
}

// TestFindingsFile checks where the findings go: in index.json when it is
// whole, in findings.json, listed first among the parts, when split.
func TestFindingsFile(t *testing.T) {
	g := graph("Licensed Perfusionist")
	src := model.Source{Title: "A list", URL: "https://example.org/list"}
	g.Specialties[0].Specialty.NotLicensed = []model.Absence{{State: "OH", Note: "No.", Source: src}}
	g.Specialties[1].Specialty.NotLicensed = []model.Absence{{State: "TX", Note: "No.", Source: src}}
	type tables struct {
		Absent   [][]int    `json:"absent"`
		Findings [][]string `json:"findings"`
		Parts    []string   `json:"parts"`
	}
	want := tables{Absent: [][]int{{0, 0, 0}, {1, 1, 0}}, Findings: [][]string{{"No.", "A list", "https://example.org/list"}}}
	for _, tc := range []struct {
		split int
		file  string
	}{{0, "search/index.json"}, {100, "search/findings.json"}} {
		files, err := Files(Build(g), Options{Dir: "search", SplitAbove: tc.split})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]tables{}
		for _, f := range files {
			var tb tables
			if err := json.Unmarshal(f.Data, &tb); err != nil {
				t.Fatal(err)
			}
			got[f.Path] = tb
		}
		f := got[tc.file]
		if !reflect.DeepEqual(f.Absent, want.Absent) || !reflect.DeepEqual(f.Findings, want.Findings) {
			t.Errorf("split above %d: %s has %v %v, want %v %v", tc.split, tc.file, f.Absent, f.Findings, want.Absent, want.Findings)
		}
		if tc.split > 0 && (len(got["search/index.json"].Parts) == 0 || got["search/index.json"].Parts[0] != "/search/findings.json" || got["search/index.json"].Absent != nil) {
			t.Errorf("the manifest %+v should list findings.json first and hold none", got["search/index.json"])
		}
	}
}
