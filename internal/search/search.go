// Package search builds the client-side search index: one entry per record
// of every kind (and per content page), and the tables that let
// static/js/search-rank.js read a query as "this state, this specialty".
// The browser loads it to show results as a reader types, with no server
// and no third party; the work that can be done once is done here.
//
// Contract:
//
//   - Entries lists every record of g once, in Kinds order and, within a
//     kind, in the graph's own stable order. The /search/ page renders the
//     same entries as its no-JavaScript list, so that the script can match
//     each link of that list to its entry by URL.
//   - An entry's terms are the distinct stems (Stem) of its words, stopwords
//     left out: the title's first, then the detail's and those of what the
//     page says besides (state code, board, acronyms, O*NET-SOC codes and
//     titles, synonyms, demonyms). search-index.js stems a query with the
//     same rules, and matches a word it lacks as a typo by Edits and
//     Candidates; a browser test holds the two to the same answers.
//   - BuildTables names each state by its name, its code (unless an
//     everyday word such as "in") and its demonyms, and each specialty by
//     its name, a word of its name no other specialty has, its synonyms and
//     its certifications' acronyms. Each table is defined once: states come
//     from content/states.yaml, acronyms from the certifications, demonyms
//     and synonyms from the tables in intent.go.
//   - Files and Write encode the index as JSON, every string escaped by
//     encoding/json (so <, > and & become \u003c and so on). The output
//     depends only on the graph. They cost time linear in the records and
//     hold one encoded entry at a time.
//   - When the whole index would be larger than Options.SplitAbove bytes,
//     index.json keeps the tables and the entries of the few kinds a query
//     names most (states, specialties, families, pages); the findings get
//     a file, and so does each other kind, listed in "parts", except
//     licenses and boards, which get files per state, named in that
//     state's row. A kind or state whose rows pass SplitAbove bytes takes
//     as many files as keep each under it, so that no file grows with the
//     site.
//
// The index format (version 2), at <Dir>/index.json:
//
//	{"v":2,
//	 "kinds":[["licenses","License","/licenses/"], ...],   name, label, URL prefix
//	 "states":[["OH","Ohio","/states/oh/",[]], ...],        code, name, page, files of its licenses and boards if split
//	 "specialties":[["Perfusion","/specialties/perfusion/"], ...],
//	 "names":[["ohioan",35,-1],["rrt",-1,3,1], ...],        phrase, state, specialty, 1 if an acronym
//	 "stop":["a","an", ...],                                  words a query drops
//	 "absent":[[35,2,0], ...],                                state, specialty, finding
//	 "findings":[["Not among ...","UNMC ...","https://..."]], note, source title, source URL
//	 "entries":[[0,"tx-perfusionist/","Licensed Perfusionist","Texas · Perfusion","licensed perfusionist texas perfusion tx ...",2,47,2], ...]}
//
// An entry is [kind index, path, title, detail, terms, title terms, state,
// specialty]: the page's URL is the kind's prefix followed by path, unless
// path starts with "/", in which case it is the URL itself; terms are
// separated by spaces, the first "title terms" of them the title's; state
// and specialty index the tables, -1 for none. A split index has "parts",
// a list of site paths to load after it; each part, like each of a
// state's files, is {"v":2,"entries":[...]} or, for the findings,
// {"v":2,"absent":...,"findings":...}.
package search

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/licensure/licensure/internal/model"
	"github.com/licensure/licensure/internal/resolve"
)

// Kind is a group of entries: its name, its label for readers and the URL
// prefix of its pages. The words are those of the model's kind.
type Kind struct {
	Name, Label, Plural, Prefix string
}

// Kinds lists the kinds in the order results and the /search/ page present
// them: what readers look for most comes first.
var Kinds = append(modelKinds("licenses", "states", "specialties", "certifications", "boards", "issuers", "occupations", "families"),
	Kind{"pages", "Page", "Pages", "/"})

