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
//     IDs of the state's licenses for the specialty, or the words "not
//     licensed" or "not yet researched".
//   - Dictionary documents every field of every kind from package schema,
//     so that the data page cannot drift from the model.
//
// CSV goes through encoding/csv, so every value is quoted for CSV, and a
// value a spreadsheet would read as a formula is defused. JSON is written
// a record at a time by jsonWriter, byte for byte as
// json.MarshalIndent(v, "", " ") would write it, with the strings escaped
// as encoding/json escapes them (<, > and & included). Each file is
// streamed in one pass (Write), so memory does not grow with the site.
// Output depends only on the graph: rows follow the graph's stable orders.
package opendata

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
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
	{"/data/matrix.csv", "States by specialties", "CSV", "One row per state or territory, one column per specialty; a cell lists the IDs of the state's licenses for the specialty, or says \"not licensed\" (a sourced finding, shown on the specialty page) or \"not yet researched\"."},
	{"/data/all.json", "Every record", "JSON", "Every record of every kind, keyed by kind, with every field of the schema below; references are record IDs."},
}

func join(list []string) string { return strings.Join(list, ";") }

// baseURL is the site's address without a trailing slash.
func baseURL(g *resolve.Graph) string { return strings.TrimSuffix(string(g.Site.BaseURL), "/") }

// File is a file to publish.
type File struct {
	Path string // site path without leading slash, such as data/licenses.csv
	Data []byte
}

// Files returns every file of Downloads, in memory. Write streams the
// same bytes instead; prefer it for a whole site.
func Files(g *resolve.Graph) ([]File, error) {
	var out []File
	err := Write(g, func(path string, fill func(io.Writer) error) error {
		var b bytes.Buffer
		if err := fill(&b); err != nil {
			return err
		}
		out = append(out, File{Path: path, Data: b.Bytes()})
		return nil
	})
	return out, err
}

// Write writes every file of Downloads, in order, one at a time, through
// WriteOne.
func Write(g *resolve.Graph, emit func(path string, fill func(io.Writer) error) error) error {
	for _, d := range Downloads {
		if err := WriteOne(g, d, emit); err != nil {
			return err
		}
	}
	return nil
}

// WriteOne writes the file of d: it calls emit with the file's site path
// without leading slash (such as data/licenses.csv) and a function that
// writes the file's bytes to the writer it is given. emit should hand
// fill a buffered writer: the encoders write in small pieces. The file is
// written in one pass over the graph, holding no more than a record and a
// small buffer. WriteOne only reads g, so the files of Downloads may be
// written concurrently.
func WriteOne(g *resolve.Graph, d Download, emit func(path string, fill func(io.Writer) error) error) error {
	if err := emit(strings.TrimPrefix(d.Path, "/"), func(w io.Writer) error { return WriteDownload(w, g, d.Path) }); err != nil {
		return fmt.Errorf("opendata: %s: %w", d.Path, err)
	}
	return nil
}

// WriteDownload writes the file of Downloads at site path (such as
// /data/licenses.csv) to w.
func WriteDownload(w io.Writer, g *resolve.Graph, path string) error {
	switch path {
	case "/data/licenses.csv":
		return writeLicensesCSV(w, g)
	case "/data/licenses.json":
		return writeLicensesJSON(w, g)
	case "/data/matrix.csv":
		return writeMatrixCSV(w, g)
	case "/data/all.json":
		return writeAllJSON(w, g)
	}
	return fmt.Errorf("no writer for %s", path)
}

func writeLicensesCSV(w io.Writer, g *resolve.Graph) error {
	return writeTableCSV(w, g, g.Licenses)
}

