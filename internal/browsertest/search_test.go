package browsertest

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/licensure/licensure/internal/search"
)

// suggestions is what the header's search panel shows: its notes and
// each option's title and the address it opens.
type suggestions struct {
	Open    bool     `json:"open"`
	Note    string   `json:"note"`
	Links   []string `json:"links"` // of the notes
	Titles  []string `json:"titles"`
	Targets []string `json:"targets"`
}

const readPanel = `(() => {
	const box = document.getElementById('site-search');
	const panel = document.getElementById('site-search-popup');
	const opts = [...document.querySelectorAll('#site-search-listbox [role=option]')];
	return {
		open: !!panel && !panel.hidden && panel.getBoundingClientRect().height > 0,
		note: panel ? panel.querySelector('.search-popup-note').textContent : '',
		links: panel ? [...panel.querySelectorAll('.search-popup-note a')].map(a => a.getAttribute('href')) : [],
		titles: opts.map(o => o.querySelector('.search-option-title').textContent),
		targets: opts.map(o => o.getAttribute('data-href')),
	};
})()`

// typeQuery types text into the header's box of the page at path and
// waits until the panel has settled on it.
func typeQuery(t testing.TB, tb *tab, path, text string) suggestions {
	t.Helper()
	tb.mustVisit(t, path)
	tb.do(t, "typing "+text, chromedp.SendKeys(chromedp.ID("site-search"), text))
	tb.waitFor(t, "the panel for "+text, `(() => {
		const p = document.getElementById('site-search-popup');
		const status = document.querySelector('.search-form [role=status]');
		return p && !p.hidden && status && status.textContent !== '';
	})()`)
	// Shards of licenses may redraw the list once more: wait for quiet.
	var last string
	for i := 0; i < 40; i++ {
		got := eval[string](t, tb, `document.getElementById('site-search-popup').textContent`)
		if got == last {
			break
		}
		last = got
		tb.do(t, "waiting", chromedp.Sleep(50*time.Millisecond))
	}
	return eval[suggestions](t, tb, readPanel)
}

// TestSearchQueries types each query into the header's box, as a reader
// would, and checks the first suggestion and what the panel says.
func TestSearchQueries(t *testing.T) {
	s := setup(t)
	t.Parallel()
	tb := s.newTab(t, light)
	for _, c := range []struct {
		query, first string
		note         []string // the panel's notes contain each
		links        []string // the notes link to each
	}{
		{query: "respiratry", first: "/specialties/respiratory-care/", note: []string{"Showing results for respiratory"}},
		{query: "perfusoin", first: "/specialties/perfusion/", note: []string{"Showing results for perfusion"}},
		{query: "respiratory therpist", first: "/licenses/al-respiratory-therapist/", note: []string{"Showing results for respiratory therapist"}},
		{query: "perfusion ohio", first: "/states/oh/#gaps",
			note:  []string{"Ohio does not license perfusion", "Source: University of Nebraska Medical Center"},
			links: []string{"/states/oh/", "/specialties/perfusion/", "https://www.unmc.edu/alliedhealth/academics/programs/cpe/admission/certification.html"}},
		{query: "texas respiratory", first: "/licenses/tx-respiratory-care-practitioner/"},
		{query: "rt ohio", first: "/licenses/oh-respiratory-care-professional/"},
		{query: "ohio rt", first: "/licenses/oh-respiratory-care-professional/"},
		{query: "RCP Ohioan", first: "/licenses/oh-respiratory-care-professional/"},
		{query: "crt oh", first: "/licenses/oh-respiratory-care-professional/"},
		{query: "RRT", first: "/certifications/nbrc-rrt/"},
		{query: "ccp texas", first: "/licenses/tx-licensed-perfusionist/"},
		{query: "Texan perfusionists", first: "/licenses/tx-licensed-perfusionist/"},
		{query: "ccht california", first: "/licenses/ca-certified-hemodialysis-technician/"},
		{query: "CHT", first: "/certifications/bonent-cht/"},
		{query: "ohio", first: "/states/oh/"},
		{query: "Texas", first: "/states/tx/"},
		{query: "perf", first: "/specialties/perfusion/"},
		{query: "new york dialysis", first: "/states/ny/#gaps", note: []string{"New York does not license dialysis"}},
		{query: "respiratory zzqx", first: "/specialties/respiratory-care/", note: []string{"No record matches “zzqx”"}},
		{query: "zzqx", first: "/specialties/", note: []string{"No results for “zzqx”"}},
	} {
		t.Run(c.query, func(t *testing.T) {
			got := typeQuery(t, tb, "/about/", c.query)
			if !got.Open || len(got.Targets) == 0 {
				t.Fatalf("the panel is closed or empty: %+v", got)
			}
			if got.Targets[0] != c.first {
				t.Errorf("first suggestion %q opens %s, want %s (all: %q)", got.Titles[0], got.Targets[0], c.first, got.Targets)
			}
			for _, n := range c.note {
				if !strings.Contains(got.Note, n) {
					t.Errorf("the panel says %q, want it to say %q", got.Note, n)
				}
			}
			for _, l := range c.links {
				if !slices.Contains(got.Links, l) {
					t.Errorf("the panel links to %q, want %s", got.Links, l)
				}
			}
			tb.check(t)
		})
	}
}

