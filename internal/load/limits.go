package load

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
	nodes := 0
	return shapeOK(file, root, 1, &nodes, diags)
}

// shapeOK checks n and, depth first in document order, its descendants.
func shapeOK(file string, n *yaml.Node, depth int, nodes *int, diags *diag.List) bool {
	*nodes++
	switch {
	case n.Kind == yaml.AliasNode:
		diags.Errorf(file, at(n), "YAML aliases are not allowed in content")
		return false
	case depth > MaxDepth:
		diags.Errorf(file, at(n), "values nested more than %d levels deep", MaxDepth)
		return false
	case *nodes > MaxNodes:
		diags.Errorf(file, at(n), "more than %d values in one file", MaxNodes)
		return false
	}
	for _, c := range n.Content {
		if !shapeOK(file, c, depth+1, nodes, diags) {
			return false
		}
	}
	return true
}
