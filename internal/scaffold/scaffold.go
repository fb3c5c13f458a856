// Package scaffold writes YAML for a kind of content file from its schema,
// by reflection through package schema, so that what an editor starts from
// always matches what the loader accepts.
//
// The contract:
//
//   - Template is the file `licensure new` writes: the yaml-language-server
//     line naming the kind's JSON Schema in the repository, then every required
//     field with no value, each under a comment from its `doc` tag and its
//     rules (required, allowed values, format, example). Optional fields
//     follow commented out, with their own fields, except the aliases of
//     old URL paths, which a new record cannot have. A required list of
//     mappings gets one item to fill in. Every required value is empty
//     (YAML null), so `licensure check` fails on the file, naming each
//     field, until an editor fills it in; only the state and specialty
//     given in Options are filled.
//   - Example is a whole record with every field set from its `example`
//     tag (Markdown prose, which has none, shows its `doc`): it loads
//     without a structural error and validates against the JSON Schema.
//   - ValidID says whether a file name can be a record's ID, as the loader
//     decides it.
//
// Output is deterministic: fields come in declaration order.
package scaffold

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/licensure/licensure/internal/jsonschema"
	"github.com/licensure/licensure/internal/model"
	"github.com/licensure/licensure/internal/schema"
)

// Options fill in fields of a new record.
type Options struct {
	State     string // the record's state code, such as OH
	Specialty string // the ID of the specialty it concerns
}

// ErrOption means an option was given for a kind that has no such field.
var ErrOption = errors.New("does not apply")

// Header is the first line of every record file: it names the kind's JSON
// Schema for the editor's YAML language server, by a path relative to the
// file (jsonschema.Header).
func Header(k model.Kind) string {
	line, _ := jsonschema.Header("content/" + k.Name + "/" + k.Singular + ".yaml")
	return line
}

// Template returns a new record of kind k with every required field empty
// and the optional ones commented out. It fails with ErrOption when opts
// sets a field the kind does not have.
func Template(k model.Kind, opts Options) ([]byte, error) {
	t := schema.Of(k.Type)
	fill := map[string]string{}
	for _, o := range []struct{ ref, value, flag string }{{"states", opts.State, "--state"}, {"specialties", opts.Specialty, "--specialty"}} {
		if o.value == "" {
			continue
		}
		f, ok := refField(t, o.ref)
		if !ok {
			return nil, fmt.Errorf("%s %w: %s have no %s field", o.flag, ErrOption, k.Name, k2s(o.ref))
		}
		fill[f.Name] = scalar(o.value)
		if f.Type.Shape == schema.List {
			fill[f.Name] = "[" + fill[f.Name] + "]"
		}
	}
	var b strings.Builder
	b.WriteString(Header(k))
	b.WriteString("#\n")
	for _, l := range wrap(fmt.Sprintf("A new %s. Fill in every empty field, uncomment the optional fields a source supports and delete the others, then run licensure check.", k.Singular)) {
		b.WriteString("# " + l + "\n")
	}
	g := &generator{fill: fill}
	for _, f := range t.Fields {
		if skipInNew(f) {
			continue
		}
		b.WriteByte('\n')
		writeLines(&b, g.field(f, !f.Required, 0))
	}
	return []byte(b.String()), nil
}

// k2s is the singular of a plural kind name: "states" -> "state".
func k2s(plural string) string {
	k, _ := model.KindNamed(plural)
	return k.Singular
}

// refField returns the top-level field that names records of kind ref:
// a string or a list of strings.
func refField(t *schema.Type, ref string) (schema.Field, bool) {
	for _, f := range t.Fields {
		if f.Ref == ref && (f.Type.Shape == schema.String || f.Type.Shape == schema.List && f.Type.Elem.Shape == schema.String) {
			return f, true
		}
	}
	return schema.Field{}, false
}

// skipInNew leaves out the fields a new record cannot use: old URL paths.
func skipInNew(f schema.Field) bool {
	return f.Type.Shape == schema.List && f.Type.Elem.Format == schema.Path
}

// Example returns a whole record of model type t, every field set from its
// example, without the header line.
func Example(t reflect.Type) []byte {
	var b strings.Builder
	g := &generator{example: true}
	for _, f := range schema.Of(t).Fields {
		writeLines(&b, g.field(f, false, 0))
	}
	return []byte(b.String())
}

func writeLines(b *strings.Builder, lines []string) {
	for _, l := range lines {
		b.WriteString(strings.TrimRight(l, " ") + "\n")
	}
}

// generator writes fields either as a template (comments, empty values)
// or as an example (values, no comments).
type generator struct {
	example bool
	fill    map[string]string // top-level values of a template
}

// field returns the lines of one field, which its caller indents to column
// col; commented puts "# " before each of them. Inside a commented field
// nothing is commented again.
func (g *generator) field(f schema.Field, commented bool, col int) []string {
	var lines []string
	top := col == 0
	if commented {
		col += 2
	}
	if !g.example {
		for _, l := range wrapAt(f.Doc+" "+rules(f), max(lineWidth-col-2, 40)) {
			lines = append(lines, "# "+l)
		}
		if f.Example != "" {
			lines = append(lines, "# Example: "+f.Example)
		}
	}
	key := f.Name + ":"
	switch {
	case f.Type.Shape == schema.Struct:
		lines = append(lines, key)
		lines = append(lines, indent("  ", g.fields(f.Type, commented, col+2))...)
	case f.Type.Shape == schema.List && f.Type.Elem.Shape == schema.Struct:
		lines = append(lines, key)
		item := g.fields(f.Type.Elem, commented, col+4)
		for i, l := range item {
			if i == 0 {
				item[i] = "  - " + l
			} else {
				item[i] = "    " + l
			}
		}
		lines = append(lines, item...)
	default:
		v := g.value(f, top)
		if v != "" {
			key += " " + v
		}
		lines = append(lines, strings.Split(key, "\n")...)
	}
	if commented {
		for i, l := range lines {
			lines[i] = "# " + l
		}
	}
	return lines
}

