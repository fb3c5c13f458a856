package search

import (
	"bytes"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/licensure/licensure/internal/resolve"
)

// The reference implementations below are slow and plain; the faster
// ones must give the same words and terms.

func oldWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// oldTerms are the distinct stems of the words of texts, stopwords left out.
func oldTerms(texts ...string) []string {
	var out []string
	for _, s := range texts {
		for _, w := range oldWords(s) {
			if w = Stem(w); !stopwords[w] && !slices.Contains(out, w) {
				out = append(out, w)
			}
		}
	}
	return out
}

var strange = []string{"", "Plain Title", hostile, `back\slash "q" & co`, "tab\tnl\n\x00\x1f", "a\u2028b\u2029c", "\xff\xfeOK\xc3", "Ärzte Öl 中文 🙂 İstanbul", "UPPER lower 42-1011.00", "ǅ Σσς ﬁ"}

// strangeGraph puts s into names all over graph.
func strangeGraph(s string) *resolve.Graph {
	g := graph(s)
	g.States[0].Name, g.Boards[1].Name, g.Occupations[0].Title = s, s+" Board", "X "+s
	g.Certifications[0].Acronym, g.Specialties[1].Name, g.Pages[0].Description = s, s, s
	return g
}

func FuzzWords(f *testing.F) {
	for _, s := range strange {
		f.Add(s, "Texas · Perfusion")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if got, want := words(a), oldWords(a); !slices.Equal(got, want) {
			t.Fatalf("words(%q) = %q, want %q", a, got, want)
		}
		got, n := newKeyworder().terms(a, b, []string{b, a + "x", "TX"})
		want := oldTerms(a, b, b, a+"x", "TX")
		if !slices.Equal(got, want) || n > len(got) {
			t.Fatalf("terms(%q, %q) = %q (%d of the title), want %q", a, b, got, n, want)
		}
	})
}

func TestWriteStopsAtError(t *testing.T) {
	boom := errors.New("boom")
	var paths []string
	n, err := Write(Build(graph("x")), Options{Dir: "search", SplitAbove: 100}, func(path string, fill func(io.Writer) error) error {
		paths = append(paths, path)
		if path == "search/issuers.json" {
			return boom
		}
		return fill(io.Discard)
	})
	if !errors.Is(err, boom) || n != 3 || !slices.Equal(paths, []string{"search/index.json", "search/findings.json", "search/certifications.json", "search/issuers.json"}) {
		t.Errorf("n %d, error %v, paths %q", n, err, paths)
	}
}

// TestSplitBoundary splits exactly when the whole index is larger than
// SplitAbove, as it always did.
func TestSplitBoundary(t *testing.T) {
	for _, list := range []*Index{Build(strangeGraph(hostile)), {}} {
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
			if split := len(files) > 1 || bytes.Contains(files[0].Data, []byte(`"parts"`)) || !bytes.Equal(files[0].Data, whole[0].Data); split != (tc.split && len(list.Entries) > 0) { // an empty manifest is the whole empty index
				t.Errorf("%d entries, limit %d for %d bytes: split %v", len(list.Entries), tc.limit, size, split)
			}
		}
	}
}
