package opendata

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/licensure/licensure/internal/model"
	"github.com/licensure/licensure/internal/resolve"
	"github.com/licensure/licensure/internal/schema"
)

// strange holds what JSON and CSV must escape or quote: markup, quotes,
// backslashes, control characters, line and paragraph separators, invalid
// UTF-8 and a formula.
var strange = []string{"", "plain", hostile, `back\slash "quoted"`, "tab\there\r\nnl", "\x00\x01\x1f\x7f", "\b\f", "a\u2028b\u2029c", "\xff\xfeok\xc3", "é 中文 🙂", "=HYPERLINK(\"x\")", "-1", "@SUM", "&amp;"}

// The reference encoders below are the ones the streaming writers
// replaced: every value built in memory, then json.MarshalIndent. The
// streamed files must be byte for byte the same.

type refObject []refMember

type refMember struct {
	Key   string
	Value any
}

func (o refObject) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(m.Key)
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

func refValue(v reflect.Value, t *schema.Type) any {
	switch t.Shape {
	case schema.String:
		return v.String()
	case schema.Int:
		return v.Int()
	case schema.Number:
		return v.Float()
	case schema.List:
		out := make([]any, v.Len())
		for i := range out {
			out[i] = refValue(v.Index(i), t.Elem)
		}
		return out
	default:
		o := make(refObject, 0, len(t.Fields))
		for _, f := range t.Fields {
			o = append(o, refMember{f.Name, refValue(v.Field(f.Index), f.Type)})
		}
		return o
	}
}

func refIndent(t *testing.T, v any) []byte {
	b, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return append(b, '\n')
}

func refAllJSON(t *testing.T, g *resolve.Graph) []byte {
	base := baseURL(g)
	top := refObject{{"site", refObject{{"title", g.Site.Title}, {"description", g.Site.Description}, {"url", base + "/"}}}}
	recs := records(g)
	for _, k := range append([]model.Kind{model.StatesKind}, model.Kinds...) {
		kr := recs[k.Name]
		list := make([]refObject, kr.n)
		for i := range list {
			m, v := kr.at(i)
			rv := reflect.Indirect(reflect.ValueOf(v))
			list[i] = append(refObject{{"id", m.ID}, {"url", base + m.Path}}, refValue(rv, schema.Of(rv.Type())).(refObject)...)
		}
		top = append(top, refMember{k.Name, list})
	}
	return refIndent(t, top)
}

func refCSV(t *testing.T, records [][]string) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	for _, rec := range records {
		for i, v := range rec {
			rec[i] = defuse(v)
		}
	}
	if err := w.WriteAll(records); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func refFiles(t *testing.T, g *resolve.Graph) map[string][]byte {
	rows := refRows(g)
	var header []string
	for _, c := range LicenseColumns {
		header = append(header, c.Name)
	}
	lic := [][]string{header}
	for _, l := range g.Licenses {
		var rec []string
		for _, c := range LicenseColumns {
			rec = append(rec, c.Value(baseURL(g), l).csv(c.Type))
		}
		lic = append(lic, rec)
	}
	m := BuildMatrix(g)
	mh := []string{"state", "state_name"}
	for _, s := range m.Specialties {
		mh = append(mh, s.ID)
	}
	mat := [][]string{mh}
	for _, r := range m.Rows {
		rec := []string{string(r.State.Code), r.State.Name}
		for _, c := range r.Cells {
			var ids []string
			for _, l := range c.Licenses {
				ids = append(ids, l.ID)
			}
			cellText := strings.Join(ids, ";")
			if cellText == "" {
				cellText = map[string]string{"not-licensed": "not licensed", "unknown": "not yet researched"}[c.Status]
			}
			rec = append(rec, cellText)
		}
		mat = append(mat, rec)
	}
	return map[string][]byte{
		"data/licenses.csv":  refCSV(t, lic),
		"data/licenses.json": refIndent(t, rows),
		"data/matrix.csv":    refCSV(t, mat),
		"data/all.json":      refAllJSON(t, g),
	}
}

