package markdown

import (
	"strings"
	"unicode/utf8"
)

// plainHTML is the HTML of src when src is one paragraph of plain words,
// the form most short fields take ("15 hours every two years."): lines
// of letters, digits, spaces and punctuation that no Markdown rule
// (block, inline, autolink) gives a meaning to. It returns false for
// anything else, which goldmark renders. FuzzPlain holds it to goldmark's
// output for every input it accepts.
func plainHTML(src string) (string, bool) {
	src = strings.TrimRight(src, "\n")
	if src == "" || len(src) > maxPlain || !utf8.ValidString(src) || hasAutolink(src) {
		return "", false
	}
	for line := range strings.SplitSeq(src, "\n") {
		if !plainLine(line) {
			return "", false
		}
	}
	var b strings.Builder
	b.Grow(len(src) + len(src)/8 + 8)
	b.WriteString("<p>")
	for _, r := range src {
		if r == '"' {
			b.WriteString("&quot;")
		} else {
			b.WriteRune(r)
		}
	}
	b.WriteString("</p>\n")
	return b.String(), true
}

// maxPlain bounds what the fast path takes: longer prose is rarely plain.
const maxPlain = 4 << 10

// plainLine reports whether a line of a paragraph is its own text: it
// starts with no block marker and ends with no hard break, and holds no
// character that opens inline markup, an entity or raw HTML.
func plainLine(line string) bool {
	if line == "" || !startsPlain(line) || line[len(line)-1] == ' ' {
		return false
	}
	for i := 0; i < len(line); i++ {
		c := line[i]
		if c < 0x80 && !plainByte[c] {
			return false
		}
	}
	return true
}

// startsPlain reports whether a line's first characters open no block: a
// letter, or digits not followed by an ordered list's "." or ")".
func startsPlain(line string) bool {
	c := line[0]
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', c == '(', c == '"', c == '\'', c == '$':
		return true
	case '0' <= c && c <= '9':
		rest := strings.TrimLeft(line, "0123456789")
		return rest == "" || (rest[0] != '.' && rest[0] != ')')
	}
	return false
}

// hasAutolink reports whether src holds what the linkify extension turns
// into a link: a scheme's "://", "www." or an e-mail's "@" (refused by
// plainByte).
func hasAutolink(src string) bool {
	return strings.Contains(src, ":/") || strings.Contains(strings.ToLower(src), "www.")
}

// plainByte marks the ASCII bytes that mean nothing to Markdown inside a
// line of a paragraph (non-ASCII runes are text too).
var plainByte = func() (t [128]bool) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = true, true
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for _, c := range " .,;:'\"()/%$?!-+=" {
		t[c] = true
	}
	return t
}()
