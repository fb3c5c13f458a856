// Package opendata turns the resolved graph into the site's downloads under
// /data/: tables for analysts and the full records for reuse.
//
// Contract:
//
//   - Downloads lists every file Files writes, in the same order, with what
//     the /data/ page says about it; Files(g) returns exactly those paths.
//   - licenses.csv and licenses.json hold one row per license with the
//     columns of LicenseColumns, in that order. In the CSV, a list is its
//     values joined by ";" (no value contains one); in the JSON, an array.
//   - all.json holds every record of every kind (states included), each
//     with its "id", its absolute "url" and then every schema field under
//     its YAML key, in the schema's order; Markdown fields keep their
//     source text. Empty fields are present, so that every record of a kind
//     has the same keys.
//   - matrix.csv has one row per state or territory (by name) and one
//     column per specialty (by name, headed by its ID); a cell holds the
//     IDs of the state's licenses for the specialty, or nothing.
//   - Dictionary documents every field of every kind from package schema,
//     so that the data page cannot drift from the model.
//
// CSV goes through encoding/csv and JSON through encoding/json, so every
// value is quoted or escaped for its format. Output depends only on the
// graph: rows follow the graph's stable orders.
package opendata

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"

	"github.com/licensure/licensure/internal/model"
	"github.com/licensure/licensure/internal/resolve"
	"github.com/licensure/licensure/internal/schema"
)

// Download describes one file of /data/.
type Download struct {
	Path        string // site path, such as /data/licenses.csv
	Title       string
	Format      string // CSV or JSON
	Description string
}

// Downloads lists the files of /data/, in the order the data page shows
// them.
var Downloads = []Download{
	{"/data/licenses.csv", "Licenses", "CSV", "One row per license, with its state, specialty, board, occupations and the certifications it requires or accepts."},
	{"/data/licenses.json", "Licenses", "JSON", "The same rows as licenses.csv, as an array of objects; lists are arrays."},
	{"/data/matrix.csv", "States by specialties", "CSV", "One row per state or territory, one column per specialty; a cell lists the IDs of the state's licenses for the specialty and is empty when none is documented."},
	{"/data/all.json", "Every record", "JSON", "Every record of every kind, keyed by kind, with every field of the schema below; references are record IDs."},
}

// Column is a column of licenses.csv and a key of licenses.json.
type Column struct {
	Name, Doc string
}

// LicenseColumns documents the license table, in column order.
var LicenseColumns = []Column{
	{"id", "The license's record ID; its page is /licenses/<id>/."},
	{"title", "The credential's title as the state uses it."},
	{"state", "USPS code of the issuing state or territory."},
	{"state_name", "Name of the issuing state or territory."},
	{"specialty", "ID of the specialty it licenses."},
	{"specialty_name", "Name of the specialty."},
	{"board", "ID of the board or agency that issues it."},
	{"board_name", "Name of the board or agency."},
	{"credential", "The kind of credential: license, certificate, registration, permit or certification."},
	{"occupations", "O*NET-SOC codes of the licensed occupation."},
	{"required_certifications", "IDs of national certifications every applicant needs."},
	{"accepted_certifications", "IDs of certifications that satisfy the exam requirement."},
	{"alternative_certifications", "IDs of certifications that are one route of several."},
	{"renewal", "How often the credential is renewed, as the source says; empty when not documented."},
	{"reviewed", "When an editor last checked the record, YYYY-MM-DD."},
	{"url", "The license's page on this site."},
}

// LicenseRow is one license as the license table shows it.
type LicenseRow struct {
	ID                        string   `json:"id"`
	Title                     string   `json:"title"`
	State                     string   `json:"state"`
	StateName                 string   `json:"state_name"`
	Specialty                 string   `json:"specialty"`
	SpecialtyName             string   `json:"specialty_name"`
	Board                     string   `json:"board"`
	BoardName                 string   `json:"board_name"`
	Credential                string   `json:"credential"`
	Occupations               []string `json:"occupations"`
	RequiredCertifications    []string `json:"required_certifications"`
	AcceptedCertifications    []string `json:"accepted_certifications"`
	AlternativeCertifications []string `json:"alternative_certifications"`
	Renewal                   string   `json:"renewal"`
	Reviewed                  string   `json:"reviewed"`
	URL                       string   `json:"url"`
}