// strangeGraph puts every strange string into the fields of graph's
// records, and leaves a kind empty.
func strangeGraph(s string) *resolve.Graph {
	g := graph(s)
	g.Site.Title, g.Site.Description = s, s+"\u2028"
	l := g.Licenses[0]
	l.Requirements.Education, l.Requirements.Fees = model.Markdown(s), []model.Fee{{For: "other", Amount: 0.5, Note: s}}
	l.Sources = []model.Source{{Title: s, URL: model.URL("https://x.example/?q=" + s)}}
	g.Boards[0].Name = s
	g.Specialties[1].Name = s
	g.States[2].Name = s
	g.Issuers = nil
	return g
}

func TestStreamMatchesMarshalIndent(t *testing.T) {
	graphs := map[string]*resolve.Graph{"plain": graph("Licensed Perfusionist"), "empty": {Site: model.Site{BaseURL: "https://x.example"}}}
	for _, s := range strange {
		graphs["strange "+s] = strangeGraph(s)
	}
	for name, g := range graphs {
		got := files(t, g)
		for path, want := range refFiles(t, g) {
			if !bytes.Equal(got[path], want) {
				t.Errorf("%s: %s differs from MarshalIndent:\n got %q\nwant %q", name, path, got[path], want)
			}
		}
	}
}

func TestWriteStopsAtError(t *testing.T) {
	boom := errors.New("boom")
	var paths []string
	err := Write(graph("x"), func(path string, fill func(io.Writer) error) error {
		paths = append(paths, path)
		if path == "data/licenses.json" {
			return fill(failWriter{boom})
		}
		return fill(io.Discard)
	})
	if !errors.Is(err, boom) || !strings.Contains(err.Error(), "/data/licenses.json") {
		t.Errorf("error %v", err)
	}
	if want := []string{"data/licenses.csv", "data/licenses.json"}; !reflect.DeepEqual(paths, want) {
		t.Errorf("wrote %q", paths)
	}
	if err := WriteDownload(io.Discard, graph("x"), "/data/nope.csv"); err == nil {
		t.Error("no error for an unknown download")
	}
}

type failWriter struct{ err error }

func (w failWriter) Write([]byte) (int, error) { return 0, w.err }

// TestStreamLargeRecords writes records larger than the flush threshold,
// so that flushing mid-record is exercised.
func TestStreamLargeRecords(t *testing.T) {
	g := graph(strings.Repeat("<long title> ", 10000))
	got, want := files(t, g), refFiles(t, g)
	for path := range want {
		if !bytes.Equal(got[path], want[path]) {
			t.Errorf("%s differs", path)
		}
	}
}

// refRows builds the rows of licenses.json as values of a struct type made
// from LicenseColumns, for encoding/json to marshal.
func refRows(g *resolve.Graph) []any {
	var fields []reflect.StructField
	for i, c := range LicenseColumns {
		typ := reflect.TypeFor[string]()
		switch c.Type {
		case List:
			typ = reflect.TypeFor[[]string]()
		case Number:
			typ = reflect.TypeFor[*float64]()
		}
		fields = append(fields, reflect.StructField{Name: "F" + strconv.Itoa(i), Type: typ, Tag: reflect.StructTag(`json:"` + c.Name + `"`)})
	}
	row := reflect.StructOf(fields)
	out := []any{}
	for _, l := range g.Licenses {
		v := reflect.New(row).Elem()
		for i, c := range LicenseColumns {
			cell := c.Value(baseURL(g), l)
			switch c.Type {
			case List:
				v.Field(i).Set(reflect.ValueOf(append([]string{}, cell.List...)))
			case Number:
				if cell.Known {
					v.Field(i).Set(reflect.ValueOf(&cell.Amount))
				}
			default:
				v.Field(i).SetString(cell.Text)
			}
		}
		out = append(out, v.Interface())
	}
	return out
}
