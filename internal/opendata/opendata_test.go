package opendata

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/licensure/licensure/internal/model"
	"github.com/licensure/licensure/internal/resolve"
)

const hostile = "<script>alert(1)</script>\"><img src=x onerror=alert(1)>, \"quoted\"\nsecond line"

// graph builds a small resolved site by hand: Ohio, Texas and Guam;
// respiratory care and perfusion.
func graph(licenseTitle string) *resolve.Graph {
	oh := &resolve.State{Meta: resolve.Meta{ID: "OH", Path: "/states/oh/"}, State: model.State{Code: "OH", Name: "Ohio", Type: "state"}}
	tx := &resolve.State{Meta: resolve.Meta{ID: "TX", Path: "/states/tx/"}, State: model.State{Code: "TX", Name: "Texas", Type: "state"}}
	gu := &resolve.State{Meta: resolve.Meta{ID: "GU", Path: "/states/gu/"}, State: model.State{Code: "GU", Name: "Guam", Type: "territory"}}
	occ := &resolve.Occupation{Meta: resolve.Meta{ID: "29-1126.00", Path: "/occupations/29-1126.00/"}, Occupation: &model.Occupation{Title: "Respiratory Therapists", URL: "https://www.onetonline.org/link/summary/29-1126.00"}}
	rc := &resolve.Specialty{Meta: resolve.Meta{ID: "respiratory-care", Path: "/specialties/respiratory-care/"}, Specialty: &model.Specialty{Name: "Respiratory care", Family: "cardio"}}
	perf := &resolve.Specialty{Meta: resolve.Meta{ID: "perfusion", Path: "/specialties/perfusion/"}, Specialty: &model.Specialty{Name: "Perfusion", Family: "cardio"}, NotLicensed: []*resolve.State{oh}}
	rrt := &resolve.Certification{Meta: resolve.Meta{ID: "nbrc-rrt", Path: "/certifications/nbrc-rrt/"}, Certification: &model.Certification{Name: "Registered Respiratory Therapist", Acronym: "RRT", Issuer: "nbrc"}}
	crt := &resolve.Certification{Meta: resolve.Meta{ID: "nbrc-crt", Path: "/certifications/nbrc-crt/"}, Certification: &model.Certification{Name: "Certified Respiratory Therapist", Acronym: "CRT", Issuer: "nbrc"}}
	ccp := &resolve.Certification{Meta: resolve.Meta{ID: "abcp-ccp", Path: "/certifications/abcp-ccp/"}, Certification: &model.Certification{Name: "Certified Clinical Perfusionist", Acronym: "CCP"}}
	ohb := &resolve.Board{Meta: resolve.Meta{ID: "oh-board", Path: "/boards/oh-board/"}, Board: &model.Board{Name: "State Medical Board of Ohio", State: "OH", Aliases: []model.Path{"/boards/old/"}}, State: oh}
	txb := &resolve.Board{Meta: resolve.Meta{ID: "tx-board", Path: "/boards/tx-board/"}, Board: &model.Board{Name: "Texas Medical Board", State: "TX"}, State: tx}
	ohl := &resolve.License{Meta: resolve.Meta{ID: "oh-rcp", Path: "/licenses/oh-rcp/"},
		License: &model.License{Title: "Respiratory Care Professional", State: "OH", Specialty: "respiratory-care", Board: "oh-board", Credential: "license", Occupations: []model.SOCCode{"29-1126.00"},
			Requirements: model.Requirements{Renewal: "Every two years", Fees: []model.Fee{{For: "application", Amount: 75, Note: "plus a $3.50 transaction fee"}, {For: "renewal", Amount: 111.25, Months: 24}}, Certifications: []model.CertRequirement{{ID: "nbrc-crt", Role: "required"}, {ID: "nbrc-rrt", Role: "alternative"}}}, Reviewed: "2026-11-24"},
		State: oh, Specialty: rc, Board: ohb, Occupations: []*resolve.Occupation{occ},
		Certifications: []resolve.CertRole{{Cert: crt, Role: "required"}, {Cert: rrt, Role: "alternative"}}}
	txl := &resolve.License{Meta: resolve.Meta{ID: "tx-perfusionist", Path: "/licenses/tx-perfusionist/"},
		License: &model.License{Title: licenseTitle, State: "TX", Specialty: "perfusion", Board: "tx-board", Credential: "license", Reviewed: "2026-10-01"},
		State:   tx, Specialty: perf, Board: txb, Certifications: []resolve.CertRole{{Cert: ccp, Role: "accepted"}}}
	txl2 := &resolve.License{Meta: resolve.Meta{ID: "tx-provisional-perfusionist", Path: "/licenses/tx-provisional-perfusionist/"},
		License: &model.License{Title: "Provisional Licensed Perfusionist", State: "TX", Specialty: "perfusion", Board: "tx-board", Credential: "license", Reviewed: "2026-10-01"},
		State:   tx, Specialty: perf, Board: txb}
	oh.Licenses, tx.Licenses = []*resolve.License{ohl}, []*resolve.License{txl, txl2}
	return &resolve.Graph{
		Site:   model.Site{Title: "Licensure", Description: "Who licenses what.", BaseURL: "https://licensure.example.org/"},
		States: []*resolve.State{gu, oh, tx}, Specialties: []*resolve.Specialty{perf, rc},
		Families:    []*resolve.Family{{Meta: resolve.Meta{ID: "cardio", Path: "/families/cardio/"}, Family: &model.Family{Name: "Cardiopulmonary"}}},
		Occupations: []*resolve.Occupation{occ}, Licenses: []*resolve.License{ohl, txl, txl2}, Boards: []*resolve.Board{ohb, txb},
		Certifications: []*resolve.Certification{ccp, crt, rrt},
		Issuers:        []*resolve.Issuer{{Meta: resolve.Meta{ID: "nbrc", Path: "/issuers/nbrc/"}, Issuer: &model.Issuer{Name: "National Board for Respiratory Care", Acronym: "NBRC"}}},
	}
}

