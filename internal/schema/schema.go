// Package schema describes the content schema by reflecting over the record
// types of package model. Loading, the JSON Schema and the schema reference
// page all read the schema through this package, so that the Go types stay
// the single source of truth.
//
// A Type is a tree: structs have Fields, lists have an Elem. Scalars carry a
// Format (from the model's named string types) and the rules of the field's
// `check` tag.
package schema

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/licensure/licensure/internal/model"
)

// Shape is the YAML shape a value takes.
type Shape int

// The shapes a Type can take.
const (
	String Shape = iota
	Int
	Number
	List
	Struct
)

func (s Shape) String() string {
	return [...]string{"string", "integer", "number", "list", "mapping"}[s]
}

// Format names a string format the loader validates.
type Format string

// The formats, one per named string type in package model.
const (
	Plain     Format = ""
	URL       Format = "url"
	Date      Format = "date"
	Markdown  Format = "markdown"
	StateCode Format = "state-code"
	SOCCode   Format = "soc-code"
	Path      Format = "path"
)

var formats = map[reflect.Type]Format{
	reflect.TypeFor[model.URL]():       URL,
	reflect.TypeFor[model.Date]():      Date,
	reflect.TypeFor[model.Markdown]():  Markdown,
	reflect.TypeFor[model.StateCode](): StateCode,
	reflect.TypeFor[model.SOCCode]():   SOCCode,
	reflect.TypeFor[model.Path]():      Path,
}

// Type describes the values a field may hold.
type Type struct {
	Go     reflect.Type
	Shape  Shape
	Format Format  // for String
	Elem   *Type   // for List
	Fields []Field // for Struct, in declaration order
}

// Field is one key of a mapping.
type Field struct {
	Name     string // the YAML key
	Index    int    // the Go struct field index
	Type     *Type
	Required bool
	Min      int      // minimum list length
	Ref      string   // the kind a value names, e.g. "boards"
	Enum     []string // allowed values
	Doc      string
	Example  string
}

// Field returns the field with the YAML key name.
func (t *Type) Field(name string) (Field, bool) {
	for _, f := range t.Fields {
		if f.Name == name {
			return f, true
		}
	}
	return Field{}, false
}

var cache sync.Map // reflect.Type -> *Type

// Of returns the schema of a model type. It panics on a type the schema
// cannot describe: that is a programming error caught by the tests.
func Of(t reflect.Type) *Type {
	if s, ok := cache.Load(t); ok {
		return s.(*Type)
	}
	s := build(t)
	cache.Store(t, s)
	return s
}

// For returns the schema of T.
func For[T any]() *Type { return Of(reflect.TypeFor[T]()) }

func build(t reflect.Type) *Type {
	switch t.Kind() {
	case reflect.String:
		return &Type{Go: t, Shape: String, Format: formats[t]}
	case reflect.Int:
		return &Type{Go: t, Shape: Int}
	case reflect.Float64:
		return &Type{Go: t, Shape: Number}
	case reflect.Slice:
		return &Type{Go: t, Shape: List, Elem: Of(t.Elem())}
	case reflect.Struct:
		return &Type{Go: t, Shape: Struct, Fields: fields(t)}
	}
	panic(fmt.Sprintf("schema: unsupported type %v", t))
}

func fields(t reflect.Type) []Field {
	var out []Field
	for i := range t.NumField() {
		sf := t.Field(i)
		name := strings.Split(sf.Tag.Get("yaml"), ",")[0]
		if name == "" || name == "-" {
			continue
		}
		f := Field{Name: name, Index: i, Type: Of(sf.Type), Doc: sf.Tag.Get("doc"), Example: sf.Tag.Get("example")}
		applyRules(&f, sf.Tag.Get("check"))
		out = append(out, f)
	}
	return out
}

func applyRules(f *Field, tag string) {
	for rule := range strings.SplitSeq(tag, ",") {
		key, val, _ := strings.Cut(rule, "=")
		switch key {
		case "":
		case "required":
			f.Required = true
		case "ref":
			f.Ref = val
		case "enum":
			f.Enum = strings.Split(val, "|")
		case "min":
			n, err := strconv.Atoi(val)
			if err != nil {
				panic(fmt.Sprintf("schema: field %s: bad min %q", f.Name, val))
			}
			f.Min = n
		default:
			panic(fmt.Sprintf("schema: field %s: unknown rule %q", f.Name, key))
		}
	}
}
