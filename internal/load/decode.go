package load

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/licensure/licensure/internal/diag"
	"github.com/licensure/licensure/internal/schema"
	"github.com/licensure/licensure/internal/suggest"
)

// decoder walks a YAML node tree along a schema type, filling a Go value
// and recording every problem at the position of the node that has it.
// A worker reuses one decoder for all its files.
type decoder struct {
	file  string
	lines []string // the source, for positions inside prose
	diags *diag.List
	pos   []fieldPos
	enc   []byte
	paths *pathList
	refs  []Ref
}

// decoder returns the worker's decoder, ready for a file whose lines the
// worker holds.
func (w *worker) decoder(file string, diags *diag.List) *decoder {
	d := &w.dec
	d.file, d.lines, d.diags, d.paths = file, w.lines, diags, &w.paths
	d.pos, d.refs = d.pos[:0], d.refs[:0]
	return d
}

// positions returns a copy of the positions recorded, in keep.
func (d *decoder) positions(keep *blocks) Positions {
	d.enc = appendPositions(d.enc[:0], d.pos)
	return keep.takePositions(d.enc, d.paths)
}

// takeRefs returns a copy of the references recorded, in keep, or nil if
// none.
func (d *decoder) takeRefs(keep *blocks) []Ref {
	refs := keep.takeRefs(d.refs)
	clear(d.refs)
	return refs
}

// pathNode is a field path such as "sources[0].url", made once per worker
// and shared by every record that has the field, with its children by
// schema field index and by list index.
type pathNode struct {
	path   string
	id     int // in list
	list   *pathList
	fields []*pathNode
	items  []*pathNode
}

func (n *pathNode) child(path string) *pathNode {
	return &pathNode{path: path, id: n.list.add(path), list: n.list}
}

// maxCachedItems bounds the list indices a worker keeps paths for.
const maxCachedItems = 256

func (n *pathNode) field(i int, t *schema.Type) *pathNode {
	if n.fields == nil {
		n.fields = make([]*pathNode, len(t.Fields))
	}
	c := n.fields[i]
	if c == nil {
		c = n.child(join(n.path, t.Fields[i].Name))
		n.fields[i] = c
	}
	return c
}

func (n *pathNode) item(i int) *pathNode {
	if i >= maxCachedItems {
		// Uncached, but numbered once per worker.
		path := n.path + "[" + strconv.Itoa(i) + "]"
		if n.list.extra == nil {
			n.list.extra = map[string]int{}
		}
		id, ok := n.list.extra[path]
		if !ok {
			id = n.list.add(path)
			n.list.extra[path] = id
		}
		return &pathNode{path: path, id: id, list: n.list}
	}
	if i >= len(n.items) {
		n.items = append(n.items, make([]*pathNode, i+1-len(n.items))...)
	}
	c := n.items[i]
	if c == nil {
		c = n.child(n.path + "[" + strconv.Itoa(i) + "]")
		n.items[i] = c
	}
	return c
}

func at(n *yaml.Node) diag.Pos { return diag.Pos{Line: n.Line, Col: n.Column} }

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	d.diags.Errorf(d.file, at(n), format, args...)
}

func (d *decoder) addPos(p *pathNode, n *yaml.Node) {
	d.pos = append(d.pos, fieldPos{path: p, line: int32(n.Line), col: int32(n.Column)})
}

// value decodes n into v, which has schema type t, at path p.
func (d *decoder) value(n *yaml.Node, v reflect.Value, t *schema.Type, p *pathNode) {
	switch t.Shape {
	case schema.Struct:
		d.mapping(n, v, t, p)
	case schema.List:
		d.list(n, v, t, p)
	case schema.Int:
		d.integer(n, v, p.path)
	case schema.Number:
		d.number(n, v, p.path)
	case schema.String:
		if n.Kind != yaml.ScalarNode {
			d.errorf(n, "%s: expected a string, found %s", p.path, describe(n))
			return
		}
		v.SetString(n.Value)
	}
}

// smallMapping is the number of keys up to which duplicates are found by
// comparing each key with the ones before it rather than with a map.
const smallMapping = 32

func (d *decoder) mapping(n *yaml.Node, v reflect.Value, t *schema.Type, p *pathNode) {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "%s: expected a mapping, found %s", orRecord(p.path), describe(n))
		return
	}
	var seen map[string]int // the keys of a large mapping, by index
	if len(n.Content) > 2*smallMapping {
		seen = make(map[string]int, len(n.Content)/2)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i], n.Content[i+1]
		if first := firstKey(n, i, key.Value, seen); first < i {
			d.errorf(key, "duplicate key %s (first set on line %d)", diag.Excerpt(key.Value), n.Content[first].Line)
			continue
		}
		if seen != nil {
			seen[key.Value] = i
		}
		fi := fieldIndex(t, key.Value)
		if fi < 0 {
			d.unknownField(key, t, p.path)
			continue
		}
		if !isNull(val) {
			d.field(val, v.Field(t.Fields[fi].Index), &t.Fields[fi], p.field(fi, t))
		}
	}
	d.requireFields(n, t, p.path, seen)
}