func modelKinds(names ...string) []Kind {
	out := make([]Kind, len(names))
	for i, name := range names {
		k, ok := model.KindNamed(name)
		if !ok {
			panic("search: no kind " + name)
		}
		out[i] = Kind{k.Name, k.Label, k.Plural, "/" + k.Name + "/"}
	}
	return out
}

// Entry is one searchable page.
type Entry struct {
	Kind   string // a Kinds name
	URL    string // site path, such as /licenses/tx-perfusionist/
	Title  string
	Detail string // a short line shown under the title
	// Terms are the stems of the entry's words, each once: those of the
	// title first (TitleTerms of them), then those of the detail and of
	// what the page says besides (board, acronyms, codes, occupations).
	Terms      []string
	TitleTerms int
	// State and Specialty index Tables.States and Tables.Specialties: the
	// state a license, board or state page is of, the specialty a license,
	// specialty page or certification is of; -1 for none.
	State, Specialty int
}

// Entries lists one entry per record of g and per content page. It costs
// time linear in the records and the words of their keywords.
func Entries(g *resolve.Graph) []Entry {
	out := make([]Entry, 0, len(g.Licenses)+len(g.States)+len(g.Specialties)+len(g.Certifications)+len(g.Boards)+len(g.Issuers)+len(g.Occupations)+len(g.Families)+len(g.Pages))
	kw := newKeyworder()
	states, specs := map[*resolve.State]int{nil: -1}, map[*resolve.Specialty]int{nil: -1}
	for i, s := range g.States {
		states[s] = i
	}
	for i, s := range g.Specialties {
		specs[s] = i
	}
	var words []string // reused for each entry's extra words
	state, spec := -1, -1
	add := func(kind, url, title, detail string) {
		e := Entry{Kind: kind, URL: url, Title: title, Detail: detail, State: state, Specialty: spec}
		e.Terms, e.TitleTerms = kw.terms(title, detail, words)
		out = append(out, e)
		words, state, spec = words[:0], -1, -1
	}
	// Full licenses first, then permits: among equal matches the first
	// entry wins, and a permit ranks after the license it leads to.
	licenses := make([]*resolve.License, 0, len(g.Licenses))
	for _, l := range g.Licenses {
		if l.Credential != "permit" {
			licenses = append(licenses, l)
		}
	}
	for _, l := range g.Licenses {
		if l.Credential == "permit" {
			licenses = append(licenses, l)
		}
	}
	for _, l := range licenses {
		words = append(words, string(l.State.Code), l.Credential)
		if l.Portability.Endorsement != "" {
			words = append(words, "endorsement", "reciprocity")
		}
		if l.Portability.TemporaryPermit != "" || l.Credential == "permit" {
			words = append(words, "temporary permit")
		}
		if l.Board != nil {
			words = append(words, l.Board.Name)
		}
		for _, o := range l.Occupations {
			words = append(words, o.ID, o.Title)
		}
		for _, c := range l.Certifications {
			words = append(words, c.Cert.Acronym)
		}
		state, spec = states[l.State], specs[l.Specialty]
		add("licenses", l.Path, l.Title, l.State.Name+" · "+l.Specialty.Name)
	}
	for i, s := range g.States {
		words = append(words, string(s.Code), s.Type)
		words = append(words, demonyms[string(s.Code)]...)
		state = i
		add("states", s.Path, s.Name, "")
	}
	for i, s := range g.Specialties {
		for _, o := range s.Occupations {
			words = append(words, o.ID, o.Title)
		}
		for _, c := range s.Certifications {
			words = append(words, c.Acronym)
		}
		words = append(words, synonyms[s.ID]...)
		spec = i
		add("specialties", s.Path, s.Name, "")
	}
	for _, c := range g.Certifications {
		detail := "Issuer not established"
		if c.Issuer != nil {
			detail = c.Issuer.Name
			words = append(words, c.Issuer.Acronym)
		}
		for _, s := range c.Specialties {
			words = append(words, s.Name)
		}
		if len(c.Specialties) > 0 {
			spec = specs[c.Specialties[0]]
		}
		add("certifications", c.Path, CertTitle(c), detail)
	}
	for _, b := range g.Boards {
		words = append(words, string(b.State.Code), b.Parent)
		for _, l := range b.Licenses {
			words = append(words, l.Specialty.Name) // repeats add no keyword
		}
		state = states[b.State]
		add("boards", b.Path, b.Name, b.State.Name)
	}
	for _, i := range g.Issuers {
		for _, c := range i.Certifications {
			words = append(words, c.Acronym)
		}
		add("issuers", i.Path, i.Name, i.Acronym)
	}
	for _, o := range g.Occupations {
		add("occupations", o.Path, o.Title, "O*NET-SOC "+o.ID)
	}
	for _, f := range g.Families {
		for _, s := range f.Specialties {
			words = append(words, s.Name)
		}
		add("families", f.Path, f.Name, "")
	}
	for _, p := range g.Pages {
		words = append(words, p.Description)
		add("pages", p.Path, p.Title, "")
	}
	return out
}