func (r LicenseRow) record() []string {
	return []string{r.ID, r.Title, r.State, r.StateName, r.Specialty, r.SpecialtyName, r.Board, r.BoardName, r.Credential,
		join(r.Occupations), join(r.RequiredCertifications), join(r.AcceptedCertifications), join(r.AlternativeCertifications),
		r.Renewal, r.Reviewed, r.URL}
}

func join(list []string) string { return strings.Join(list, ";") }

// baseURL is the site's address without a trailing slash.
func baseURL(g *resolve.Graph) string { return strings.TrimSuffix(string(g.Site.BaseURL), "/") }

// LicenseRows lists the licenses of g in the graph's order.
func LicenseRows(g *resolve.Graph) []LicenseRow {
	rows := make([]LicenseRow, 0, len(g.Licenses))
	for _, l := range g.Licenses {
		r := LicenseRow{ID: l.ID, Title: l.Title, State: string(l.State.Code), StateName: l.State.Name,
			Specialty: l.Specialty.ID, SpecialtyName: l.Specialty.Name, Credential: l.Credential,
			Occupations: []string{}, RequiredCertifications: []string{}, AcceptedCertifications: []string{}, AlternativeCertifications: []string{},
			Renewal: l.Requirements.Renewal, Reviewed: string(l.Reviewed), URL: baseURL(g) + l.Path}
		if l.Board != nil {
			r.Board, r.BoardName = l.Board.ID, l.Board.Name
		}
		for _, o := range l.Occupations {
			r.Occupations = append(r.Occupations, o.ID)
		}
		for _, c := range l.Certifications {
			switch c.Role {
			case "required":
				r.RequiredCertifications = append(r.RequiredCertifications, c.Cert.ID)
			case "accepted":
				r.AcceptedCertifications = append(r.AcceptedCertifications, c.Cert.ID)
			case "alternative":
				r.AlternativeCertifications = append(r.AlternativeCertifications, c.Cert.ID)
			}
		}
		rows = append(rows, r)
	}
	return rows
}

// File is a file to publish.
type File struct {
	Path string // site path without leading slash, such as data/licenses.csv
	Data []byte
}

// Files returns every file of Downloads.
func Files(g *resolve.Graph) ([]File, error) {
	rows := LicenseRows(g)
	var out []File
	for _, d := range Downloads {
		var data []byte
		var err error
		switch d.Path {
		case "/data/licenses.csv":
			data, err = licensesCSV(rows)
		case "/data/licenses.json":
			data, err = encodeJSON(rows)
		case "/data/matrix.csv":
			data, err = MatrixCSV(BuildMatrix(g))
		case "/data/all.json":
			data, err = AllJSON(g)
		default:
			err = fmt.Errorf("no writer")
		}
		if err != nil {
			return nil, fmt.Errorf("opendata: %s: %w", d.Path, err)
		}
		out = append(out, File{Path: strings.TrimPrefix(d.Path, "/"), Data: data})
	}
	return out, nil
}

func licensesCSV(rows []LicenseRow) ([]byte, error) {
	header := make([]string, len(LicenseColumns))
	for i, c := range LicenseColumns {
		header[i] = c.Name
	}
	records := [][]string{header}
	for _, r := range rows {
		records = append(records, r.record())
	}
	return writeCSV(records)
}

func writeCSV(records [][]string) ([]byte, error) {
	for _, rec := range records {
		for i, v := range rec {
			rec[i] = defuse(v)
		}
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if err := w.WriteAll(records); err != nil { // WriteAll flushes
		return nil, err
	}
	return b.Bytes(), nil
}

// defuse keeps a spreadsheet from reading a cell as a formula: a value
// that starts with =, +, -, @, a tab or a carriage return gets a leading
// apostrophe, as OWASP recommends for CSV downloads.
func defuse(v string) string {
	if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
		return "'" + v
	}
	return v
}

