package search

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/licensure/licensure/internal/model"
	"github.com/licensure/licensure/internal/resolve"
	"github.com/licensure/licensure/internal/synth/synthtest"
)

const hostile = `<script>alert(1)</script>"><img src=x onerror=alert(1)>`

// graph builds a small resolved site by hand: Ohio and Texas, respiratory
// care and perfusion, one license each.
func graph(licenseTitle string) *resolve.Graph {
	oh := &resolve.State{Meta: resolve.Meta{ID: "OH", Path: "/states/oh/"}, State: model.State{Code: "OH", Name: "Ohio", Type: "state"}}
	tx := &resolve.State{Meta: resolve.Meta{ID: "TX", Path: "/states/tx/"}, State: model.State{Code: "TX", Name: "Texas", Type: "state"}}
	occ := &resolve.Occupation{Meta: resolve.Meta{ID: "29-1126.00", Path: "/occupations/29-1126.00/"}, Occupation: &model.Occupation{Title: "Respiratory Therapists"}}
	rc := &resolve.Specialty{Meta: resolve.Meta{ID: "respiratory-care", Path: "/specialties/respiratory-care/"}, Specialty: &model.Specialty{Name: "Respiratory care"}, Occupations: []*resolve.Occupation{occ}}
	perf := &resolve.Specialty{Meta: resolve.Meta{ID: "perfusion", Path: "/specialties/perfusion/"}, Specialty: &model.Specialty{Name: "Perfusion"}}
	nbrc := &resolve.Issuer{Meta: resolve.Meta{ID: "nbrc", Path: "/issuers/nbrc/"}, Issuer: &model.Issuer{Name: "National Board for Respiratory Care", Acronym: "NBRC"}}
	rrt := &resolve.Certification{Meta: resolve.Meta{ID: "nbrc-rrt", Path: "/certifications/nbrc-rrt/"}, Certification: &model.Certification{Name: "Registered Respiratory Therapist", Acronym: "RRT"}, Issuer: nbrc, Specialties: []*resolve.Specialty{rc}}
	ccp := &resolve.Certification{Meta: resolve.Meta{ID: "abcp-ccp", Path: "/certifications/abcp-ccp/"}, Certification: &model.Certification{Name: "Certified Clinical Perfusionist", Acronym: "CCP"}, Specialties: []*resolve.Specialty{perf}}
	nbrc.Certifications = []*resolve.Certification{rrt}
	rc.Certifications, perf.Certifications = []*resolve.Certification{rrt}, []*resolve.Certification{ccp}
	ohb := &resolve.Board{Meta: resolve.Meta{ID: "oh-board", Path: "/boards/oh-board/"}, Board: &model.Board{Name: "State Medical Board of Ohio"}, State: oh}
	txb := &resolve.Board{Meta: resolve.Meta{ID: "tx-board", Path: "/boards/tx-board/"}, Board: &model.Board{Name: "Texas Medical Board"}, State: tx}
	ohl := &resolve.License{Meta: resolve.Meta{ID: "oh-rcp", Path: "/licenses/oh-rcp/"}, License: &model.License{Title: "Respiratory Care Professional", Credential: "license"},
		State: oh, Specialty: rc, Board: ohb, Occupations: []*resolve.Occupation{occ}, Certifications: []resolve.CertRole{{Cert: rrt, Role: "required"}}}
	txl := &resolve.License{Meta: resolve.Meta{ID: "tx-perfusionist", Path: "/licenses/tx-perfusionist/"}, License: &model.License{Title: licenseTitle, Credential: "license"},
		State: tx, Specialty: perf, Board: txb, Certifications: []resolve.CertRole{{Cert: ccp, Role: "accepted"}}}
	ohb.Licenses, txb.Licenses = []*resolve.License{ohl}, []*resolve.License{txl}
	fam := &resolve.Family{Meta: resolve.Meta{ID: "cardio", Path: "/families/cardio/"}, Family: &model.Family{Name: "Cardiopulmonary"}, Specialties: []*resolve.Specialty{perf, rc}}
	return &resolve.Graph{
		States: []*resolve.State{oh, tx}, Families: []*resolve.Family{fam}, Specialties: []*resolve.Specialty{perf, rc},
		Occupations: []*resolve.Occupation{occ}, Licenses: []*resolve.License{ohl, txl}, Boards: []*resolve.Board{ohb, txb},
		Certifications: []*resolve.Certification{ccp, rrt}, Issuers: []*resolve.Issuer{nbrc},
		Pages: []*resolve.Page{{Meta: resolve.Meta{ID: "about", Path: "/about/"}, Title: "About", Description: "Who keeps the site."}},
	}
}

func find(es []Entry, url string) (Entry, bool) {
	for _, e := range es {
		if e.URL == url {
			return e, true
		}
	}
	return Entry{}, false
}

