// Package search builds the client-side search index: one entry per record
// of every kind (and per content page), which static/js/search.js loads to
// show results as a reader types, with no server and no third party.
//
// Contract:
//
//   - Entries lists every record of g once, in Kinds order and, within a
//     kind, in the graph's own stable order. The /search/ page renders the
//     same entries as its no-JavaScript list, so that the script can match
//     each link of that list to its entry by URL.
//   - Files encodes the entries as JSON with encoding/json (so every string
//     is escaped for JSON, and <, > and & as \u003c and so on). The output
//     depends only on the graph: the same graph gives the same bytes.
//   - When the whole index would be larger than Options.SplitAbove bytes,
//     Files writes a manifest listing one file per kind instead of the
//     entries themselves; search.js accepts both forms.
//
// The index format (version 1), at <Dir>/index.json:
//
//	{"v":1,
//	 "kinds":[["licenses","License","/licenses/"], ...],   name, label, URL prefix
//	 "entries":[[0,"tx-perfusionist","Licensed Perfusionist","Texas · Perfusion","tx license 29 2031 00 ccp ..."], ...]}
//
// An entry is [kind index, path, title, detail, keywords]. The page's URL
// is the kind's prefix followed by path, unless path starts with "/", in
// which case it is the URL itself. Keywords are lower-case words, separated
// by spaces, that the title and detail do not already contain: acronyms of
// certifications, state codes, board names, O*NET-SOC codes and titles.
//
// A split index has "parts" instead of "entries": a list of site paths, one
// per kind, each a file {"v":1,"entries":[...]} whose kind indexes refer to
// the manifest's "kinds".
package search

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/licensure/licensure/internal/resolve"
)

// Kind is a group of entries: its name, its label for readers and the URL
// prefix of its pages.
type Kind struct {
	Name, Label, Plural, Prefix string
}

// Kinds lists the kinds in the order results and the /search/ page present
// them: what readers look for most comes first.
var Kinds = []Kind{
	{"licenses", "License", "Licenses", "/licenses/"},
	{"states", "State", "States and territories", "/states/"},
	{"specialties", "Specialty", "Specialties", "/specialties/"},
	{"certifications", "Certification", "Certifications", "/certifications/"},
	{"boards", "Board", "Boards", "/boards/"},
	{"issuers", "Certifying body", "Certifying bodies", "/issuers/"},
	{"occupations", "Occupation", "Occupations", "/occupations/"},
	{"families", "Family", "License families", "/families/"},
	{"pages", "Page", "Pages", "/"},
}

// Entry is one searchable page.
type Entry struct {
	Kind     string // a Kinds name
	URL      string // site path, such as /licenses/tx-perfusionist/
	Title    string
	Detail   string   // a short line shown under the title
	Keywords []string // lower-case words not in the title or detail
}

// Entries lists one entry per record of g and per content page.
func Entries(g *resolve.Graph) []Entry {
	var out []Entry
	add := func(kind, url, title, detail string, words ...string) {
		out = append(out, Entry{Kind: kind, URL: url, Title: title, Detail: detail, Keywords: keywords(title+" "+detail, words...)})
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
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// keywords returns the distinct words of extra that shown is missing, in
// order of first appearance.
func keywords(shown string, extra ...string) []string {
	seen := map[string]bool{}
	for _, w := range words(shown) {
		seen[w] = true
	}
	var out []string
	for _, e := range extra {
		for _, w := range words(e) {
			if !seen[w] && !stopwords[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	return out
}

// Options say where the index goes and when to split it.
type Options struct {
	Dir        string // site folder of the index, such as "search"
	SplitAbove int    // split by kind when the index exceeds this many bytes; 0 never splits
}

// File is a file to publish.
type File struct {
	Path string // site path without leading slash, such as search/index.json
	Data []byte
}

type index struct {
	V       int        `json:"v"`
	Kinds   [][]string `json:"kinds,omitempty"`
	Entries [][]any    `json:"entries,omitempty"`
	Parts   []string   `json:"parts,omitempty"`
}

// Files encodes entries as the index, whole or split by kind.
func Files(entries []Entry, opts Options) ([]File, error) {
	kinds := make([][]string, len(Kinds))
	for i, k := range Kinds {
		kinds[i] = []string{k.Name, k.Label, k.Prefix}
	}
	rows := make([][]any, len(entries))
	byKind := map[int][][]any{}
	for i, e := range entries {
		k := slices.IndexFunc(Kinds, func(k Kind) bool { return k.Name == e.Kind })
		if k < 0 {
			return nil, fmt.Errorf("search: entry %s: unknown kind %q", e.URL, e.Kind)
		}
		path, ok := strings.CutPrefix(e.URL, Kinds[k].Prefix)
		if !ok || path == "" || strings.HasPrefix(path, "/") {
			path = e.URL
		}
		rows[i] = []any{k, path, e.Title, e.Detail, strings.Join(e.Keywords, " ")}
		byKind[k] = append(byKind[k], rows[i])
	}
	whole, err := encode(index{V: 1, Kinds: kinds, Entries: rows})
	if err != nil {
		return nil, err
	}
	dir := strings.Trim(opts.Dir, "/")
	if opts.SplitAbove <= 0 || len(whole) <= opts.SplitAbove {
		return []File{{Path: dir + "/index.json", Data: whole}}, nil
	}
	manifest := index{V: 1, Kinds: kinds}
	var parts []File
	for k, kind := range Kinds {
		if len(byKind[k]) == 0 {
			continue
		}
		data, err := encode(index{V: 1, Entries: byKind[k]})
		if err != nil {
			return nil, err
		}
		p := dir + "/" + kind.Name + ".json"
		manifest.Parts = append(manifest.Parts, "/"+p)
		parts = append(parts, File{Path: p, Data: data})
	}
	m, err := encode(manifest)
	if err != nil {
		return nil, err
	}
	return append([]File{{Path: dir + "/index.json", Data: m}}, parts...), nil
}

func encode(v any) ([]byte, error) {
	b, err := json.Marshal(v) // escapes <, > and & too
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	return append(b, '\n'), nil
}
