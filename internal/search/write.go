package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/licensure/licensure/internal/jsonstr"
	"github.com/licensure/licensure/internal/resolve"
)

// Index is what the build publishes: the entries and the tables.
type Index struct {
	Entries []Entry
	Tables
}

// Build makes the index of g.
func Build(g *resolve.Graph) *Index {
	return &Index{Entries: Entries(g), Tables: BuildTables(g)}
}

// Options say where the index goes and when to split it.
type Options struct {
	Dir        string // site folder of the index, such as "search"
	SplitAbove int    // split when the index exceeds this many bytes; 0 never splits
}

// File is a file to publish.
type File struct {
	Path string // site path without leading slash, such as search/index.json
	Data []byte
}

// Files encodes ix, whole or split, in memory; Write streams the same
// files.
func Files(ix *Index, opts Options) ([]File, error) {
	var out []File
	_, err := Write(ix, opts, func(path string, fill func(io.Writer) error) error {
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

// sharded are the kinds a split index puts in one file per state; inline
// are those it keeps in index.json, few at any scale and what a query
// names most (so the first keystroke has them); the others get a file
// each.
var (
	sharded = map[string]bool{"licenses": true, "boards": true}
	inline  = map[string]bool{"states": true, "specialties": true, "families": true, "pages": true}
)

// Write encodes ix, whole or split, calling emit once per file with its
// site path (without leading slash) and a function that writes its bytes
// to the writer it is given; it returns how many files it wrote. It makes
// two passes, one to measure the index and one to write it, an entry at a
// time: time linear in the entries, and memory for one entry.
func Write(ix *Index, opts Options, emit func(path string, fill func(io.Writer) error) error) (int, error) {
	x := &index{ix: ix, size: make([]int, len(Kinds)), stateOf: slices.Repeat([]int{-1}, len(Kinds))}
	for k := range Kinds {
		x.kindOfPart = append(x.kindOfPart, k)
	}
	if err := x.measure(opts.SplitAbove); err != nil {
		return 0, err
	}
	dir := strings.Trim(opts.Dir, "/")
	all := make([]int, len(x.size))
	for p := range all {
		all[p] = p
	}
	whole := file{x: x, head: x.head(nil), parts: all}
	if opts.SplitAbove <= 0 || whole.size() <= opts.SplitAbove || len(ix.Entries) == 0 {
		return 1, emit(dir+"/index.json", whole.write)
	}
	paths := make([]string, len(x.size))
	shards := make([][]string, len(ix.States))
	var core []string
	var here []int // parts in index.json
	for p, n := range x.size {
		switch st := x.stateOf[p]; {
		case n == 0:
		case st >= 0:
			paths[p] = fmt.Sprintf("%s/state-%s.json", dir, strings.ToLower(ix.States[st].Code))
			if x.piece[p] > 0 {
				paths[p] = fmt.Sprintf("%s/state-%s-%d.json", dir, strings.ToLower(ix.States[st].Code), x.piece[p]+1)
			}
			shards[st] = append(shards[st], "/"+paths[p])
		case inline[Kinds[x.kindOfPart[p]].Name]:
			here = append(here, p)
		default:
			name := Kinds[x.kindOfPart[p]].Name
			paths[p] = dir + "/" + name + ".json"
			if p >= len(Kinds) {
				paths[p] = fmt.Sprintf("%s/%s-%d.json", dir, name, x.piece[p]+1)
			}
			core = append(core, "/"+paths[p])
		}
	}
	findings := dir + "/findings.json"
	core = append([]string{"/" + findings}, core...)
	manifest := file{x: x, head: x.head(shards), parts: here, core: core}
	if err := emit(dir+"/index.json", manifest.write); err != nil {
		return 0, err
	}
	if err := emit(findings, file{x: x, head: encodeFields(x.findings())}.write); err != nil {
		return 1, err
	}
	n := 2
	for p, path := range paths {
		if path == "" {
			continue
		}
		if err := emit(path, file{x: x, parts: []int{p}}.write); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// index holds the index being written and what the first pass learnt.
type index struct {
	ix     *Index
	kindOf []int8
	// A part is a group of rows that a split index writes to one file:
	// the first len(Kinds) are whole kinds; then come a sharded kind's rows
	// of one state, in pieces of at most the split limit.
	partOf     []int  // by entry
	size       []int  // by part: bytes of its rows, comma-separated
	stateOf    []int  // by part: the state of a piece, or -1
	kindOfPart []int  // by part: its kind
	piece      []int  // by part: its number among its kind's or state's pieces
	row        []byte // scratch
}

// measure finds each entry's kind and part and each part's size. The rows
// of a sharded kind go to their state's current piece, those of another
// kind not kept in index.json to their kind's; a row starts a new piece
// where it would take the current one past limit bytes (when limit > 0).
func (x *index) measure(limit int) error {
	x.kindOf, x.partOf = make([]int8, len(x.ix.Entries)), make([]int, len(x.ix.Entries))
	x.piece = make([]int, len(Kinds))
	open := slices.Repeat([]int{-1}, len(x.ix.States)) // each state's current piece
	openKind := make([]int, len(Kinds))                // each kind's
	for k := range openKind {
		openKind[k] = k
	}
	full := func(p, row int) bool { return limit > 0 && x.size[p] > 0 && x.size[p]+1+row > limit }
	k := -1
	for i, e := range x.ix.Entries {
		if k < 0 || Kinds[k].Name != e.Kind {
			k = slices.IndexFunc(Kinds, func(k Kind) bool { return k.Name == e.Kind })
			if k < 0 {
				return fmt.Errorf("search: entry %s: unknown kind %q", e.URL, e.Kind)
			}
		}
		x.kindOf[i] = int8(k)
		x.row = x.appendRow(x.row[:0], i)
		var p int
		switch {
		case sharded[e.Kind] && e.State >= 0 && e.State < len(x.ix.States):
			if p = open[e.State]; p < 0 || full(p, len(x.row)) {
				n := 0
				if p >= 0 {
					n = x.piece[p] + 1
				}
				p = x.newPart(k, e.State, n)
				open[e.State] = p
			}
		case inline[e.Kind]:
			p = k
		default:
			if p = openKind[k]; full(p, len(x.row)) {
				p = x.newPart(k, -1, x.piece[p]+1)
				openKind[k] = p
			}
		}
		x.partOf[i] = p
		if x.size[p] > 0 {
			x.size[p]++ // the comma before the row
		}
		x.size[p] += len(x.row)
	}
	return nil
}

// newPart adds an empty part: piece n of kind k's rows, or of those of
// state st when st >= 0.
func (x *index) newPart(k, st, n int) int {
	x.size, x.stateOf = append(x.size, 0), append(x.stateOf, st)
	x.kindOfPart, x.piece = append(x.kindOfPart, k), append(x.piece, n)
	return len(x.size) - 1
}

// appendRow appends entry i as [kind index, path, title, detail, terms,
// title terms, state, specialty].
func (x *index) appendRow(b []byte, i int) []byte {
	e, k := &x.ix.Entries[i], int(x.kindOf[i])
	path, ok := strings.CutPrefix(e.URL, Kinds[k].Prefix)
	if !ok || path == "" || strings.HasPrefix(path, "/") {
		path = e.URL
	}
	b = append(strconv.AppendInt(append(b, '['), int64(k), 10), ',')
	b = append(jsonstr.Append(b, path), ',')
	b = append(jsonstr.Append(b, e.Title), ',')
	b = append(jsonstr.Append(b, e.Detail), ',')
	b = append(appendWords(b, e.Terms), ',')
	for _, n := range []int{e.TitleTerms, e.State, e.Specialty} {
		b = append(strconv.AppendInt(b, int64(n), 10), ',')
	}
	b[len(b)-1] = ']'
	return b
}

// head encodes what precedes the entries in index.json: the version, the
// kinds and the tables; shards gives each state's files, if split, and
// then the findings are left to a file of their own.
func (x *index) head(shards [][]string) []byte {
	t := x.ix.Tables
	kinds := make([][]string, len(Kinds))
	for i, k := range Kinds {
		kinds[i] = []string{k.Name, k.Label, k.Prefix}
	}
	states := make([][]any, len(t.States))
	for i, s := range t.States {
		files := []string{}
		if i < len(shards) && shards[i] != nil {
			files = shards[i]
		}
		states[i] = []any{s.Code, s.Name, s.Path, files}
	}
	specs := make([][]string, len(t.Specialties))
	for i, s := range t.Specialties {
		specs[i] = []string{s.Name, s.Path}
	}
	names := make([][]any, len(t.Names))
	for i, n := range t.Names {
		names[i] = []any{n.Phrase, n.State, n.Specialty}
		if n.Acronym {
			names[i] = append(names[i], 1)
		}
	}
	stop := slices.Sorted(maps.Keys(stopwords))
	fields := []field{{"kinds", kinds}, {"states", states}, {"specialties", specs}, {"names", names}, {"stop", stop}}
	if shards == nil {
		fields = append(fields, x.findings()...)
	}
	return encodeFields(fields)
}

type field struct {
	key string
	v   any
}

// encodeFields writes {"v":2 and the fields, leaving the object open.
func encodeFields(fields []field) []byte {
	var b bytes.Buffer
	b.WriteString(`{"v":2`)
	for _, f := range fields {
		enc, _ := json.Marshal(f.v) // strings and numbers always encode
		b.WriteString(`,"` + f.key + `":`)
		b.Write(enc)
	}
	return b.Bytes()
}

// findings are the tables of what research found where a state does not
// license a specialty: "absent" rows [state, specialty, finding] and the
// "findings" [note, source title, source URL] they share.
func (x *index) findings() []field {
	t := x.ix.Tables
	absent, findings, seen := make([][]int, len(t.Absent)), [][]string{}, map[[3]string]int{}
	for i, a := range t.Absent {
		key := [3]string{a.Note, a.Source, a.URL}
		n, ok := seen[key]
		if !ok {
			n = len(findings)
			seen[key] = n
			findings = append(findings, key[:])
		}
		absent[i] = []int{a.State, a.Specialty, n}
	}
	return []field{{"absent", absent}, {"findings", findings}}
}

// file is one file of the index: {"v":2, the tables, "entries":[...],
// "parts":[...]}; a part has neither tables nor "parts", a manifest has
// no entries.
type file struct {
	x     *index
	head  []byte   // `{"v":2,...` with the tables, or nil for a part
	parts []int    // the parts whose rows are the entries
	core  []string // a manifest's site paths of the parts to load first
}

func (f file) write(w io.Writer) error {
	bw := &errWriter{w: w}
	if f.head != nil {
		bw.bytes(f.head)
	} else {
		bw.str(`{"v":2`)
	}
	if f.rows() > 0 {
		bw.str(`,"entries":[`)
		first := true
		for i := range f.x.ix.Entries {
			if !slices.Contains(f.parts, f.x.partOf[i]) {
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
	if len(f.core) > 0 {
		parts, _ := json.Marshal(f.core)
		bw.str(`,"parts":`)
		bw.bytes(parts)
	}
	bw.str("}\n")
	return bw.err
}

// rows is the size of the file's rows, commas included.
func (f file) rows() int {
	n := 0
	for _, p := range f.parts {
		if f.x.size[p] > 0 {
			n += f.x.size[p] + 1
		}
	}
	return max(n-1, 0)
}

// size is how many bytes write writes for a file without "parts".
func (f file) size() int {
	n := len(`{"v":2}`+"\n") + f.rows()
	if f.head != nil {
		n += len(f.head) - len(`{"v":2`)
	}
	if f.rows() > 0 {
		n += len(`,"entries":[]`)
	}
	return n
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

// appendWords appends words, joined by spaces, as one JSON string.
func appendWords(dst []byte, words []string) []byte {
	for _, w := range words {
		if !jsonstr.Plain(w) {
			return jsonstr.Append(dst, strings.Join(words, " "))
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