func TestEntries(t *testing.T) {
	es := Entries(graph("Licensed Perfusionist"))
	if len(es) != 14 {
		t.Errorf("got %d entries, want one per record and page (14)", len(es))
	}
	for _, tc := range []struct {
		url, kind, title, detail string
		keywords                 []string // must be among the terms
		absent                   []string // must not be
		titleTerms               int      // terms of the title, when not 0
		state, specialty         int
	}{
		{url: "/licenses/oh-rcp/", kind: "licenses", title: "Respiratory Care Professional", detail: "Ohio · Respiratory care",
			keywords: []string{"respiratory", "care", "ohio", "oh", "rrt", "29", "1126", "therapist", "medical", "board"}, absent: []string{"therapists", "of"}, titleTerms: 3, state: 0, specialty: 1},
		{url: "/licenses/tx-perfusionist/", kind: "licenses", detail: "Texas · Perfusion", keywords: []string{"tx", "ccp", "license"}, titleTerms: 2, state: 1, specialty: 0},
		{url: "/states/tx/", kind: "states", title: "Texas", keywords: []string{"texas", "tx", "state", "texan"}, titleTerms: 1, state: 1, specialty: -1},
		{url: "/certifications/nbrc-rrt/", kind: "certifications", title: "Registered Respiratory Therapist (RRT)", detail: "National Board for Respiratory Care", keywords: []string{"rrt", "nbrc"}, state: -1, specialty: 1},
		{url: "/certifications/abcp-ccp/", kind: "certifications", detail: "Issuer not established", keywords: []string{"perfusion"}},
		{url: "/boards/tx-board/", kind: "boards", detail: "Texas", keywords: []string{"tx", "perfusion"}, state: 1, specialty: -1},
		{url: "/issuers/nbrc/", kind: "issuers", detail: "NBRC", keywords: []string{"rrt"}},
		{url: "/occupations/29-1126.00/", kind: "occupations", detail: "O*NET-SOC 29-1126.00"},
		{url: "/specialties/respiratory-care/", kind: "specialties", keywords: []string{"therapist", "29", "rrt", "rt", "rcp"}, state: -1, specialty: 1},
		{url: "/families/cardio/", kind: "families", keywords: []string{"perfusion", "respiratory"}},
		{url: "/about/", kind: "pages", title: "About", keywords: []string{"keep", "site"}},
	} {
		t.Run(tc.url, func(t *testing.T) {
			e, ok := find(es, tc.url)
			if !ok {
				t.Fatal("no entry")
			}
			if e.Kind != tc.kind || (tc.title != "" && e.Title != tc.title) || (tc.detail != "" && e.Detail != tc.detail) {
				t.Errorf("got %s %q %q", e.Kind, e.Title, e.Detail)
			}
			if tc.titleTerms != 0 && e.TitleTerms != tc.titleTerms {
				t.Errorf("%d terms of the title in %q, want %d", e.TitleTerms, e.Terms, tc.titleTerms)
			}
			if tc.kind == "licenses" || tc.state != 0 || tc.specialty != 0 {
				if e.State != tc.state || e.Specialty != tc.specialty {
					t.Errorf("state %d, specialty %d, want %d, %d", e.State, e.Specialty, tc.state, tc.specialty)
				}
			}
			have := map[string]bool{}
			for _, k := range e.Terms {
				if have[k] {
					t.Errorf("term %q twice", k)
				}
				have[k] = true
			}
			for _, k := range tc.keywords {
				if !have[k] {
					t.Errorf("terms %q lack %q", e.Terms, k)
				}
			}
			for _, k := range tc.absent {
				if have[k] {
					t.Errorf("terms %q have %q", e.Terms, k)
				}
			}
		})
	}
}

type decoded struct {
	V       int               `json:"v"`
	Kinds   [][]string        `json:"kinds"`
	Entries []json.RawMessage `json:"entries"`
	Parts   []string          `json:"parts"`
	States  [][]any           `json:"states"`
}

