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
//   - Files and Write encode the entries as JSON, byte for byte as
//     json.Marshal would: a string with anything to escape goes through
//     encoding/json (so every string is escaped for JSON, and <, > and &
//     as \u003c and so on). The output depends only on the graph: the
//     same graph gives the same bytes. Entries and Write cost time linear
//     in the records; Write holds one encoded entry at a time.
//   - When the whole index would be larger than Options.SplitAbove bytes,
//     Files and Write write a manifest listing one file per kind instead of the
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
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

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

// Entries lists one entry per record of g and per content page. It costs
// time linear in the records and the words of their keywords.
func Entries(g *resolve.Graph) []Entry {
	out := make([]Entry, 0, len(g.Licenses)+len(g.States)+len(g.Specialties)+len(g.Certifications)+len(g.Boards)+len(g.Issuers)+len(g.Occupations)+len(g.Families)+len(g.Pages))
	kw := newKeyworder()
	var words []string // reused for each entry's extra words
	add := func(kind, url, title, detail string) {
		out = append(out, Entry{Kind: kind, URL: url, Title: title, Detail: detail, Keywords: kw.keywords(title, detail, words)})
		words = words[:0]
	}
	for _, l := range g.Licenses {
		words = append(words, string(l.State.Code), l.Credential)
		if l.Board != nil {
			words = append(words, l.Board.Name)
		}
		for _, o := range l.Occupations {
			words = append(words, o.ID, o.Title)
		}
		for _, c := range l.Certifications {
			words = append(words, c.Cert.Acronym)
		}
		add("licenses", l.Path, l.Title, l.State.Name+" · "+l.Specialty.Name)
	}
	for _, s := range g.States {
		words = append(words, string(s.Code), s.Type)
		add("states", s.Path, s.Name, "")
	}
	for _, s := range g.Specialties {
		for _, o := range s.Occupations {
			words = append(words, o.ID, o.Title)
		}
		for _, c := range s.Certifications {
			words = append(words, c.Acronym)
		}
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
		add("certifications", c.Path, CertTitle(c), detail)
	}
	for _, b := range g.Boards {
		words = append(words, string(b.State.Code), b.Parent)
		for _, l := range b.Licenses {
			words = append(words, l.Specialty.Name) // repeats add no keyword
		}
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

// keywords returns the distinct words of extra that shown is missing, in
// order of first appearance.
func keywords(shown string, extra ...string) []string {
	return newKeyworder().keywords(shown, "", extra)
}

// keyworder finds keywords, reusing its set from one entry to the next
// and remembering the words of the extra strings, which repeat from record
// to record (board names, occupation titles, acronyms).
type keyworder struct {
	seen  map[string]bool
	cache map[string][]string // extra string -> its words
	lists [][]string          // scratch: the words of each extra string
}

func newKeyworder() *keyworder {
	return &keyworder{seen: map[string]bool{}, cache: map[string][]string{}}
}

// keywords returns the distinct words of extra that neither title nor
// detail has, in order of first appearance, leaving out stopwords.
func (k *keyworder) keywords(title, detail string, extra []string) []string {
	clear(k.seen)
	mark := func(w string) { k.seen[w] = true }
	eachWord(title, mark)
	eachWord(detail, mark)
	lists, n := k.lists[:0], 0
	for _, e := range extra {
		ws, ok := k.cache[e]
		if !ok {
			ws = words(e)
			k.cache[e] = ws
		}
		lists, n = append(lists, ws), n+len(ws)
	}
	k.lists = lists
	if n == 0 {
		return nil
	}
	out := make([]string, 0, n)
	for _, ws := range lists {
		for _, w := range ws {
			if !k.seen[w] && !stopwords[w] {
				k.seen[w] = true
				out = append(out, w)
			}
		}
	}
	if len(out) == 0 {
		return nil
	}
	return slices.Clip(out)
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

// Files encodes entries as the index, whole or split by kind, in memory;
// Write streams the same files.
func Files(entries []Entry, opts Options) ([]File, error) {
	var out []File
	_, err := Write(entries, opts, func(path string, fill func(io.Writer) error) error {
		var b bytes.Buffer
		if err := fill(&b); err != nil {
			return err
		}
		out = append(out, File{Path: path, Data: b.Bytes()})
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Write encodes entries as the index, whole or split by kind, calling
// emit once per file with its site path (without leading slash) and a
// function that writes its bytes to the writer it is given; it returns
// how many files it wrote. It makes two passes, one to measure the index
// and one to write it, an entry at a time: time linear in the entries,
// and memory for one entry.
func Write(entries []Entry, opts Options, emit func(path string, fill func(io.Writer) error) error) (int, error) {
	kinds := make([][]string, len(Kinds))
	for i, k := range Kinds {
		kinds[i] = []string{k.Name, k.Label, k.Prefix}
	}
	kindsJSON, err := json.Marshal(kinds)
	if err != nil {
		return 0, fmt.Errorf("search: %w", err)
	}
	x := &index{entries: entries, kindOf: make([]int8, len(entries)), size: make([]int, len(Kinds)), enc: newStringEncoder()}
	k := -1
	for i, e := range entries {
		if k < 0 || Kinds[k].Name != e.Kind {
			k = slices.IndexFunc(Kinds, func(k Kind) bool { return k.Name == e.Kind })
			if k < 0 {
				return 0, fmt.Errorf("search: entry %s: unknown kind %q", e.URL, e.Kind)
			}
		}
		x.kindOf[i] = int8(k)
		x.row = x.appendRow(x.row[:0], i)
		if x.size[k] > 0 {
			x.size[k]++ // the comma before the row
		}
		x.size[k] += len(x.row)
	}
	dir := strings.Trim(opts.Dir, "/")
	all := make([]int, len(Kinds))
	for k := range all {
		all[k] = k
	}
	whole := file{x: x, kinds: kindsJSON, entries: all}
	if opts.SplitAbove <= 0 || whole.size() <= opts.SplitAbove {
		return 1, emit(dir+"/index.json", whole.write)
	}
	manifest := file{x: x, kinds: kindsJSON}
	for k, kind := range Kinds {
		if x.size[k] > 0 {
			manifest.parts = append(manifest.parts, "/"+dir+"/"+kind.Name+".json")
		}
	}
	if err := emit(dir+"/index.json", manifest.write); err != nil {
		return 0, err
	}
	n := 1
	for k, kind := range Kinds {
		if x.size[k] == 0 {
			continue
		}
		if err := emit(dir+"/"+kind.Name+".json", file{x: x, entries: []int{k}}.write); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// index holds the entries being written and what the first pass learnt.
type index struct {
	entries []Entry
	kindOf  []int8 // Kinds index of each entry
	size    []int  // by kind: bytes of its rows, comma-separated
	enc     *stringEncoder
	row     []byte // scratch
}

// appendRow appends entry i as [kind index, path, title, detail, keywords].
func (x *index) appendRow(b []byte, i int) []byte {
	e, k := &x.entries[i], int(x.kindOf[i])
	path, ok := strings.CutPrefix(e.URL, Kinds[k].Prefix)
	if !ok || path == "" || strings.HasPrefix(path, "/") {
		path = e.URL
	}
	b = append(strconv.AppendInt(append(b, '['), int64(k), 10), ',')
	b = append(x.enc.append(b, path), ',')
	b = append(x.enc.append(b, e.Title), ',')
	b = append(x.enc.append(b, e.Detail), ',')
	return append(x.enc.appendWords(b, e.Keywords), ']')
}

// file is one file of the index: {"v":1,"kinds":...,"entries":[...],
// "parts":[...]}, each key but v left out when empty, as encoding/json
// writes a struct of omitempty fields.
type file struct {
	x       *index
	kinds   []byte   // encoded; nil leaves "kinds" out
	entries []int    // the kinds whose rows are the entries
	parts   []string // site paths of the parts
}

func (f file) write(w io.Writer) error {
	bw := &errWriter{w: w}
	bw.str(`{"v":1`)
	if len(f.kinds) > 0 {
		bw.str(`,"kinds":`)
		bw.bytes(f.kinds)
	}
	first := true
	if f.rows() > 0 {
		bw.str(`,"entries":[`)
		for i := range f.x.entries {
			if !slices.Contains(f.entries, int(f.x.kindOf[i])) {
				continue
			}
			if !first {
				bw.str(",")
			}
			first = false
			f.x.row = f.x.appendRow(f.x.row[:0], i)
			bw.bytes(f.x.row)
		}
		bw.str("]")
	}
	if len(f.parts) > 0 {
		parts, err := json.Marshal(f.parts)
		if err != nil {
			return fmt.Errorf("search: %w", err)
		}
		bw.str(`,"parts":`)
		bw.bytes(parts)
	}
	bw.str("}\n")
	return bw.err
}

// rows is the size of the file's rows, commas included.
func (f file) rows() int {
	n := 0
	for _, k := range f.entries {
		if f.x.size[k] > 0 {
			n += f.x.size[k] + 1
		}
	}
	return max(n-1, 0)
}

// size is how many bytes write writes.
func (f file) size() int {
	n := len(`{"v":1}`+"\n") + f.rows()
	if len(f.kinds) > 0 {
		n += len(`,"kinds":`) + len(f.kinds)
	}
	if f.rows() > 0 {
		n += len(`,"entries":[]`)
	}
	return n // parts are only in a manifest, which is never measured
}

// errWriter keeps the first write error and skips writes after it.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) bytes(p []byte) {
	if e.err == nil {
		_, e.err = e.w.Write(p)
	}
}

func (e *errWriter) str(s string) {
	if e.err == nil {
		_, e.err = io.WriteString(e.w, s)
	}
}

// stringEncoder writes JSON strings with encoding/json, so that they are
// escaped exactly as it escapes them (<, > and & included), reusing one
// buffer.
type stringEncoder struct {
	buf bytes.Buffer
	enc *json.Encoder
}

func newStringEncoder() *stringEncoder {
	e := &stringEncoder{}
	e.enc = json.NewEncoder(&e.buf) // escapes HTML by default
	return e
}

// append appends s to dst as a JSON string. Strings of printable ASCII
// with nothing to escape are copied as they are; any other string goes
// through encoding/json.
func (e *stringEncoder) append(dst []byte, s string) []byte {
	if plain(s) {
		return append(append(append(dst, '"'), s...), '"')
	}
	e.buf.Reset()
	_ = e.enc.Encode(s) // a string always encodes; Encode adds a newline
	return append(dst, bytes.TrimSuffix(e.buf.Bytes(), []byte("\n"))...)
}

// appendWords appends words, joined by spaces, as one JSON string.
func (e *stringEncoder) appendWords(dst []byte, words []string) []byte {
	for _, w := range words {
		if !plain(w) {
			return e.append(dst, strings.Join(words, " "))
		}
	}
	dst = append(dst, '"')
	for i, w := range words {
		if i > 0 {
			dst = append(dst, ' ')
		}
		dst = append(dst, w...)
	}
	return append(dst, '"')
}

// plain reports whether s is printable ASCII that JSON keeps as it is:
// no control character, ", \, <, > or &.
func plain(s string) bool {
	for i := 0; i < len(s); i++ {
		if !plainByte[s[i]] {
			return false
		}
	}
	return true
}

var plainByte = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = !strings.ContainsRune(`"\<>&`, rune(c))
	}
	return t
}()