// TestSearchNoResults checks that a query matching nothing says so in
// the panel, not only to screen readers, and that a suggested word
// searches for it.
func TestSearchNoResults(t *testing.T) {
	s := setup(t)
	t.Parallel()
	tb := s.newTab(t, light)
	got := typeQuery(t, tb, "/", "xqzrespiratory")
	if !got.Open || !strings.Contains(got.Note, "No results for “xqzrespiratory”") {
		t.Fatalf("the panel shows %+v, want a visible No results", got)
	}
	i := slices.IndexFunc(got.Titles, func(s string) bool { return strings.HasPrefix(s, "Search for ") })
	if i < 0 || !slices.Contains(got.Targets, "/states/") {
		t.Fatalf("no suggestion to search or browse: %q", got.Titles)
	}
	tb.do(t, "choosing "+got.Titles[i], chromedp.Click(chromedp.JSPath(fmt.Sprintf(`document.querySelectorAll('#site-search-listbox [role=option]')[%d]`, i))))
	tb.waitFor(t, "the suggested word's results", `document.getElementById('site-search').value === 'respiratory' &&
		document.querySelector('#site-search-listbox [role=option]').getAttribute('data-href') === '/specialties/respiratory-care/'`)
	tb.check(t)
}

// TestSearchPage checks /search/: one search form, results grouped by kind
// with their counts, and the finding for a state and specialty, which axe
// checks as well.
func TestSearchPage(t *testing.T) {
	s := setup(t)
	t.Parallel()
	tb := s.newTab(t, light)
	tb.mustVisit(t, "/search/?q=perfusion%20ohio")
	if n := eval[int](t, tb, `document.querySelectorAll('form[role=search], search form, form:has(input[type=search])').length`); n != 1 {
		t.Errorf("/search/ has %d search forms, want 1", n)
	}
	tb.waitFor(t, "the note", `document.getElementById('search-note').textContent.includes('Ohio does not license perfusion')`)
	groups := eval[[]string](t, tb, `[...document.querySelectorAll('#search-all section')].filter(s => !s.hidden).map(s => {
		const shown = [...s.querySelectorAll('li')].filter(li => !li.hidden).length;
		return s.querySelector('h2').textContent + '=' + shown;
	})`)
	if len(groups) < 2 {
		t.Fatalf("groups shown: %q; want several kinds", groups)
	}
	for _, g := range groups {
		title, n, _ := strings.Cut(g, "=")
		if !strings.HasSuffix(title, "("+n+")") {
			t.Errorf("group %q shows %s records", title, n)
		}
	}
	if first := eval[string](t, tb, `document.querySelector('#search-all section:not([hidden]) li:not([hidden]) a').getAttribute('href')`); first != "/states/oh/" {
		t.Errorf("first result %s, want /states/oh/", first)
	}
	for _, v := range tb.axe(t) {
		t.Errorf("/search/ with a finding shown: %s", v)
	}
	tb.check(t)
}

// TestSearchScripts holds search-index.js to internal/search: the same
// stems, edit limits, distances and typo candidates.
func TestSearchScripts(t *testing.T) {
	s := setup(t)
	t.Parallel()
	tb := s.newTab(t, light)
	tb.mustVisit(t, "/")
	tb.waitFor(t, "the scripts", `!!(window.licensureSearch && window.licensureSearch.search)`)

	var index struct {
		Entries [][]any `json:"entries"`
	}
	data, err := os.ReadFile(filepath.Join(s.site, "search", "index.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &index); err != nil {
		t.Fatal(err)
	}
	words := []string{"licenses", "therapies", "texas", "kansas", "illinois", "status", "days", "ties", "perfusionists", "ohioans", "rrts", "boss", "as", "is"}
	vocab := map[string]bool{}
	for _, row := range index.Entries {
		for _, w := range strings.Fields(strings.ToLower(row[2].(string))) {
			words = append(words, strings.Trim(w, "()-,.:"))
		}
		for _, term := range strings.Fields(row[4].(string)) {
			vocab[term] = true
		}
	}
	sorted := slices.Sorted(func(yield func(string) bool) {
		for w := range vocab {
			if !yield(w) {
				return
			}
		}
	})
	js, _ := json.Marshal(words)
	stems := eval[[]string](t, tb, `(`+string(js)+`).map(w => licensureSearch.stem(w))`)
	for i, w := range words {
		if want := search.Stem(w); stems[i] != want {
			t.Errorf("stem(%q) = %q in the browser, %q in Go", w, stems[i], want)
		}
	}

	typos := []string{"respiratry", "perfusoin", "dialisys", "texsa", "ohoi", "cardiovasculr", "technican", "lisence", "californai", "zzzzzzzz", "registred", "hemodialisis"}
	vjs, _ := json.Marshal(sorted)
	tjs, _ := json.Marshal(typos)
	got := eval[[][]string](t, tb, `(() => { const v = `+string(vjs)+`; return (`+string(tjs)+`).map(w => licensureSearch.candidates(w, v)); })()`)
	for i, w := range typos {
		want := search.Candidates(w, sorted)
		if !slices.Equal(got[i], want) && !(len(got[i]) == 0 && len(want) == 0) {
			t.Errorf("candidates(%q) = %q in the browser, %q in Go", w, got[i], want)
		}
		if edits := eval[int](t, tb, fmt.Sprintf(`licensureSearch.edits(%q)`, w)); edits != search.Edits(w) {
			t.Errorf("edits(%q) = %d in the browser, %d in Go", w, edits, search.Edits(w))
		}
	}
	if got := eval[int](t, tb, `licensureSearch.distance("perfsuion", "perfusion", 2)`); got != 1 {
		t.Errorf("a swap costs %d, want 1", got)
	}
	tb.check(t)
}