func files(t *testing.T, g *resolve.Graph) map[string][]byte {
	t.Helper()
	fs, err := Files(g)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for i, f := range fs {
		if want := strings.TrimPrefix(Downloads[i].Path, "/"); f.Path != want {
			t.Errorf("file %d is %s, Downloads says %s", i, f.Path, want)
		}
		out[f.Path] = f.Data
	}
	if len(fs) != len(Downloads) {
		t.Errorf("%d files for %d downloads", len(fs), len(Downloads))
	}
	return out
}

func readCSV(t *testing.T, data []byte) [][]string {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

func TestLicensesCSV(t *testing.T) {
	recs := readCSV(t, files(t, graph(hostile))["data/licenses.csv"])
	var header []string
	for _, c := range LicenseColumns {
		header = append(header, c.Name)
	}
	if !reflect.DeepEqual(recs[0], header) {
		t.Errorf("header %q, want %q", recs[0], header)
	}
	for _, tc := range []struct {
		row  int
		want map[string]string
	}{
		{1, map[string]string{"id": "oh-rcp", "title": "Respiratory Care Professional", "state": "OH", "state_name": "Ohio", "specialty": "respiratory-care",
			"board": "oh-board", "board_name": "State Medical Board of Ohio", "credential": "license", "occupations": "29-1126.00",
			"required_certifications": "nbrc-crt", "accepted_certifications": "", "alternative_certifications": "nbrc-rrt", "renewal": "Every two years",
			"fee_application": "75", "fee_renewal": "111.25", "fees": "application: $75 (plus a $3.50 transaction fee);renewal: $111.25 for 24 months",
			"reviewed": "2026-11-24", "url": "https://licensure.example.org/licenses/oh-rcp/"}},
		{2, map[string]string{"id": "tx-perfusionist", "title": hostile, "accepted_certifications": "abcp-ccp", "fee_application": "", "fees": "", "occupations": ""}},
	} {
		for name, want := range tc.want {
			i := slices.Index(header, name)
			if i < 0 {
				t.Fatalf("no column %s", name)
			}
			if got := recs[tc.row][i]; got != want {
				t.Errorf("row %d, %s = %q, want %q", tc.row, name, got, want)
			}
		}
	}
	if len(recs) != 4 {
		t.Errorf("%d records, want header and 3 rows", len(recs))
	}
}

func TestColumnsAreDocumented(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range LicenseColumns {
		if c.Doc == "" || c.Value == nil {
			t.Errorf("column %s has no doc or no value", c.Name)
		}
		if seen[c.Name] {
			t.Errorf("column %s twice", c.Name)
		}
		seen[c.Name] = true
	}
}

func TestLicensesJSON(t *testing.T) {
	data := files(t, graph(hostile))["data/licenses.json"]
	if bytes.ContainsAny(data, "<>") {
		t.Errorf("raw < or > in %s", data)
	}
	var rows []map[string]any
	if err := json.Unmarshal(data, &rows); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		row      int
		key      string
		want     any
		wantKeys int
	}{
		{0, "occupations", []any{"29-1126.00"}, len(LicenseColumns)},
		{1, "title", hostile, len(LicenseColumns)},
		{1, "occupations", []any{}, len(LicenseColumns)}, // an empty list is [], not null
		{1, "accepted_certifications", []any{"abcp-ccp"}, len(LicenseColumns)},
	} {
		if got := rows[tc.row][tc.key]; !reflect.DeepEqual(got, tc.want) {
			t.Errorf("row %d %s = %#v, want %#v", tc.row, tc.key, got, tc.want)
		}
		if len(rows[tc.row]) != tc.wantKeys {
			t.Errorf("row %d has %d keys", tc.row, len(rows[tc.row]))
		}
	}
}

