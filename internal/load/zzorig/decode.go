package zzorig

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"

	"gopkg.in/yaml.v3"

	"github.com/licensure/licensure/internal/diag"
	"github.com/licensure/licensure/internal/schema"
	"github.com/licensure/licensure/internal/suggest"
)

// decoder walks a YAML node tree along a schema type, filling a Go value
// and recording every problem at the position of the node that has it.
type decoder struct {
	file  string
	lines []string // the source, for positions inside prose
	diags *diag.List
	pos   map[string]diag.Pos
	refs  []Ref
}

func newDecoder(file string, lines []string, diags *diag.List) *decoder {
	return &decoder{file: file, lines: lines, diags: diags, pos: map[string]diag.Pos{}}
}

func at(n *yaml.Node) diag.Pos { return diag.Pos{Line: n.Line, Col: n.Column} }

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	d.diags.Errorf(d.file, at(n), format, args...)
}

// value decodes n into v, which has schema type t.
func (d *decoder) value(n *yaml.Node, v reflect.Value, t *schema.Type, path string) {
	switch t.Shape {
	case schema.Struct:
		d.mapping(n, v, t, path)
	case schema.List:
		d.list(n, v, t, path)
	case schema.Int:
		d.integer(n, v, path)
	case schema.String:
		if n.Kind != yaml.ScalarNode {
			d.errorf(n, "%s: expected a string, found %s", path, describe(n))
			return
		}
		v.SetString(n.Value)
	}
}

func (d *decoder) mapping(n *yaml.Node, v reflect.Value, t *schema.Type, path string) {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "%s: expected a mapping, found %s", orRecord(path), describe(n))
		return
	}
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i], n.Content[i+1]
		if first, dup := seen[key.Value]; dup {
			d.errorf(key, "duplicate key %q (first set on line %d)", key.Value, first.Line)
			continue
		}
		seen[key.Value] = key
		f, ok := t.Field(key.Value)
		if !ok {
			d.unknownField(key, t, path)
			continue
		}
		if !isNull(val) {
			d.field(val, v.Field(f.Index), f, join(path, f.Name))
		}
	}
	d.requireFields(n, t, seen, path)
}

func (d *decoder) unknownField(key *yaml.Node, t *schema.Type, path string) {
	names := make([]string, len(t.Fields))
	for i, f := range t.Fields {
		names[i] = f.Name
	}
	msg := fmt.Sprintf("unknown field %q", join(path, key.Value))
	if best := suggest.Closest(key.Value, names); best != "" {
		d.diags.Add(diag.Diagnostic{File: d.file, Pos: at(key), Message: msg, Hint: fmt.Sprintf("did you mean %q?", best)})
		return
	}
	d.diags.Errorf(d.file, at(key), "%s", msg)
}

func (d *decoder) requireFields(n *yaml.Node, t *schema.Type, seen map[string]*yaml.Node, path string) {
	for _, f := range t.Fields {
		if !f.Required {
			continue
		}
		key, ok := seen[f.Name]
		switch {
		case !ok:
			d.errorf(n, "missing required field %q", join(path, f.Name))
		case isNull(valueOf(n, key)):
			d.errorf(key, "required field %q has no value", join(path, f.Name))
		}
	}
}

// field decodes the value of a mapping key and applies the field's rules.
func (d *decoder) field(n *yaml.Node, v reflect.Value, f schema.Field, path string) {
	d.pos[path] = at(n)
	d.value(n, v, f.Type, path)
	switch f.Type.Shape {
	case schema.List:
		if n.Kind == yaml.SequenceNode && len(n.Content) < f.Min {
			d.errorf(n, "%s: needs at least %d item(s)", path, f.Min)
		}
		if f.Type.Elem.Shape == schema.String && n.Kind == yaml.SequenceNode {
			for i, item := range n.Content {
				d.scalarRules(item, f, f.Type.Elem.Format, fmt.Sprintf("%s[%d]", path, i))
			}
		}
	case schema.String:
		d.scalarRules(n, f, f.Type.Format, path)
	}
}

func (d *decoder) scalarRules(n *yaml.Node, f schema.Field, format schema.Format, path string) {
	if n.Kind != yaml.ScalarNode {
		return
	}
	if problem := checkFormat(format, n.Value); problem != "" {
		d.errorf(n, "%s: %s", path, problem)
		return // a malformed reference need not also be reported as unknown
	}
	if f.Enum != nil {
		if problem := checkEnum(f.Enum, n.Value); problem != "" {
			d.errorf(n, "%s: %s", path, problem)
		}
	}
	if f.Ref != "" {
		d.refs = append(d.refs, Ref{Kind: f.Ref, ID: n.Value, Field: path, Pos: at(n)})
	}
	if format == schema.Markdown {
		d.refs = append(d.refs, proseRefs(n, d.lines, path)...)
	}
}

func (d *decoder) list(n *yaml.Node, v reflect.Value, t *schema.Type, path string) {
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, "%s: expected a list, found %s", path, describe(n))
		return
	}
	out := reflect.MakeSlice(t.Go, len(n.Content), len(n.Content))
	for i, item := range n.Content {
		p := fmt.Sprintf("%s[%d]", path, i)
		d.pos[p] = at(item)
		if isNull(item) {
			d.errorf(item, "%s: empty list item", p)
			continue
		}
		d.value(item, out.Index(i), t.Elem, p)
	}
	v.Set(out)
}

func (d *decoder) integer(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!int" {
		d.errorf(n, "%s: expected a whole number, found %s", path, describe(n))
		return
	}
	i, err := strconv.ParseInt(n.Value, 0, 64)
	if err != nil || i < 0 || i > 1<<31 {
		d.errorf(n, "%s: number %s out of range", path, n.Value)
		return
	}
	v.SetInt(i)
}

func isNull(n *yaml.Node) bool {
	return n == nil || (n.Kind == yaml.ScalarNode && n.Tag == "!!null")
}

// valueOf returns the value node that follows key in mapping n.
func valueOf(n, key *yaml.Node) *yaml.Node {
	i := slices.Index(n.Content, key)
	if i < 0 || i+1 >= len(n.Content) {
		return nil
	}
	return n.Content[i+1]
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	switch n.Tag {
	case "!!int", "!!float":
		return "the number " + n.Value
	case "!!bool":
		return "the boolean " + n.Value
	}
	return strconv.Quote(n.Value)
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

func orRecord(path string) string {
	if path == "" {
		return "record"
	}
	return path
}