// fields returns the lines of a mapping's fields; in a template, optional
// ones are commented out unless the mapping already is.
func (g *generator) fields(t *schema.Type, commented bool, col int) []string {
	var lines []string
	for _, f := range t.Fields {
		lines = append(lines, g.field(f, !g.example && !commented && !f.Required, col)...)
	}
	return lines
}

// value is a scalar field's value as written after its key, or "". A
// template fills in only top-level fields.
func (g *generator) value(f schema.Field, top bool) string {
	if !g.example {
		if top {
			return g.fill[f.Name]
		}
		return ""
	}
	if f.Example != "" {
		if f.Type.Shape == schema.String {
			return scalar(f.Example)
		}
		return f.Example // a YAML list or number, as the model writes it
	}
	switch {
	case f.Type.Shape == schema.Int:
		return "0"
	case f.Type.Shape == schema.List:
		return "[" + scalar(f.Doc) + "]"
	case f.Type.Format == schema.Markdown:
		return "|\n  " + strings.Join(wrap(f.Doc), "\n  ")
	case f.Enum != nil:
		return f.Enum[0]
	}
	return scalar(f.Doc)
}

// rules sums up a field's rules in a sentence or two.
func rules(f schema.Field) string {
	var s []string
	switch {
	case f.Required && f.Min > 0:
		s = append(s, fmt.Sprintf("Required, at least %d.", f.Min))
	case f.Required:
		s = append(s, "Required.")
	case f.Min > 0:
		s = append(s, fmt.Sprintf("At least %d.", f.Min))
	}
	if f.Enum != nil {
		s = append(s, "One of: "+strings.Join(f.Enum, ", ")+".")
	} else if h := hint(f); h != "" {
		s = append(s, h)
	}
	return strings.Join(s, " ")
}

// hint says in a sentence what values a field takes, or "" for text and
// mappings, which need no saying.
func hint(f schema.Field) string {
	t := f.Type
	switch {
	case f.Ref == "states":
		if t.Shape == schema.List {
			return "Codes from content/states.yaml."
		}
		return "A code from content/states.yaml."
	case f.Ref != "" && t.Shape == schema.List:
		return "IDs of records in content/" + f.Ref + "/."
	case f.Ref != "":
		return "The ID of a record in content/" + f.Ref + "/."
	case t.Shape == schema.List && t.Elem.Shape == schema.Struct:
		return ""
	case t.Shape == schema.List:
		return "A " + schema.TypeName(f) + "."
	}
	switch t.Format {
	case schema.URL:
		return "An https:// or http:// URL."
	case schema.Date:
		return "A date, YYYY-MM-DD."
	case schema.Markdown:
		return "Markdown."
	case schema.StateCode:
		return "A two-letter state code."
	case schema.SOCCode:
		return "An O*NET-SOC code, NN-NNNN.NN."
	case schema.Path:
		return "A site path, such as /licenses/old-name/."
	}
	if t.Shape == schema.Int {
		return "A whole number."
	}
	return ""
}

func indent(prefix string, lines []string) []string {
	for i, l := range lines {
		lines[i] = prefix + l
	}
	return lines
}

// lineWidth is the width comments are wrapped to, "# " included.
const lineWidth = 78

// wrap breaks text into lines for a comment at column 0.
func wrap(text string) []string { return wrapAt(text, lineWidth-2) }

// wrapAt breaks text into lines of at most width characters, but never
// a word.
func wrapAt(text string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		if line != "" && len(line)+1+len(w) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// scalar writes s as a YAML scalar: plain when YAML reads it back as the
// same text, double-quoted otherwise.
func scalar(s string) string {
	var doc yaml.Node
	if yaml.Unmarshal([]byte("k: "+s), &doc) == nil && len(doc.Content) == 1 && len(doc.Content[0].Content) == 2 {
		v := doc.Content[0].Content[1]
		if v.Kind == yaml.ScalarNode && v.Style == 0 && v.Value == s && (v.Tag == "!!str" || v.Tag == "!!timestamp") {
			return s
		}
	}
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteString(`\` + string(r))
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

var (
	idPattern  = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	socPattern = regexp.MustCompile(`^\d{2}-\d{4}\.\d{2}$`)
)

// ValidID reports whether id can name a record of kind k: lower-case
// kebab case of at most 100 characters, or an O*NET-SOC code for
// occupations. The loader applies the same rule to file names; a test
// keeps the two in agreement.
func ValidID(k model.Kind, id string) bool {
	if k.Name == "occupations" {
		return socPattern.MatchString(id)
	}
	return len(id) <= 100 && idPattern.MatchString(id)
}

// IDHint says what a valid ID of kind k looks like.
func IDHint(k model.Kind) string {
	if k.Name == "occupations" {
		return "an occupation's ID is its O*NET-SOC code, such as 29-1126.00"
	}
	return "use lower-case letters, digits and single hyphens, such as oh-respiratory-care-professional"
}
