package zzorig

import (
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/licensure/licensure/internal/diag"
	"github.com/licensure/licensure/internal/model"
)

// recordLink matches the destination of a Markdown link that names a
// record, as in [text](board:oh-state-medical-board).
var recordLink = regexp.MustCompile(`\]\(\s*<?([a-z]+):([^)\s>]*)`)

// proseRefs returns the record links in a Markdown value, each at its
// position in the file. Scalars lose their line structure when YAML folds
// them, so positions come from the source text, searched from the node on.
func proseRefs(n *yaml.Node, lines []string, field string) []Ref {
	return linkRefs(n.Value, lines, n.Line, field)
}

// linkRefs finds the record links in text, whose source starts at line
// fromLine (1-based) of lines.
func linkRefs(text string, lines []string, fromLine int, field string) []Ref {
	var refs []Ref
	cursor := diag.Pos{Line: fromLine, Col: 1}
	for _, m := range recordLink.FindAllStringSubmatch(text, -1) {
		kind, ok := model.KindNamed(m[1])
		if !ok || kind.Singular != m[1] {
			continue // an ordinary URL scheme such as https
		}
		cursor = locate(lines, cursor, m[1]+":"+m[2])
		refs = append(refs, Ref{Kind: kind.Name, ID: m[2], Field: field, Pos: cursor, Link: true})
	}
	return refs
}

// locate finds needle at or after from, so that repeated links get their
// own positions; it returns from when needle is not in the source.
func locate(lines []string, from diag.Pos, needle string) diag.Pos {
	for i := from.Line - 1; i >= 0 && i < len(lines); i++ {
		start := 0
		if i == from.Line-1 {
			start = min(from.Col, len(lines[i]))
		}
		if j := strings.Index(lines[i][start:], needle); j >= 0 {
			return diag.Pos{Line: i + 1, Col: start + j + 1}
		}
	}
	return from
}
