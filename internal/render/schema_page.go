package render

import (
	"fmt"
	"strings"
	"sync"

	"github.com/licensure/licensure/internal/jsonschema"
	"github.com/licensure/licensure/internal/model"
	"github.com/licensure/licensure/internal/resolve"
	"github.com/licensure/licensure/internal/scaffold"
	"github.com/licensure/licensure/internal/schema"
)

// SchemaPage is /schema/: the reference of every kind of content file,
// generated from the types of package model like the loader and the JSON
// Schemas published beside it.
type SchemaPage struct {
	*Data
	Kinds []SchemaKind
}

// SchemaKind is one kind of content file on the schema page.
type SchemaKind struct {
	Name        string         // "license": the section's anchor and the schema's file name
	Title       string         // "License"
	File        string         // the files it describes, "content/licenses/<id>.yaml"
	FrontMatter bool           // whether it describes the YAML front matter of File
	SchemaFile  string         // the static file of its JSON Schema: "schema/license.json"
	Fields      []SchemaField  // every key, nested ones after their parent
	Example     model.Markdown // a fenced YAML block: a whole record
}

// SchemaField is one key of a kind. Nested keys are written as paths, such
// as sources[].url; they are required only when their parent is given.
type SchemaField struct {
	Key      string // the YAML key or path
	Type     string // in words: "URL", "list of occupation IDs, at least 1"
	Required bool
	Doc      string // what the field means
	Example  string // a YAML value, or ""
}

// schemaPage adds /schema/.
func (p *pager) schemaPage() {
	m := resolve.Meta{Path: "/schema/"}
	p.add(m, "schema", func() any {
		b := p.base(m, "Content schema", "Every field of every kind of record this site is built from: its YAML key, type and meaning, whether it is required, and an example.")
		return &SchemaPage{Data: b, Kinds: schemaKinds()}
	})
}

// schemaKinds is computed once: it depends only on the Go types.
var schemaKinds = sync.OnceValue(func() []SchemaKind {
	var out []SchemaKind
	for _, k := range jsonschema.Kinds() {
		sk := SchemaKind{Name: k.Name, Title: k.Title, File: k.File, FrontMatter: k.FrontMatter, SchemaFile: "schema/" + k.Name + ".json"}
		sk.Fields = schemaFields(schema.Of(k.Type))
		example := string(scaffold.Example(k.Type))
		if k.FrontMatter {
			example = "---\n" + example + "---\n"
		} else {
			header, _ := jsonschema.Header(k.File)
			example = header + example
		}
		sk.Example = model.Markdown(fence(example, "yaml"))
		out = append(out, sk)
	}
	return out
})

// schemaFields lists every key of a kind, nested ones after their parent,
// with the values each may take.
func schemaFields(t *schema.Type) []SchemaField {
	var out []SchemaField
	for _, f := range schema.Flatten(t) {
		typ := schema.TypeName(f.Field)
		if f.Enum != nil {
			typ = "one of " + strings.Join(f.Enum, ", ")
			if f.Type.Shape == schema.List {
				typ = "list, each one of " + strings.Join(f.Enum, ", ")
			}
		}
		if f.Min > 0 {
			typ += fmt.Sprintf(", at least %d", f.Min)
		}
		out = append(out, SchemaField{Key: f.Path, Type: typ, Required: f.Required, Doc: f.Doc, Example: f.Example})
	}
	return out
}

// fence wraps code in a fenced Markdown block longer than any run of
// backquotes in it.
func fence(code, lang string) string {
	f := "```"
	for strings.Contains(code, f) {
		f += "`"
	}
	return f + lang + "\n" + code + f + "\n"
}