func encodeJSON(v any) ([]byte, error) {
	b, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// object is a JSON object that keeps its keys in order.
type object []member

type member struct {
	Key   string
	Value any
}

// MarshalJSON writes the members in order; encoding/json then checks and
// compacts the result and escapes <, > and & in strings.
func (o object) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(m.Key)
		if err != nil {
			return nil, err
		}
		v, err := json.Marshal(m.Value)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// AllJSON encodes every record of every kind.
func AllJSON(g *resolve.Graph) ([]byte, error) {
	base := baseURL(g)
	rec := func(m resolve.Meta, v any) object {
		rv := reflect.Indirect(reflect.ValueOf(v))
		o := object{{"id", m.ID}, {"url", base + m.Path}}
		return append(o, value(rv, schema.Of(rv.Type())).(object)...)
	}
	list := func(n int, at func(i int) object) []object {
		out := make([]object, n)
		for i := range out {
			out[i] = at(i)
		}
		return out
	}
	kinds := map[string][]object{
		"states":         list(len(g.States), func(i int) object { return rec(g.States[i].Meta, g.States[i].State) }),
		"families":       list(len(g.Families), func(i int) object { return rec(g.Families[i].Meta, g.Families[i].Family) }),
		"specialties":    list(len(g.Specialties), func(i int) object { return rec(g.Specialties[i].Meta, g.Specialties[i].Specialty) }),
		"occupations":    list(len(g.Occupations), func(i int) object { return rec(g.Occupations[i].Meta, g.Occupations[i].Occupation) }),
		"licenses":       list(len(g.Licenses), func(i int) object { return rec(g.Licenses[i].Meta, g.Licenses[i].License) }),
		"boards":         list(len(g.Boards), func(i int) object { return rec(g.Boards[i].Meta, g.Boards[i].Board) }),
		"certifications": list(len(g.Certifications), func(i int) object { return rec(g.Certifications[i].Meta, g.Certifications[i].Certification) }),
		"issuers":        list(len(g.Issuers), func(i int) object { return rec(g.Issuers[i].Meta, g.Issuers[i].Issuer) }),
	}
	top := object{{"site", object{{"title", g.Site.Title}, {"description", g.Site.Description}, {"url", base + "/"}}}}
	for _, k := range append([]model.Kind{model.StatesKind}, model.Kinds...) {
		records, ok := kinds[k.Name]
		if !ok {
			return nil, fmt.Errorf("no records for kind %q", k.Name)
		}
		top = append(top, member{k.Name, records})
	}
	return encodeJSON(top)
}

// value converts v, of schema type t, into what encoding/json writes:
// structs become ordered objects keyed by YAML key, lists arrays (never
// null), named strings plain strings.
func value(v reflect.Value, t *schema.Type) any {
	switch t.Shape {
	case schema.String:
		return v.String()
	case schema.Int:
		return v.Int()
	case schema.List:
		out := make([]any, v.Len())
		for i := range out {
			out[i] = value(v.Index(i), t.Elem)
		}
		return out
	default:
		o := make(object, 0, len(t.Fields))
		for _, f := range t.Fields {
			o = append(o, member{f.Name, value(v.Field(f.Index), f.Type)})
		}
		return o
	}
}

// Matrix is the states × specialties table.
type Matrix struct {
	Specialties []*resolve.Specialty // columns, by name
	Rows        []MatrixRow          // one per state, by name
	Counts      []MatrixCount        // one per specialty, as Specialties
}

// MatrixRow is one state's cells, one per specialty.
type MatrixRow struct {
	State *resolve.State
	Cells []MatrixCell
}

// MatrixCell says whether a state licenses a specialty.
type MatrixCell struct {
	Specialty *resolve.Specialty
	Status    string             // "licensed", "not-licensed" or "unknown"
	Licenses  []*resolve.License // when licensed, by title
}

// MatrixCount sums a column.
type MatrixCount struct {
	Specialty     *resolve.Specialty
	Jurisdictions int // states, DC and territories with a license
	States        int // of which states proper
	NotLicensed   int // researched and found not to license it
	Unknown       int // not yet researched
}

// BuildMatrix tabulates every state against every specialty.
func BuildMatrix(g *resolve.Graph) Matrix {
	m := Matrix{Specialties: g.Specialties}
	counts := make([]MatrixCount, len(g.Specialties))
	for j, s := range g.Specialties {
		counts[j].Specialty = s
	}
	for _, st := range g.States {
		row := MatrixRow{State: st, Cells: make([]MatrixCell, len(g.Specialties))}
		for j, s := range g.Specialties {
			c := MatrixCell{Specialty: s, Status: "unknown"}
			for _, l := range st.Licenses {
				if l.Specialty == s {
					c.Licenses = append(c.Licenses, l)
				}
			}
			switch {
			case len(c.Licenses) > 0:
				c.Status = "licensed"
				counts[j].Jurisdictions++
				if st.Type == "state" {
					counts[j].States++
				}
			case contains(s.NotLicensed, st):
				c.Status = "not-licensed"
				counts[j].NotLicensed++
			default:
				counts[j].Unknown++
			}
			row.Cells[j] = c
		}
		m.Rows = append(m.Rows, row)
	}
	m.Counts = counts
	return m
}

func contains(list []*resolve.State, st *resolve.State) bool {
	for _, x := range list {
		if x == st {
			return true
		}
	}
	return false
}

// MatrixCSV writes the matrix as CSV.
func MatrixCSV(m Matrix) ([]byte, error) {
	header := []string{"state", "state_name"}
	for _, s := range m.Specialties {
		header = append(header, s.ID)
	}
	records := [][]string{header}
	for _, r := range m.Rows {
		rec := []string{string(r.State.Code), r.State.Name}
		for _, c := range r.Cells {
			ids := make([]string, len(c.Licenses))
			for i, l := range c.Licenses {
				ids[i] = l.ID
			}
			rec = append(rec, join(ids))
		}
		records = append(records, rec)
	}
	return writeCSV(records)
}

// KindDoc documents the fields of one kind of record.
type KindDoc struct {
	Kind, Singular string
	Source         string // where the records live in the repository
	Fields         []FieldDoc
}

// FieldDoc documents one field; nested fields are named by their path, as
// requirements.exam or sources[].url.
type FieldDoc struct {
	Name     string
	Type     string // such as "text", "URL", "list of O*NET-SOC code"
	Required bool
	Doc      string   // the field's doc tag
	Allowed  []string // the values an enumerated field may take
	Ref      string   // the kind a reference names, such as "boards"
}

// Dictionary documents every kind of record, states first and then in
// model.Kinds order.
func Dictionary() []KindDoc {
	var out []KindDoc
	for _, k := range append([]model.Kind{model.StatesKind}, model.Kinds...) {
		d := KindDoc{Kind: k.Name, Singular: k.Singular, Source: "content/" + k.Name + "/<id>.yaml"}
		if k.Name == model.StatesKind.Name {
			d.Source = "content/states.yaml"
		}
		d.Fields = fieldDocs("", schema.Of(k.Type).Fields)
		out = append(out, d)
	}
	return out
}

func fieldDocs(prefix string, fields []schema.Field) []FieldDoc {
	var out []FieldDoc
	for _, f := range fields {
		name := prefix + f.Name
		out = append(out, FieldDoc{Name: name, Type: typeName(f.Type), Required: f.Required, Doc: f.Doc, Allowed: f.Enum, Ref: f.Ref})
		switch {
		case f.Type.Shape == schema.Struct:
			out = append(out, fieldDocs(name+".", f.Type.Fields)...)
		case f.Type.Shape == schema.List && f.Type.Elem.Shape == schema.Struct:
			out = append(out, fieldDocs(name+"[].", f.Type.Elem.Fields)...)
		}
	}
	return out
}

var formatNames = map[schema.Format]string{
	schema.Plain: "text", schema.URL: "URL", schema.Date: "date (YYYY-MM-DD)", schema.Markdown: "Markdown",
	schema.StateCode: "state code", schema.SOCCode: "O*NET-SOC code", schema.Path: "site path",
}

func typeName(t *schema.Type) string {
	switch t.Shape {
	case schema.String:
		if n, ok := formatNames[t.Format]; ok {
			return n
		}
		return string(t.Format)
	case schema.Int:
		return "integer"
	case schema.List:
		return "list of " + typeName(t.Elem)
	}
	return "mapping"
}