// CertTitle is a certification's name with its acronym, as its page and
// the search list show it.
func CertTitle(c *resolve.Certification) string {
	if c.Acronym != "" {
		return c.Name + " (" + c.Acronym + ")"
	}
	return c.Name
}

// stopwords are left out of keywords: they match too much to help.
var stopwords = map[string]bool{"a": true, "an": true, "and": true, "for": true, "in": true, "of": true, "on": true, "or": true, "the": true, "to": true}

// words splits s into lower-case runs of letters and digits, the way
// search.js splits queries.
func words(s string) []string {
	var out []string
	eachWord(s, func(w string) { out = append(out, w) })
	return out
}

// eachWord calls f with each word of s, as words splits it, without
// allocating unless s has upper-case letters.
func eachWord(s string, f func(w string)) {
	upper := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			for _, w := range strings.FieldsFunc(strings.ToLower(s), notWordRune) {
				f(w)
			}
			return
		}
		upper = upper || 'A' <= c && c <= 'Z'
	}
	if upper {
		s = strings.ToLower(s) // ASCII only: the same bytes, lower-case
	}
	start := -1
	for i := 0; i <= len(s); i++ {
		if i < len(s) && isWordByte(s[i]) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			f(s[start:i])
			start = -1
		}
	}
}

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// isWordByte reports whether an ASCII byte is a letter or digit.
func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z'
}

// keyworder finds an entry's terms, reusing its set from one entry to the
// next and remembering the stems of the extra strings, which repeat from
// record to record (board names, occupation titles, acronyms).
type keyworder struct {
	seen  map[string]bool
	cache map[string][]string // extra string -> its stems
	out   []string            // scratch
}

func newKeyworder() *keyworder {
	return &keyworder{seen: map[string]bool{}, cache: map[string][]string{}}
}

// terms returns the distinct stems of title, then of detail and extra,
// leaving out stopwords, and how many come from the title.
func (k *keyworder) terms(title, detail string, extra []string) ([]string, int) {
	clear(k.seen)
	out := k.out[:0]
	mark := func(w string) {
		if w = Stem(w); !k.seen[w] && !stopwords[w] {
			k.seen[w] = true
			out = append(out, w)
		}
	}
	eachWord(title, mark)
	n := len(out)
	eachWord(detail, mark)
	for _, e := range extra {
		ws, ok := k.cache[e]
		if !ok {
			ws = terms(e)
			k.cache[e] = ws
		}
		for _, w := range ws {
			if !k.seen[w] {
				k.seen[w] = true
				out = append(out, w)
			}
		}
	}
	k.out = out
	if len(out) == 0 {
		return nil, 0
	}
	return slices.Clone(out), n
}
