package jsonschema

import (
	"bytes"
	"cmp"
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/licensure/licensure/internal/load"
	"github.com/licensure/licensure/internal/model"
	"github.com/licensure/licensure/internal/schema"
)

// Dir is the folder, relative to a site root, that holds the generated
// schemas: the repository keeps them there, so that an editor opening any
// checkout validates against that checkout's schema, and the site
// publishes the folder as /schema/.
const Dir = "static/schema"

// headerPrefix starts the first line of every content file.
const headerPrefix = "# yaml-language-server: $schema="

// RefPath is the path of the list of the records of a kind, such as
// "boards", relative to the schemas that name it.
func RefPath(kind string) string { return "refs/" + kind + ".json" }

// Entry is a record that a reference may name: its ID (a state's code)
// and the title readers see.
type Entry struct{ ID, Title string }

// Header returns the first line of the content file at file, a slash
// path relative to the site root such as "content/licenses/x.yaml", with
// its final newline: it names the file's schema by a path relative to the
// file. ok is false for a file that takes no such line.
func Header(file string) (line string, ok bool) {
	name, ok := schemaOf(file)
	if !ok {
		return "", false
	}
	up := strings.Repeat("../", strings.Count(file, "/"))
	return headerPrefix + up + Dir + "/" + name + ".json\n", true
}

// schemaOf names the schema of the content file at file.
func schemaOf(file string) (string, bool) {
	rest, ok := strings.CutPrefix(file, "content/")
	if !ok || path.Ext(rest) != ".yaml" {
		return "", false
	}
	if dir := path.Dir(rest); dir != "." {
		k, ok := model.KindNamed(dir)
		if !ok || k.Name != dir || k.Name == model.StatesKind.Name {
			return "", false
		}
		return k.Singular, true
	}
	name := strings.TrimSuffix(rest, ".yaml")
	if _, ok := KindNamed(name); ok && name != "page" && !slices.ContainsFunc(model.Kinds, func(k model.Kind) bool { return k.Singular == name }) {
		return name, true
	}
	return "", false
}

// FixHeader returns src, the content file at file, with its first line
// made Header(file): a schema line is replaced and any other first line
// kept below it. changed is false when src already starts with it or the
// file takes no header.
func FixHeader(file string, src []byte) (out []byte, changed bool) {
	want, ok := Header(file)
	if !ok || bytes.HasPrefix(src, []byte(want)) {
		return src, false
	}
	rest := src
	if bytes.HasPrefix(src, []byte(headerPrefix)) {
		_, rest, _ = bytes.Cut(src, []byte("\n"))
	}
	return append([]byte(want), rest...), true
}

// RefKinds lists the kinds, by plural name, that some field of some
// schema names by reference, each with the format of its IDs, in
// model.Kinds order, states last. A new reference field, or a new kind,
// adds its list by itself.
func RefKinds() []RefKind {
	seen := map[string]*RefKind{}
	var walk func(t *schema.Type)
	walk = func(t *schema.Type) {
		for _, f := range t.Fields {
			elem := f.Type
			if elem.Shape == schema.List {
				elem = elem.Elem
			}
			if f.Ref != "" && seen[f.Ref] == nil {
				seen[f.Ref] = &RefKind{Format: elem.Format}
			}
			if f.Ref != "" && seen[f.Ref].Example == "" && f.Type.Shape == schema.String {
				seen[f.Ref].Example = f.Example
			}
			if elem.Shape == schema.Struct {
				walk(elem)
			}
		}
	}
	for _, k := range Kinds() {
		walk(schema.Of(k.Type))
	}
	var out []RefKind
	for _, k := range append(slices.Clone(model.Kinds), model.StatesKind) {
		if r, ok := seen[k.Name]; ok {
			r.Kind = k
			out = append(out, *r)
		}
	}
	return out
}

// RefKind is a kind that references name.
type RefKind struct {
	model.Kind
	Format  schema.Format // of its IDs: Plain for kebab case
	Example string        // an ID, from the example of a field that names one
}

// Entries lists, for each kind of RefKinds, its records in c, sorted by
// ID.
func Entries(c *load.Content) map[string][]Entry {
	out := map[string][]Entry{}
	for _, k := range RefKinds() {
		var list []Entry
		if k.Name == model.StatesKind.Name {
			for _, s := range c.States {
				list = append(list, Entry{string(s.Code), s.Name})
			}
		} else {
			for _, r := range c.Records[k.Name] {
				list = append(list, Entry{r.ID, r.Title()})
			}
		}
		slices.SortFunc(list, func(a, b Entry) int { return cmp.Compare(a.ID, b.ID) })
		out[k.Name] = slices.CompactFunc(list, func(a, b Entry) bool { return a.ID == b.ID })
	}
	return out
}

// Files returns every file of Dir, keyed by its path in it: the schema of
// each kind (All) and, for each kind of RefKinds, RefPath(kind) listing
// entries[kind].
func Files(entries map[string][]Entry) map[string][]byte {
	out := All()
	for _, k := range RefKinds() {
		out[RefPath(k.Name)] = encode(refs(k, entries[k.Name]))
	}
	return out
}

// idPattern is the loader's kebab case for record IDs.
const idPattern = `^[a-z0-9]+(-[a-z0-9]+)*$`

// refs is the schema of a reference to a record of kind k, one of
// entries: its IDs one a line and their titles one a line, so that adding
// a record adds two lines. It has no title or description, which would
// take the place of the field's own in an editor's hover.
func refs(k RefKind, entries []Entry) object {
	ids, titles := make(lines, len(entries)), make(lines, len(entries))
	for i, e := range entries {
		ids[i], titles[i] = e.ID, e.Title
	}
	pattern, message := FormatPattern(k.Format)
	if pattern == "" {
		pattern, message = idPattern, "want an ID in lower-case kebab case: letters, digits and single hyphens"
		if k.Example != "" {
			message += ", such as " + k.Example
		}
	}
	folder := "content/" + k.Name + "/"
	if k.Name == model.StatesKind.Name {
		folder = "content/states.yaml"
	}
	return object{
		{"$schema", Draft},
		{"$comment", fmt.Sprintf("The %s in %s, each with its title. Generated from the content by licensure schema; do not edit.", k.Name, folder)},
		{"type", "string"},
		{"pattern", pattern},
		{"patternErrorMessage", message},
		{"enum", ids},
		{"enumDescriptions", titles},
		{"errorMessage", fmt.Sprintf("unknown %s: %s has no such %s", k.Singular, folder, idWord(k))},
	}
}

func idWord(k RefKind) string {
	switch k.Format {
	case schema.StateCode:
		return "code"
	case schema.SOCCode:
		return "O*NET-SOC code"
	}
	return "ID"
}
