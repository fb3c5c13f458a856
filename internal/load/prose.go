package load

import (
	"fmt"
	"html"
	"strings"

	"github.com/licensure/licensure/internal/diag"
	"github.com/licensure/licensure/internal/markdown"
	"github.com/licensure/licensure/internal/model"
	"github.com/licensure/licensure/internal/suggest"
)

// linkRefs finds the record links in text, whose source starts at line
// fromLine (1-based) of lines, as appendLinkRefs does.
func linkRefs(text string, lines []string, fromLine int, field string, bad func(diag.Pos, string, string)) []Ref {
	return appendLinkRefs(nil, text, lines, fromLine, field, bad)
}

// appendLinkRefs appends the record links in text to refs, each at its
// position in the file, and calls bad with the position, message and hint
// of each link whose scheme the site refuses. Scalars lose their line
// structure when YAML folds them, so positions come from the source text,
// searched from fromLine on.
//
// It finds a link destination in each form Markdown has: after "](" (an
// inline link or image), after "]:" (a reference definition) and inside
// "<" and ">" (an autolink), with or without "<" and ">" around it; then
// it decodes HTML entities and sorts the destination with
// markdown.Policy, the renderer's own rule. It may find more than the
// renderer (a link inside code), never less: a record link the renderer
// would write has been checked here.
func appendLinkRefs(refs []Ref, text string, lines []string, fromLine int, field string, bad func(diag.Pos, string, string)) []Ref {
	cursor := diag.Pos{Line: fromLine, Col: 1}
	for i := 0; i < len(text); {
		j := strings.IndexAny(text[i:], "]<")
		if j < 0 {
			break
		}
		start, end, next := destination(text, i+j)
		i = next
		if start < 0 {
			continue
		}
		raw := text[start:end]
		what, kind, id := markdown.Policy(html.UnescapeString(raw))
		switch what {
		case markdown.Record:
			cursor = locate(lines, cursor, raw)
			k, _ := model.KindNamed(kind)
			refs = append(refs, Ref{Kind: k.Name, ID: id, Field: field, Pos: cursor, Link: true})
		case markdown.Refused:
			cursor = locate(lines, cursor, raw)
			msg, hint := refusedLink(html.UnescapeString(raw))
			bad(cursor, field+": "+msg, hint)
		}
	}
	return refs
}

// destination returns where the link destination that may follow text[at]
// (a "]" or a "<") starts and ends, or a negative start, and where to go
// on scanning.
func destination(text string, at int) (start, end, next int) {
	k := at + 1
	angle := text[at] == '<'
	if !angle {
		if k >= len(text) || (text[k] != '(' && text[k] != ':') {
			return -1, 0, k
		}
		k++
		for k < len(text) && isSpace(text[k]) {
			k++
		}
		if k < len(text) && text[k] == '<' {
			angle = true
			k++
		}
	} else if !autolinkScheme(text[k:]) {
		return -1, 0, k
	}
	start = k
	for k < len(text) && text[k] != '>' && text[k] != '\n' && (angle || text[k] != ')' && !isSpace(text[k])) {
		k++
	}
	return start, k, k
}

// autolinkScheme reports whether s starts with a scheme as autolinks
// have them: a letter, then 1 to 31 letters, digits, "+", "." or "-",
// then ":".
func autolinkScheme(s string) bool {
	for i := 0; i < len(s) && i <= 32; i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '.' || c == '-'):
		case c == ':':
			return i >= 2
		default:
			return false
		}
	}
	return false
}

// refusedLink says why a destination is refused and what was likely meant.
func refusedLink(dest string) (msg, hint string) {
	scheme, _, _ := strings.Cut(strings.TrimSpace(dest), ":")
	msg = fmt.Sprintf("link scheme %s is not allowed", diag.Excerpt(scheme))
	if best := suggest.Closest(strings.ToLower(scheme), linkSchemes); best != "" {
		return msg, fmt.Sprintf("did you mean %q?", best+":")
	}
	return msg, "use http, https, mailto, a site path, or a record link such as license:ID"
}

// linkSchemes are the record kinds' singulars, for suggestions.
var linkSchemes = func() []string {
	var s []string
	for _, k := range append(model.Kinds[:len(model.Kinds):len(model.Kinds)], model.StatesKind) {
		s = append(s, k.Singular)
	}
	return s
}()

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