func TestAllJSON(t *testing.T) {
	data := files(t, graph(hostile))["data/all.json"]
	if bytes.ContainsAny(data, "<>") {
		t.Errorf("raw < or > in all.json")
	}
	var all map[string]json.RawMessage
	if err := json.Unmarshal(data, &all); err != nil {
		t.Fatal(err)
	}
	if len(all) != 1+len(model.Kinds)+1 {
		t.Errorf("top-level keys: %d", len(all))
	}
	records := func(kind string) []map[string]any {
		var out []map[string]any
		if err := json.Unmarshal(all[kind], &out); err != nil {
			t.Fatalf("%s: %v", kind, err)
		}
		return out
	}
	for _, tc := range []struct {
		kind  string
		n     int
		index int
		key   string
		want  any
	}{
		{"states", 3, 0, "id", "GU"},
		{"states", 3, 2, "type", "state"},
		{"licenses", 3, 1, "title", hostile},
		{"licenses", 3, 0, "url", "https://licensure.example.org/licenses/oh-rcp/"},
		{"licenses", 3, 0, "requirements", map[string]any{"education": "", "exam": "", "experience": "", "continuing_education": "", "renewal": "Every two years",
			"fees":           []any{map[string]any{"for": "application", "amount": float64(75), "months": float64(0), "note": "plus a $3.50 transaction fee"}, map[string]any{"for": "renewal", "amount": 111.25, "months": float64(24), "note": ""}},
			"certifications": []any{map[string]any{"id": "nbrc-crt", "role": "required"}, map[string]any{"id": "nbrc-rrt", "role": "alternative"}}}},
		{"licenses", 3, 1, "aliases", []any{}},
		{"boards", 2, 0, "aliases", []any{"/boards/old/"}},
		{"occupations", 1, 0, "id", "29-1126.00"},
		{"issuers", 1, 0, "acronym", "NBRC"},
		{"families", 1, 0, "reported", map[string]any{"licenses": float64(0), "jurisdictions": float64(0), "note": "", "source": map[string]any{"title": "", "url": ""}}},
	} {
		recs := records(tc.kind)
		if len(recs) != tc.n {
			t.Errorf("%s: %d records, want %d", tc.kind, len(recs), tc.n)
			continue
		}
		if got := recs[tc.index][tc.key]; !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s[%d].%s = %#v, want %#v", tc.kind, tc.index, tc.key, got, tc.want)
		}
	}
	// Keys come in schema order, after id and url.
	if i, j, k := bytes.Index(data, []byte(`"id": "oh-rcp"`)), bytes.Index(data, []byte(`"title": "Respiratory Care`)), bytes.Index(data, []byte(`"aliases"`)); !(i < j && j < k) {
		t.Errorf("keys out of order: %d %d %d", i, j, k)
	}
}