// firstKey returns the index in n.Content of the first key named name
// among the first end entries, or end if there is none. Of a large
// mapping it looks the keys up in seen, which holds those before end.
func firstKey(n *yaml.Node, end int, name string, seen map[string]int) int {
	if seen != nil {
		if i, ok := seen[name]; ok && i < end {
			return i
		}
		return end
	}
	for i := 0; i < end; i += 2 {
		if n.Content[i].Value == name {
			return i
		}
	}
	return end
}

// fieldIndex returns the index in t.Fields of the field whose YAML key is
// name, or -1.
func fieldIndex(t *schema.Type, name string) int {
	for i := range t.Fields {
		if t.Fields[i].Name == name {
			return i
		}
	}
	return -1
}

func (d *decoder) unknownField(key *yaml.Node, t *schema.Type, path string) {
	names := make([]string, len(t.Fields))
	for i, f := range t.Fields {
		names[i] = f.Name
	}
	msg := fmt.Sprintf("unknown field %s", diag.Excerpt(join(path, key.Value)))
	if best := suggest.Closest(key.Value, names); best != "" {
		d.diags.Add(diag.Diagnostic{File: d.file, Pos: at(key), Message: msg, Hint: fmt.Sprintf("did you mean %q?", best)})
		return
	}
	d.diags.Errorf(d.file, at(key), "%s", msg)
}

func (d *decoder) requireFields(n *yaml.Node, t *schema.Type, path string, seen map[string]int) {
	for i := range t.Fields {
		f := &t.Fields[i]
		if !f.Required {
			continue
		}
		k := firstKey(n, len(n.Content)&^1, f.Name, seen)
		switch {
		case k >= len(n.Content)&^1:
			d.errorf(n, "missing required field %q", join(path, f.Name))
		case isNull(n.Content[k+1]):
			d.errorf(n.Content[k], "required field %q has no value", join(path, f.Name))
		}
	}
}

// field decodes the value of a mapping key and applies the field's rules.
func (d *decoder) field(n *yaml.Node, v reflect.Value, f *schema.Field, p *pathNode) {
	d.addPos(p, n)
	d.value(n, v, f.Type, p)
	switch f.Type.Shape {
	case schema.List:
		if n.Kind == yaml.SequenceNode && len(n.Content) < f.Min {
			d.errorf(n, "%s: needs at least %d item(s)", p.path, f.Min)
		}
		if f.Type.Elem.Shape == schema.String && n.Kind == yaml.SequenceNode {
			for i, item := range n.Content {
				d.scalarRules(item, f, f.Type.Elem.Format, p.item(i).path)
			}
		}
	case schema.String:
		d.scalarRules(n, f, f.Type.Format, p.path)
	}
}

func (d *decoder) scalarRules(n *yaml.Node, f *schema.Field, format schema.Format, path string) {
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
		if problem, _ := markdownProblem(n.Value); problem != "" {
			d.errorf(n, "%s: %s", path, problem)
			return // the links of a text too large are not looked for
		}
		d.refs = appendLinkRefs(d.refs, n.Value, d.lines, n.Line, path, d.bad)
	}
}

// bad reports a problem with a hint at pos.
func (d *decoder) bad(pos diag.Pos, msg, hint string) {
	d.diags.Add(diag.Diagnostic{File: d.file, Pos: pos, Message: msg, Hint: hint})
}

func (d *decoder) list(n *yaml.Node, v reflect.Value, t *schema.Type, p *pathNode) {
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, "%s: expected a list, found %s", p.path, describe(n))
		return
	}
	if len(n.Content) == 0 {
		v.Set(reflect.MakeSlice(t.Go, 0, 0)) // empty, not nil
		return
	}
	// Grow v in place, which saves MakeSlice's second allocation.
	if v.Cap() > 0 {
		v.SetZero()
	}
	v.Grow(len(n.Content))
	v.SetLen(len(n.Content))
	for i, item := range n.Content {
		ip := p.item(i)
		d.addPos(ip, item)
		if isNull(item) {
			d.errorf(item, "%s: empty list item", ip.path)
			continue
		}
		d.value(item, v.Index(i), t.Elem, ip)
	}
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

// maxNumber bounds the numbers a record may hold: amounts in dollars, far
// above any fee, and exactly representable in cents.
const maxNumber = 1e9

func (d *decoder) number(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.ScalarNode || (n.Tag != "!!int" && n.Tag != "!!float") {
		d.errorf(n, "%s: expected a number, found %s", path, describe(n))
		return
	}
	f, err := strconv.ParseFloat(n.Value, 64)
	if err != nil || math.IsNaN(f) || f < 0 || f > maxNumber {
		d.errorf(n, "%s: number %s out of range (0 to %d)", path, n.Value, int(maxNumber))
		return
	}
	if _, frac, ok := strings.Cut(n.Value, "."); ok && len(frac) > 2 {
		d.errorf(n, "%s: %s has more than two decimal places", path, n.Value)
		return
	}
	v.SetFloat(f)
}

func isNull(n *yaml.Node) bool {
	return n == nil || (n.Kind == yaml.ScalarNode && n.Tag == "!!null")
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
		return "the number " + strings.Trim(diag.Excerpt(n.Value), `"`)
	case "!!bool":
		return "the boolean " + n.Value
	}
	return diag.Excerpt(n.Value)
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
