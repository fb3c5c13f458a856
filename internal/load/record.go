package load

import (
	"encoding/binary"
	"iter"

	"github.com/licensure/licensure/internal/diag"
	"github.com/licensure/licensure/internal/model"
)

// Record is one decoded record with what later stages need to report on it.
type Record struct {
	Kind  model.Kind
	ID    string
	File  string    // display path, e.g. content/licenses/x.yaml
	Value any       // a pointer to the kind's model type
	Pos   Positions // field path ("board", "sources[0].url") -> position of its value
	Refs  []Ref     // every reference the record makes, in file order
}

// Title is the name the record shows readers.
func (r *Record) Title() string { return r.Kind.Title(r.Value) }

// Field returns the string value of a top-level field by its YAML key, or ""
// when the kind has no such field.
func (r *Record) Field(key string) string { return fieldString(r.Value, key) }

// At returns the position of a field path, or of the record's first line
// when the field is absent.
func (r *Record) At(path string) diag.Pos {
	if p, ok := r.Pos.Lookup(path); ok {
		return p
	}
	return diag.Pos{Line: 1, Col: 1}
}

// Positions maps field paths to the positions of their values. Every record
// has one and lookups are rare, made when a problem is reported, so it is
// kept small: a list in file order, each entry the number of a path in a
// table that the records loaded by one goroutine share, and its line (as the
// difference from the entry before) and column, as varints.
type Positions struct {
	enc   []byte
	paths *pathList
}

// pathList numbers the field paths of the records one worker loads.
type pathList struct {
	names []string
	extra map[string]int // paths not kept by a pathNode
}

func (l *pathList) add(path string) int {
	l.names = append(l.names, path)
	return len(l.names) - 1
}

// fieldPos is a position as the decoder records it, before encoding.
type fieldPos struct {
	path      *pathNode
	line, col int32
}

// appendPositions encodes pos.
func appendPositions(enc []byte, pos []fieldPos) []byte {
	line := int64(0)
	for _, f := range pos {
		enc = binary.AppendUvarint(enc, uint64(f.path.id))
		enc = binary.AppendVarint(enc, int64(f.line)-line)
		enc = binary.AppendUvarint(enc, uint64(f.col))
		line = int64(f.line)
	}
	return enc
}

// All yields every field path and its position, in file order.
func (p Positions) All() iter.Seq2[string, diag.Pos] {
	return func(yield func(string, diag.Pos) bool) {
		enc, line := p.enc, int64(0)
		for len(enc) > 0 {
			id, n1 := binary.Uvarint(enc)
			dl, n2 := binary.Varint(enc[n1:])
			col, n3 := binary.Uvarint(enc[n1+n2:])
			enc, line = enc[n1+n2+n3:], line+dl
			if !yield(p.paths.names[id], diag.Pos{Line: int(line), Col: int(col)}) {
				return
			}
		}
	}
}

// Lookup returns the position of the value of a field path such as
// "sources[0].url".
func (p Positions) Lookup(path string) (diag.Pos, bool) {
	var found diag.Pos
	ok := false
	for name, pos := range p.All() {
		if name == path {
			found, ok = pos, true // the last, as a map keeps it
		}
	}
	return found, ok
}

// Len returns the number of field paths.
func (p Positions) Len() int {
	n := 0
	for range p.All() {
		n++
	}
	return n
}

// Map returns the positions as a map.
func (p Positions) Map() map[string]diag.Pos {
	m := map[string]diag.Pos{}
	for path, pos := range p.All() {
		m[path] = pos
	}
	return m
}

// Ref is a reference from a field or from a link in Markdown prose to a
// record of another kind.
type Ref struct {
	Kind  string   // plural kind name, e.g. "boards"
	ID    string   // the ID as written
	Field string   // field path that holds it
	Pos   diag.Pos // where the ID is written
	Link  bool     // a record link in prose, as opposed to a reference field
}

// Page is a Markdown page of content/pages.
type Page struct {
	ID       string
	File     string
	Meta     model.Page
	Body     string // Markdown after the front matter
	BodyLine int    // the file line on which Body starts
	Refs     []Ref
}

// Content is everything read from a content folder.
type Content struct {
	Site      model.Site
	SitePos   map[string]diag.Pos // positions of site.yaml's fields
	States    []model.State
	StatesPos map[string]diag.Pos  // positions in states.yaml, such as "states[3].code"
	Records   map[string][]*Record // by plural kind name, sorted by ID
	Pages     []*Page              // sorted by ID
}