func TestFiles(t *testing.T) {
	es := Build(graph(hostile))
	for _, tc := range []struct {
		name  string
		opts  Options
		paths []string
	}{
		{name: "whole", opts: Options{Dir: "search"}, paths: []string{"search/index.json"}},
		{name: "under limit", opts: Options{Dir: "/search/", SplitAbove: 1 << 20}, paths: []string{"search/index.json"}},
		{name: "split", opts: Options{Dir: "search", SplitAbove: 100}, paths: []string{"search/index.json", "search/findings.json",
			"search/certifications.json", "search/issuers.json", "search/occupations.json",
			"search/state-oh.json", "search/state-tx.json", "search/certifications-2.json", "search/state-oh-2.json", "search/state-tx-2.json"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files, err := Files(es, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			var paths []string
			var rows [][]any
			for _, f := range files {
				paths = append(paths, f.Path)
				if bytes.Contains(f.Data, []byte("<")) || bytes.Contains(f.Data, []byte(">")) {
					t.Errorf("%s: raw < or > in %s", f.Path, f.Data)
				}
				var d decoded
				if err := json.Unmarshal(f.Data, &d); err != nil {
					t.Fatalf("%s: %v", f.Path, err)
				}
				for _, raw := range d.Entries {
					var row []any
					if err := json.Unmarshal(raw, &row); err != nil {
						t.Fatal(err)
					}
					rows = append(rows, row)
				}
				if f.Path == "search/index.json" && len(d.Kinds) != len(Kinds) {
					t.Errorf("manifest has %d kinds", len(d.Kinds))
				}
				if f.Path == "search/index.json" && len(files) > 1 {
					if len(d.Parts) != len(files)-5 {
						t.Errorf("manifest lists %d parts for %d files of kinds", len(d.Parts), len(files)-5)
					}
					if len(d.States) != 2 || !reflect.DeepEqual(d.States[0][3], []any{"/search/state-oh.json", "/search/state-oh-2.json"}) {
						t.Errorf("manifest's states %q lack their files", d.States)
					}
				}
			}
			if !reflect.DeepEqual(paths, tc.paths) {
				t.Errorf("paths %q, want %q", paths, tc.paths)
			}
			if len(rows) != len(es.Entries) {
				t.Fatalf("%d rows, want %d", len(rows), len(es.Entries))
			}
			var found bool
			for _, r := range rows {
				if r[1] == "tx-perfusionist/" {
					found = true
					if r[2] != hostile {
						t.Errorf("title round-trips as %q", r[2])
					}
					if r[0] != float64(0) {
						t.Errorf("kind %v, want 0 (licenses)", r[0])
					}
				}
				if r[1] == "about/" && r[0] != float64(len(Kinds)-1) {
					t.Errorf("page kind %v", r[0])
				}
			}
			if !found {
				t.Error("no row for the license")
			}
		})
	}
}

func TestFilesDeterministic(t *testing.T) {
	a, err := Files(Build(graph("x")), Options{Dir: "search", SplitAbove: 100})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Files(Build(graph("x")), Options{Dir: "search", SplitAbove: 100})
	if !reflect.DeepEqual(a, b) {
		t.Error("two runs differ")
	}
}

func TestFilesRejectsUnknownKind(t *testing.T) {
	if _, err := Files(&Index{Entries: []Entry{{Kind: "nope", URL: "/x/"}}}, Options{Dir: "search"}); err == nil || !strings.Contains(err.Error(), "nope") {
		t.Errorf("error %v", err)
	}
}

func TestTerms(t *testing.T) {
	for _, tc := range []struct {
		title, detail string
		extra         []string
		want          []string
		n             int
	}{
		{"Texas", "", []string{"TX", "texas", "Board of Nursing"}, []string{"texas", "tx", "board", "nursing"}, 1},
		{"", "", []string{"29-1126.00"}, []string{"29", "1126", "00"}, 0},
		{"x", "", []string{"", "  "}, []string{"x"}, 1},
		{"Licensed Perfusionists", "Boards of Illinois", []string{"Respiratory Therapists", "PR"}, []string{"licensed", "perfusionist", "board", "illinois", "respiratory", "therapist", "pr"}, 2},
	} {
		got, n := newKeyworder().terms(tc.title, tc.detail, tc.extra)
		if !reflect.DeepEqual(got, tc.want) || n != tc.n {
			t.Errorf("terms(%q, %q, %q) = %q, %d; want %q, %d", tc.title, tc.detail, tc.extra, got, n, tc.want, tc.n)
		}
	}
}

// TestSplitKeepsFilesSmall splits a synthetic site of 1,000 licenses with
// a small limit: each state's licenses and boards, and each other kind
// not kept in index.json, take as many files as keep each under the
// limit, and every entry is written once.
func TestSplitKeepsFilesSmall(t *testing.T) {
	ix := Build(synthtest.Graph(t, 1000))
	const limit = 16 << 10
	files, err := Files(ix, Options{Dir: "search", SplitAbove: limit})
	if err != nil {
		t.Fatal(err)
	}
	rows, pieces := 0, 0
	for _, f := range files {
		var d decoded
		if err := json.Unmarshal(f.Data, &d); err != nil {
			t.Fatalf("%s: %v", f.Path, err)
		}
		rows += len(d.Entries)
		if strings.HasPrefix(f.Path, "search/state-") {
			pieces++
		}
		if f.Path != "search/index.json" && f.Path != "search/findings.json" && len(f.Data) > limit+len(`{"v":2,"entries":[]}`+"\n") {
			t.Errorf("%s is %d bytes, over the limit of %d", f.Path, len(f.Data), limit)
		}
	}
	if rows != len(ix.Entries) {
		t.Errorf("%d rows written for %d entries", rows, len(ix.Entries))
	}
	if pieces <= len(ix.States) {
		t.Errorf("%d files of states for %d states; a small limit should cut some in pieces", pieces, len(ix.States))
	}
}