func TestMatrix(t *testing.T) {
	g := graph("Licensed Perfusionist")
	m := BuildMatrix(g)
	for _, tc := range []struct {
		row, col int
		status   string
		licenses int
	}{
		{0, 0, "unknown", 0},      // Guam, perfusion
		{1, 0, "not-licensed", 0}, // Ohio, perfusion
		{1, 1, "licensed", 1},     // Ohio, respiratory care
		{2, 0, "licensed", 2},     // Texas, perfusion
		{2, 1, "unknown", 0},
	} {
		c := m.Rows[tc.row].Cells[tc.col]
		if c.Status != tc.status || len(c.Licenses) != tc.licenses || c.Specialty != g.Specialties[tc.col] {
			t.Errorf("%s × %s: %s with %d licenses", m.Rows[tc.row].State.Name, c.Specialty.Name, c.Status, len(c.Licenses))
		}
	}
	want := []MatrixCount{{g.Specialties[0], 1, 1, 1, 1}, {g.Specialties[1], 1, 1, 0, 2}}
	if !reflect.DeepEqual(m.Counts, want) {
		t.Errorf("counts %+v", m.Counts)
	}
	recs := readCSV(t, files(t, g)["data/matrix.csv"])
	wantCSV := [][]string{
		{"state", "state_name", "perfusion", "respiratory-care"},
		{"GU", "Guam", "not yet researched", "not yet researched"},
		{"OH", "Ohio", "not licensed", "oh-rcp"},
		{"TX", "Texas", "tx-perfusionist;tx-provisional-perfusionist", "not yet researched"},
	}
	if !reflect.DeepEqual(recs, wantCSV) {
		t.Errorf("matrix.csv = %q", recs)
	}
}

func TestDictionary(t *testing.T) {
	d := Dictionary()
	if len(d) != len(model.Kinds)+1 || d[0].Kind != "states" || d[0].Source != "content/states.yaml" {
		t.Fatalf("kinds: %d, first %+v", len(d), d[0])
	}
	fields := map[string]FieldDoc{}
	for _, k := range d {
		if len(k.Fields) == 0 {
			t.Errorf("%s: no fields", k.Kind)
		}
		for _, f := range k.Fields {
			if f.Doc == "" {
				t.Errorf("%s.%s has no doc", k.Kind, f.Name)
			}
			fields[k.Singular+"."+f.Name] = f
		}
	}
	for _, tc := range []struct {
		name, typ string
		required  bool
		allowed   []string
		ref       string
	}{
		{"license.title", "text", true, nil, ""},
		{"license.state", "state code", true, nil, "states"},
		{"license.occupations", "list of occupation IDs", true, nil, "occupations"},
		{"license.credential", "text", true, []string{"license", "certification", "certificate", "registration", "title-protection", "permit"}, ""},
		{"license.requirements", "mapping", false, nil, ""},
		{"license.requirements.certifications", "list of mappings", false, nil, ""},
		{"license.requirements.certifications[].role", "text", true, []string{"required", "accepted", "alternative"}, ""},
		{"license.sources[].url", "URL", true, nil, ""},
		{"license.reviewed", "date (YYYY-MM-DD)", true, nil, ""},
		{"license.requirements.fees[].amount", "number", true, nil, ""},
		{"license.leads_to", "license ID", false, nil, "licenses"},
		{"compact.members[].state", "state code", true, nil, "states"},
		{"license.aliases", "list of site paths", false, nil, ""},
		{"specialty.summary", "Markdown", true, nil, ""},
		{"family.reported.licenses", "whole number", false, nil, ""},
		{"state.type", "text", true, []string{"state", "district", "territory"}, ""},
	} {
		f, ok := fields[tc.name]
		if !ok {
			t.Errorf("no %s", tc.name)
			continue
		}
		if f.Type != tc.typ || f.Required != tc.required || !reflect.DeepEqual(f.Allowed, tc.allowed) || f.Ref != tc.ref {
			t.Errorf("%s = %+v", tc.name, f)
		}
	}
}

func TestFilesDeterministic(t *testing.T) {
	a, b := files(t, graph("x")), files(t, graph("x"))
	if !reflect.DeepEqual(a, b) {
		t.Error("two runs differ")
	}
}
