package zzorig

import (
	"github.com/licensure/licensure/internal/diag"
	"github.com/licensure/licensure/internal/model"
)

// Record is one decoded record with what later stages need to report on it.
type Record struct {
	Kind  model.Kind
	ID    string
	File  string              // display path, e.g. content/licenses/x.yaml
	Value any                 // a pointer to the kind's model type
	Pos   map[string]diag.Pos // field path ("board", "sources[0].url") -> position of its value
	Refs  []Ref               // every reference the record makes, in file order
}

// Title is the name the record shows readers.
func (r *Record) Title() string { return r.Field(r.Kind.TitleKey) }

// Field returns the string value of a top-level field by its YAML key, or ""
// when the kind has no such field.
func (r *Record) Field(key string) string { return fieldString(r.Value, key) }

// At returns the position of a field path, or of the record's first line
// when the field is absent.
func (r *Record) At(path string) diag.Pos {
	if p, ok := r.Pos[path]; ok {
		return p
	}
	return diag.Pos{Line: 1, Col: 1}
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
