package zzorig

import (
	"gopkg.in/yaml.v3"

	"github.com/licensure/licensure/internal/diag"
)

// Limits on a record's shape: far above any real record, low enough that
// a hostile file cannot make the loader do much work.
const (
	MaxDepth = 32     // nesting of mappings and lists
	MaxNodes = 50_000 // values of every kind in one file
)

// checkShape rejects documents nested too deep, too large, or using YAML
// aliases, which content never needs and which can multiply a small file
// into a huge value. It reports the first offending node.
func checkShape(file string, root *yaml.Node, diags *diag.List) bool {
	type item struct {
		n     *yaml.Node
		depth int
	}
	stack := []item{{root, 1}}
	nodes := 0
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		nodes++
		switch {
		case it.n.Kind == yaml.AliasNode:
			diags.Errorf(file, at(it.n), "YAML aliases are not allowed in content")
			return false
		case it.depth > MaxDepth:
			diags.Errorf(file, at(it.n), "values nested more than %d levels deep", MaxDepth)
			return false
		case nodes > MaxNodes:
			diags.Errorf(file, at(it.n), "more than %d values in one file", MaxNodes)
			return false
		}
		for i := len(it.n.Content) - 1; i >= 0; i-- { // so that pops go in document order
			stack = append(stack, item{it.n.Content[i], it.depth + 1})
		}
	}
	return true
}