// writeTableCSV writes the rows of ls with the columns of LicenseColumns.
func writeTableCSV(w io.Writer, g *resolve.Graph, ls []*resolve.License) error {
	cw := csv.NewWriter(w)
	rec := make([]string, len(LicenseColumns))
	for i, c := range LicenseColumns {
		rec[i] = c.Name
	}
	if err := writeRecord(cw, rec); err != nil {
		return err
	}
	base := baseURL(g)
	for _, l := range ls {
		for i, c := range LicenseColumns {
			rec[i] = c.Value(base, l).csv(c.Type)
		}
		if err := writeRecord(cw, rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// csv is the cell as a CSV value.
func (c Cell) csv(t ColumnType) string {
	switch t {
	case List:
		return join(c.List)
	case Number:
		if !c.Known {
			return ""
		}
		return strconv.FormatFloat(c.Amount, 'f', -1, 64)
	}
	return c.Text
}

// writeRecord writes one CSV record, defusing each value.
func writeRecord(cw *csv.Writer, rec []string) error {
	for i, v := range rec {
		rec[i] = defuse(v)
	}
	return cw.Write(rec)
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

// writeLicensesJSON writes the rows of licenses.csv as an indented array
// of objects keyed by column name: lists as arrays, amounts as numbers or
// null.
func writeLicensesJSON(w io.Writer, g *resolve.Graph) error {
	return writeTableJSON(w, g, g.Licenses)
}

func writeTableJSON(w io.Writer, g *resolve.Graph, ls []*resolve.License) error {
	j := newJSONWriter(w)
	base := baseURL(g)
	j.open('[')
	for i, l := range ls {
		j.item(i)
		j.open('{')
		for k, c := range LicenseColumns {
			j.item(k)
			j.key(c.Name)
			j.cell(c.Value(base, l), c.Type)
		}
		j.close('}', len(LicenseColumns))
		j.maybeFlush()
	}
	j.close(']', len(ls))
	j.b = append(j.b, '\n')
	return j.Flush()
}

// cell writes a cell as JSON.
func (j *jsonWriter) cell(c Cell, t ColumnType) {
	switch {
	case t == List:
		j.strings(c.List)
	case t == Number && c.Known:
		j.b = strconv.AppendFloat(j.b, c.Amount, 'f', -1, 64)
	case t == Number:
		j.b = append(j.b, "null"...)
	default:
		j.str(c.Text)
	}
}

// kindRecords reaches the records of one kind: how many there are, and
// the i-th one's Meta and its model value (a pointer to a struct).
type kindRecords struct {
	n  int
	at func(i int) (resolve.Meta, any)
}

func records(g *resolve.Graph) map[string]kindRecords {
	return map[string]kindRecords{
		"states":         {len(g.States), func(i int) (resolve.Meta, any) { return g.States[i].Meta, &g.States[i].State }},
		"families":       {len(g.Families), func(i int) (resolve.Meta, any) { return g.Families[i].Meta, g.Families[i].Family }},
		"specialties":    {len(g.Specialties), func(i int) (resolve.Meta, any) { return g.Specialties[i].Meta, g.Specialties[i].Specialty }},
		"occupations":    {len(g.Occupations), func(i int) (resolve.Meta, any) { return g.Occupations[i].Meta, g.Occupations[i].Occupation }},
		"licenses":       {len(g.Licenses), func(i int) (resolve.Meta, any) { return g.Licenses[i].Meta, g.Licenses[i].License }},
		"boards":         {len(g.Boards), func(i int) (resolve.Meta, any) { return g.Boards[i].Meta, g.Boards[i].Board }},
		"certifications": {len(g.Certifications), func(i int) (resolve.Meta, any) { return g.Certifications[i].Meta, g.Certifications[i].Certification }},
		"issuers":        {len(g.Issuers), func(i int) (resolve.Meta, any) { return g.Issuers[i].Meta, g.Issuers[i].Issuer }},
		"compacts":       {len(g.Compacts), func(i int) (resolve.Meta, any) { return g.Compacts[i].Meta, g.Compacts[i].Compact }},
	}
}

// AllJSON encodes every record of every kind; WriteDownload streams it.
func AllJSON(g *resolve.Graph) ([]byte, error) {
	var b bytes.Buffer
	err := writeAllJSON(&b, g)
	return b.Bytes(), err
}

// writeAllJSON writes all.json: the site, then each kind's records, each
// with its id and url and then its fields in schema order.
func writeAllJSON(w io.Writer, g *resolve.Graph) error {
	base := baseURL(g)
	kinds := append([]model.Kind{model.StatesKind}, model.Kinds...)
	recs := records(g)
	for _, k := range kinds {
		if _, ok := recs[k.Name]; !ok {
			return fmt.Errorf("no records for kind %q", k.Name)
		}
	}
	j := newJSONWriter(w)
	j.open('{')
	j.item(0)
	j.key("site")
	j.open('{')
	j.member(0, "title", g.Site.Title)
	j.member(1, "description", g.Site.Description)
	j.member(2, "url", base+"/")
	j.close('}', 3)
	for n, k := range kinds {
		kr := recs[k.Name]
		j.item(1 + n)
		j.key(k.Name)
		j.open('[')
		var t *schema.Type
		for i := range kr.n {
			m, v := kr.at(i)
			rv := reflect.Indirect(reflect.ValueOf(v))
			if t == nil || t.Go != rv.Type() {
				t = schema.Of(rv.Type())
			}
			j.item(i)
			j.open('{')
			j.member(0, "id", m.ID)
			j.member(1, "url", base+m.Path)
			for f, field := range t.Fields {
				j.item(2 + f)
				j.key(field.Name)
				j.value(rv.Field(field.Index), field.Type)
			}
			j.close('}', 2+len(t.Fields))
			j.maybeFlush()
		}
		j.close(']', kr.n)
	}
	j.close('}', 1+len(kinds))
	j.b = append(j.b, '\n')
	return j.Flush()
}

// value writes v, of schema type t: structs as objects keyed by YAML key
// in schema order, lists as arrays (never null), named strings as plain
// strings.
func (j *jsonWriter) value(v reflect.Value, t *schema.Type) {
	switch t.Shape {
	case schema.String:
		j.str(v.String())
	case schema.Int:
		j.int(v.Int())
	case schema.Number:
		j.b = strconv.AppendFloat(j.b, v.Float(), 'f', -1, 64)
	case schema.List:
		n := v.Len()
		j.open('[')
		for i := range n {
			j.item(i)
			j.value(v.Index(i), t.Elem)
		}
		j.close(']', n)
	default:
		j.open('{')
		for i, f := range t.Fields {
			j.item(i)
			j.key(f.Name)
			j.value(v.Field(f.Index), f.Type)
		}
		j.close('}', len(t.Fields))
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
	Absence   *model.Absence     // when not licensed: the finding and its source
}

// MatrixCount sums a column.
type MatrixCount struct {
	Specialty     *resolve.Specialty
	Jurisdictions int // states, DC and territories with a license
	States        int // of which states proper
	NotLicensed   int // researched and found not to license it
	Unknown       int // not yet researched
}

// BuildMatrix tabulates every state against every specialty, in time
// linear in the cells and the licenses.
func BuildMatrix(g *resolve.Graph) Matrix {
	m := Matrix{Specialties: g.Specialties, Rows: make([]MatrixRow, 0, len(g.States))}
	col := columns(g)
	counts := make([]MatrixCount, len(g.Specialties))
	for j, s := range g.Specialties {
		counts[j].Specialty = s
	}
	for _, st := range g.States {
		row := MatrixRow{State: st, Cells: make([]MatrixCell, len(g.Specialties))}
		for _, l := range st.Licenses {
			if j, ok := col[l.Specialty]; ok {
				row.Cells[j].Licenses = append(row.Cells[j].Licenses, l)
			}
		}
		for j, s := range g.Specialties {
			c := &row.Cells[j]
			c.Specialty, c.Status = s, "unknown"
			switch {
			case len(c.Licenses) > 0:
				c.Status = "licensed"
				counts[j].Jurisdictions++
				if st.Type == "state" {
					counts[j].States++
				}
			case slices.Contains(s.NotLicensed, st):
				c.Status, c.Absence = "not-licensed", AbsenceIn(s, st)
				counts[j].NotLicensed++
			default:
				counts[j].Unknown++
			}
		}
		m.Rows = append(m.Rows, row)
	}
	m.Counts = counts
	return m
}

// columns maps each specialty of g to its index in g.Specialties.
func columns(g *resolve.Graph) map[*resolve.Specialty]int {
	col := make(map[*resolve.Specialty]int, len(g.Specialties))
	for j, s := range g.Specialties {
		col[s] = j
	}
	return col
}

// writeMatrixCSV writes the matrix as CSV, a row at a time, without
// building it.
func writeMatrixCSV(w io.Writer, g *resolve.Graph) error {
	cw := csv.NewWriter(w)
	rec := make([]string, 2+len(g.Specialties))
	rec[0], rec[1] = "state", "state_name"
	for j, s := range g.Specialties {
		rec[2+j] = s.ID
	}
	if err := writeRecord(cw, rec); err != nil {
		return err
	}
	col := columns(g)
	var cell []byte
	for _, st := range g.States {
		clear(rec)
		rec[0], rec[1] = string(st.Code), st.Name
		for _, l := range st.Licenses { // a cell's IDs join in the state's order
			j, ok := col[l.Specialty]
			if !ok {
				continue
			}
			if rec[2+j] == "" {
				rec[2+j] = l.ID
				continue
			}
			cell = append(append(append(cell[:0], rec[2+j]...), ';'), l.ID...)
			rec[2+j] = string(cell)
		}
		for j, s := range g.Specialties {
			if rec[2+j] == "" {
				rec[2+j] = absentWords(s, st)
			}
		}
		if err := writeRecord(cw, rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// The words of matrix.csv for a state without a license for a specialty.
const (
	NotLicensedWords   = "not licensed"
	NotResearchedWords = "not yet researched"
)

// AbsenceIn returns the finding that st does not license s, or nil.
func AbsenceIn(s *resolve.Specialty, st *resolve.State) *model.Absence {
	for i := range s.Specialty.NotLicensed {
		if a := &s.Specialty.NotLicensed[i]; a.State == st.Code {
			return a
		}
	}
	return nil
}

func absentWords(s *resolve.Specialty, st *resolve.State) string {
	if slices.Contains(s.NotLicensed, st) {
		return NotLicensedWords
	}
	return NotResearchedWords
}

// KindDoc documents the fields of one kind of record.
type KindDoc struct {
	Kind, Singular string
	Plural, Doc    string // the kind's words for readers, from model.Kind
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
		d := KindDoc{Kind: k.Name, Singular: k.Singular, Plural: k.Plural, Doc: k.Doc, Source: "content/" + k.Name + "/<id>.yaml"}
		if k.Name == model.StatesKind.Name {
			d.Source = "content/states.yaml"
		}
		d.Fields = fieldDocs(schema.Of(k.Type))
		out = append(out, d)
	}
	return out
}

func fieldDocs(t *schema.Type) []FieldDoc {
	var out []FieldDoc
	for _, f := range schema.Flatten(t) {
		out = append(out, FieldDoc{Name: f.Path, Type: schema.TypeName(f.Field), Required: f.Required, Doc: f.Doc, Allowed: f.Enum, Ref: f.Ref})
	}
	return out
}
