package jsonschema_test

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

// refSchemas holds the lists of record IDs that "$ref" names, by path
// ("refs/boards.json"). A reference not in it passes: whether a record
// exists is check's business, not the loader's.
type refSchemas map[string]map[string]any

// validate checks v against the JSON Schema s and returns what is wrong,
// one problem a line, or nothing. It knows exactly the keywords package
// jsonschema emits; any other keyword is reported as a problem, so that the
// generator cannot start relying on a keyword this test does not check.
func validate(s map[string]any, v any, path string) []string {
	return refSchemas(nil).validate(s, v, path)
}

func (refs refSchemas) validate(s map[string]any, v any, path string) []string {
	var problems []string
	bad := func(format string, args ...any) {
		problems = append(problems, orRoot(path)+": "+fmt.Sprintf(format, args...))
	}
	for _, key := range sortedKeys(s) {
		switch key {
		case "$schema", "$comment", "title", "description", "examples", "patternErrorMessage", "errorMessage", "enumDescriptions":
			// annotations
		case "type", "enum", "pattern", "minimum", "maximum", "minItems", "items", "required", "properties", "additionalProperties",
			"if", "then", "else", "anyOf", "$ref":
		default:
			bad("unsupported keyword %q", key)
		}
	}
	if ref, ok := s["$ref"].(string); ok {
		if r, ok := refs[ref]; ok {
			problems = append(problems, refs.validate(r, v, path)...)
		}
	}
	if alts, ok := s["anyOf"].([]any); ok && !slices.ContainsFunc(alts, func(a any) bool { return len(refs.validate(a.(map[string]any), v, path)) == 0 }) {
		bad("anyOf: no alternative matches")
	}
	if cond, ok := s["if"].(map[string]any); ok {
		branch := "else"
		if len(refs.validate(cond, v, path)) == 0 {
			branch = "then"
		}
		if b, ok := s[branch].(map[string]any); ok {
			problems = append(problems, refs.validate(b, v, path)...)
		}
	}
	if t, ok := s["type"]; ok && !hasType(t, v) {
		bad("type: want %v, got %s", t, jsonType(v))
		return problems // as the other keywords would only add noise
	}
	if enum, ok := s["enum"].([]any); ok && !slices.ContainsFunc(enum, func(e any) bool { return equal(e, v) }) {
		bad("enum: %v is not one of %v", v, enum)
	}
	if str, ok := v.(string); ok {
		if p, ok := s["pattern"].(string); ok && !compiled(p).MatchString(str) {
			bad("pattern: %q does not match %s", str, p)
		}
	}
	if n, ok := number(v); ok {
		if m, ok := s["minimum"].(float64); ok && n < m {
			bad("minimum: %v < %v", n, m)
		}
		if m, ok := s["maximum"].(float64); ok && n > m {
			bad("maximum: %v > %v", n, m)
		}
	}
	if list, ok := v.([]any); ok {
		if m, ok := s["minItems"].(float64); ok && float64(len(list)) < m {
			bad("minItems: %d < %v", len(list), m)
		}
		if items, ok := s["items"].(map[string]any); ok {
			for i, item := range list {
				problems = append(problems, refs.validate(items, item, fmt.Sprintf("%s[%d]", path, i))...)
			}
		}
	}
	if obj, ok := v.(map[string]any); ok {
		if req, ok := s["required"].([]any); ok {
			for _, r := range req {
				if _, ok := obj[r.(string)]; !ok {
					bad("required: missing %q", r)
				}
			}
		}
		props, _ := s["properties"].(map[string]any)
		for _, key := range sortedKeys(obj) {
			if ps, ok := props[key].(map[string]any); ok {
				problems = append(problems, refs.validate(ps, obj[key], join(path, key))...)
				continue
			}
			switch ap := s["additionalProperties"].(type) {
			case nil:
			case bool:
				if !ap {
					bad("additionalProperties: %q is not allowed", key)
				}
			default:
				bad("unsupported additionalProperties %v", ap)
			}
		}
	}
	return problems
}

var regexps sync.Map // pattern -> *regexp.Regexp

func compiled(pattern string) *regexp.Regexp {
	if re, ok := regexps.Load(pattern); ok {
		return re.(*regexp.Regexp)
	}
	re := regexp.MustCompile(pattern)
	regexps.Store(pattern, re)
	return re
}

func orRoot(path string) string {
	if path == "" {
		return "(root)"
	}
	return path
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func hasType(t, v any) bool {
	switch t := t.(type) {
	case string:
		return isType(t, v)
	case []any:
		return slices.ContainsFunc(t, func(name any) bool { return isType(name.(string), v) })
	}
	panic(fmt.Sprintf("bad type keyword %v", t))
}

func isType(name string, v any) bool {
	switch name {
	case "integer":
		n, ok := number(v)
		return ok && n == math.Trunc(n) && !math.IsInf(n, 0)
	case "number":
		_, ok := number(v)
		return ok
	}
	return jsonType(v) == name
}

func jsonType(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case string:
		return "string"
	case int64, float64:
		return "number"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	panic(fmt.Sprintf("not a JSON value: %T", v))
}

func number(v any) (float64, bool) {
	switch n := v.(type) {
	case int64:
		return float64(n), true
	case float64:
		return n, true
	}
	return 0, false
}

func equal(a, b any) bool {
	na, oka := number(a)
	nb, okb := number(b)
	if oka || okb {
		return oka && okb && na == nb
	}
	return a == b
}

// toJSON turns a YAML node into the JSON value a YAML language server sees
// (YAML 1.2 core schema): a date is a string, not a timestamp.
func toJSON(n *yaml.Node) any {
	switch n.Kind {
	case yaml.DocumentNode:
		return toJSON(n.Content[0])
	case yaml.AliasNode:
		return toJSON(n.Alias)
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = toJSON(n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		l := make([]any, len(n.Content))
		for i, c := range n.Content {
			l[i] = toJSON(c)
		}
		return l
	}
	switch n.Tag {
	case "!!null":
		return nil
	case "!!bool":
		var b bool
		if err := n.Decode(&b); err != nil {
			panic(err)
		}
		return b
	case "!!int":
		if i, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64); err == nil {
			return i
		}
		var f float64
		if err := n.Decode(&f); err != nil {
			panic(err)
		}
		return f
	case "!!float":
		var f float64
		if err := n.Decode(&f); err != nil {
			panic(err)
		}
		return f
	}
	return n.Value
}
