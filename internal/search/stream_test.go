package search

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/licensure/licensure/internal/resolve"
)

// The reference implementations below are the ones Entries and Files
// replaced; the faster ones must give the same entries and bytes.

func oldWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func oldKeywords(shown string, extra ...string) []string {
	seen := map[string]bool{}
	for _, w := range oldWords(shown) {
		seen[w] = true
	}
	var out []string
	for _, e := range extra {
		for _, w := range oldWords(e) {
			if !seen[w] && !stopwords[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	return out
}

func oldEntries(g *resolve.Graph) []Entry {
	var out []Entry
	add := func(kind, url, title, detail string, words ...string) {
		out = append(out, Entry{Kind: kind, URL: url, Title: title, Detail: detail, Keywords: oldKeywords(title+" "+detail, words...)})
	}
	for _, l := range g.Licenses {
		words := []string{string(l.State.Code), l.Credential}
		if l.Board != nil {
			words = append(words, l.Board.Name)
		}
		for _, o := range l.Occupations {
			words = append(words, o.ID, o.Title)
		}
		for _, c := range l.Certifications {
			words = append(words, c.Cert.Acronym)
		}
		add("licenses", l.Path, l.Title, l.State.Name+" · "+l.Specialty.Name, words...)
	}
	for _, s := range g.States {
		add("states", s.Path, s.Name, "", string(s.Code), s.Type)
	}
	for _, s := range g.Specialties {
		var words []string
		for _, o := range s.Occupations {
			words = append(words, o.ID, o.Title)
		}
		for _, c := range s.Certifications {
			words = append(words, c.Acronym)
		}
		add("specialties", s.Path, s.Name, "", words...)
	}
	for _, c := range g.Certifications {
		detail := "Issuer not established"
		var words []string
		if c.Issuer != nil {
			detail = c.Issuer.Name
			words = append(words, c.Issuer.Acronym)
		}
		for _, s := range c.Specialties {
			words = append(words, s.Name)
		}
		add("certifications", c.Path, CertTitle(c), detail, words...)
	}
	for _, b := range g.Boards {
		words := []string{string(b.State.Code), b.Parent}
		specs := map[string]bool{}
		for _, l := range b.Licenses {
			if !specs[l.Specialty.Name] {
				specs[l.Specialty.Name] = true
				words = append(words, l.Specialty.Name)
			}
		}
		add("boards", b.Path, b.Name, b.State.Name, words...)
	}
	for _, i := range g.Issuers {
		var words []string
		for _, c := range i.Certifications {
			words = append(words, c.Acronym)
		}
		add("issuers", i.Path, i.Name, i.Acronym, words...)
	}
	for _, o := range g.Occupations {
		add("occupations", o.Path, o.Title, "O*NET-SOC "+o.ID)
	}
	for _, f := range g.Families {
		var words []string
		for _, s := range f.Specialties {
			words = append(words, s.Name)
		}
		add("families", f.Path, f.Name, "", words...)
	}
	for _, p := range g.Pages {
		add("pages", p.Path, p.Title, "", p.Description)
	}
	return out
}

type oldIndex struct {
	V       int        `json:"v"`
	Kinds   [][]string `json:"kinds,omitempty"`
	Entries [][]any    `json:"entries,omitempty"`
	Parts   []string   `json:"parts,omitempty"`
}

func oldFiles(t *testing.T, entries []Entry, opts Options) []File {
	encode := func(v any) []byte {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		return append(b, '\n')
	}
	kinds := make([][]string, len(Kinds))
	for i, k := range Kinds {
		kinds[i] = []string{k.Name, k.Label, k.Prefix}
	}
	rows := make([][]any, len(entries))
	byKind := map[int][][]any{}
	for i, e := range entries {
		k := slices.IndexFunc(Kinds, func(k Kind) bool { return k.Name == e.Kind })
		path, ok := strings.CutPrefix(e.URL, Kinds[k].Prefix)
		if !ok || path == "" || strings.HasPrefix(path, "/") {
			path = e.URL
		}
		rows[i] = []any{k, path, e.Title, e.Detail, strings.Join(e.Keywords, " ")}
		byKind[k] = append(byKind[k], rows[i])
	}
	whole := encode(oldIndex{V: 1, Kinds: kinds, Entries: rows})
	dir := strings.Trim(opts.Dir, "/")
	if opts.SplitAbove <= 0 || len(whole) <= opts.SplitAbove {
		return []File{{Path: dir + "/index.json", Data: whole}}
	}
	manifest := oldIndex{V: 1, Kinds: kinds}
	var parts []File
	for k, kind := range Kinds {
		if len(byKind[k]) == 0 {
			continue
		}
		p := dir + "/" + kind.Name + ".json"
		manifest.Parts = append(manifest.Parts, "/"+p)
		parts = append(parts, File{Path: p, Data: encode(oldIndex{V: 1, Entries: byKind[k]})})
	}
	return append([]File{{Path: dir + "/index.json", Data: encode(manifest)}}, parts...)
}

var strange = []string{"", "Plain Title", hostile, `back\slash "q" & co`, "tab\tnl\n\x00\x1f", "a\u2028b\u2029c", "\xff\xfeOK\xc3", "Ärzte Öl 中文 🙂 İstanbul", "UPPER lower 42-1011.00", "ǅ Σσς ﬁ"}

// strangeGraph puts s into names all over graph.
func strangeGraph(s string) *resolve.Graph {
	g := graph(s)
	g.States[0].Name, g.Boards[1].Name, g.Occupations[0].Title = s, s+" Board", "X "+s
	g.Certifications[0].Acronym, g.Specialties[1].Name, g.Pages[0].Description = s, s, s
	return g
}

func TestEntriesMatchOld(t *testing.T) {
	for _, s := range strange {
		g := strangeGraph(s)
		if got, want := Entries(g), oldEntries(g); !reflect.DeepEqual(got, want) {
			t.Errorf("%q:\n got %q\nwant %q", s, got, want)
		}
	}
}

func FuzzWords(f *testing.F) {
	for _, s := range strange {
		f.Add(s, "Texas · Perfusion")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if got, want := words(a), oldWords(a); !slices.Equal(got, want) {
			t.Fatalf("words(%q) = %q, want %q", a, got, want)
		}
		if got, want := newKeyworder().keywords(a, b, []string{b, a + "x", "TX"}), oldKeywords(a+" "+b, b, a+"x", "TX"); !slices.Equal(got, want) {
			t.Fatalf("keywords(%q, %q) = %q, want %q", a, b, got, want)
		}
	})
}

func TestFilesMatchOld(t *testing.T) {
	for _, s := range strange {
		es := Entries(strangeGraph(s))
		for _, opts := range []Options{{Dir: "search"}, {Dir: "/search/", SplitAbove: 1 << 20}, {Dir: "search", SplitAbove: 100}, {Dir: "s", SplitAbove: 1}} {
			for _, list := range [][]Entry{es, nil, es[:1], es[len(es)-3:]} {
				got, err := Files(list, opts)
				if err != nil {
					t.Fatal(err)
				}
				want := oldFiles(t, list, opts)
				if !reflect.DeepEqual(asMap(got), asMap(want)) || len(got) != len(want) || got[0].Path != want[0].Path {
					t.Errorf("%q, %+v, %d entries:\n got %s\nwant %s", s, opts, len(list), asMap(got), asMap(want))
				}
			}
		}
	}
}

func asMap(files []File) map[string]string {
	m := map[string]string{}
	for _, f := range files {
		m[f.Path] = string(f.Data)
	}
	return m
}

func TestWriteStopsAtError(t *testing.T) {
	boom := errors.New("boom")
	var paths []string
	n, err := Write(Entries(graph("x")), Options{Dir: "search", SplitAbove: 100}, func(path string, fill func(io.Writer) error) error {
		paths = append(paths, path)
		if path == "search/states.json" {
			return boom
		}
		return fill(io.Discard)
	})
	if !errors.Is(err, boom) || n != 2 || !slices.Equal(paths, []string{"search/index.json", "search/licenses.json", "search/states.json"}) {
		t.Errorf("n %d, error %v, paths %q", n, err, paths)
	}
}

// TestSplitBoundary splits exactly when the whole index is larger than
// SplitAbove, as it always did.
func TestSplitBoundary(t *testing.T) {
	for _, list := range [][]Entry{Entries(strangeGraph(hostile)), nil} {
		whole, err := Files(list, Options{Dir: "search"})
		if err != nil {
			t.Fatal(err)
		}
		size := len(whole[0].Data)
		for _, tc := range []struct {
			limit int
			split bool
		}{{size, false}, {size + 1, false}, {size - 1, true}} {
			files, err := Files(list, Options{Dir: "search", SplitAbove: tc.limit})
			if err != nil {
				t.Fatal(err)
			}
			if split := len(files) > 1 || bytes.Contains(files[0].Data, []byte(`"parts"`)) || !bytes.Equal(files[0].Data, whole[0].Data); split != (tc.split && len(list) > 0) { // an empty manifest is the whole empty index
				t.Errorf("%d entries, limit %d for %d bytes: split %v", len(list), tc.limit, size, split)
			}
		}
	}
}
