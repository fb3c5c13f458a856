package load

import (
	"strings"

	"github.com/licensure/licensure/internal/diag"
	"github.com/licensure/licensure/internal/model"
)

// linkRefs finds the record links in text, whose source starts at line
// fromLine (1-based) of lines: Markdown link destinations that name a
// record, as in [text](board:oh-state-medical-board).
func linkRefs(text string, lines []string, fromLine int, field string) []Ref {
	return appendLinkRefs(nil, text, lines, fromLine, field)
}

// appendLinkRefs appends the record links in text to refs, each at its
// position in the file. Scalars lose their line structure when YAML folds
// them, so positions come from the source text, searched from fromLine on.
//
// A link is what the regular expression \]\(\s*<?([a-z]+):([^)\s>]*) matches:
// "](", optional white space and "<", a lower-case scheme, a colon, and the
// ID up to a ")", ">" or white space.
func appendLinkRefs(refs []Ref, text string, lines []string, fromLine int, field string) []Ref {
	cursor := diag.Pos{Line: fromLine, Col: 1}
	for i := 0; ; {
		j := strings.Index(text[i:], "](")
		if j < 0 {
			return refs
		}
		start := i + j
		k := start + 2
		for k < len(text) && isSpace(text[k]) {
			k++
		}
		if k < len(text) && text[k] == '<' {
			k++
		}
		name := k
		for k < len(text) && text[k] >= 'a' && text[k] <= 'z' {
			k++
		}
		if k == name || k == len(text) || text[k] != ':' {
			i = start + 1
			continue
		}
		scheme := text[name:k]
		k++
		id := k
		for k < len(text) && text[k] != ')' && text[k] != '>' && !isSpace(text[k]) {
			k++
		}
		i = k
		kind, ok := model.KindNamed(scheme)
		if !ok || kind.Singular != scheme {
			continue // an ordinary URL scheme such as https
		}
		cursor = locate(lines, cursor, text[name:k])
		refs = append(refs, Ref{Kind: kind.Name, ID: text[id:k], Field: field, Pos: cursor, Link: true})
	}
}

// isSpace is \s of regular expressions.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
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
