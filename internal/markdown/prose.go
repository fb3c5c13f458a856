package markdown

import (
	"strings"
	"unicode/utf8"
)

// prose is the HTML of src when src is made only of what most of the
// site's prose is made of: paragraphs of plain words, tight bullet lists
// ("- " items, continued by lines indented two spaces), blocks apart by
// one blank line, and record links such as [the board](board:oh-board)
// that resolve. It returns false for anything else (emphasis, code,
// headings, other links, entities, raw HTML…), which goldmark renders.
// FuzzProse holds it to goldmark's output for every text it accepts.
func (r *Renderer) prose(src string) (string, bool) {
	src = strings.TrimRight(src, "\n")
	if src == "" || len(src) > maxProse || !utf8.ValidString(src) || needsFull(src) {
		return "", false
	}
	b := &strings.Builder{}
	b.Grow(len(src) + len(src)/4 + 16)
	lastList := false
	for block := range strings.SplitSeq(src, "\n\n") {
		isList := strings.HasPrefix(block, "- ")
		if isList && lastList { // two lists a blank line apart are one loose list
			return "", false
		}
		lastList = isList
		ok := false
		if isList {
			ok = r.list(b, block)
		} else {
			ok = r.paragraph(b, block)
		}
		if !ok {
			return "", false
		}
	}
	return b.String(), true
}

// maxProse bounds what the fast path takes.
const maxProse = 16 << 10

// paragraph writes a block of plain lines as a paragraph.
func (r *Renderer) paragraph(b *strings.Builder, block string) bool {
	b.WriteString("<p>")
	first := true
	for line := range strings.SplitSeq(block, "\n") {
		if !first {
			b.WriteByte('\n')
		}
		first = false
		if !startsPlain(line) || !r.inline(b, line) {
			return false
		}
	}
	b.WriteString("</p>\n")
	return true
}

// list writes a block of "- " items, each continued by lines indented two
// spaces, as a tight list.
func (r *Renderer) list(b *strings.Builder, block string) bool {
	b.WriteString("<ul>\n")
	first := true
	for line := range strings.SplitSeq(block, "\n") {
		if text, ok := strings.CutPrefix(line, "- "); ok {
			if !first {
				b.WriteString("</li>\n")
			}
			b.WriteString("<li>")
			line = text
		} else if text, ok := strings.CutPrefix(line, "  "); ok && !first {
			b.WriteByte('\n')
			line = text
		} else {
			return false
		}
		first = false
		if !startsPlain(line) || !r.inline(b, line) {
			return false
		}
	}
	b.WriteString("</li>\n</ul>\n")
	return true
}

// inline writes a line of plain words and record links, or returns false.
func (r *Renderer) inline(b *strings.Builder, line string) bool {
	if line[len(line)-1] == ' ' {
		return false // a hard line break
	}
	for i := 0; i < len(line); {
		c := line[i]
		switch {
		case c >= utf8.RuneSelf:
			b.WriteByte(c)
		case c == '"':
			b.WriteString("&quot;")
		case c == '[':
			n, ok := r.link(b, line[i:], i > 0 && line[i-1] == '!')
			if !ok {
				return false
			}
			i += n
			continue
		case plainByte[c]:
			b.WriteByte(c)
		default:
			return false
		}
		i++
	}
	return true
}

// link writes the record link s starts with, [text](kind:id), and returns
// its length. A "!" before it would make it an image: that is refused.
func (r *Renderer) link(b *strings.Builder, s string, image bool) (int, bool) {
	end := strings.IndexByte(s, ']')
	if image || end < 2 || !strings.HasPrefix(s[end:], "](") {
		return 0, false
	}
	paren := strings.IndexByte(s[end:], ')')
	if paren < 0 {
		return 0, false
	}
	text, dest := s[1:end], s[end+2:end+paren]
	what, kind, id := Policy(dest)
	if what != Record || !plainID(id) || dest != kind+":"+id || !plainText(text) {
		return 0, false
	}
	url, ok := r.resolve(kind, id)
	if !ok || !plainURL(url) {
		return 0, false
	}
	b.WriteString(`<a href="`)
	b.WriteString(url)
	b.WriteString(`">`)
	for i := 0; i < len(text); i++ {
		if text[i] == '"' {
			b.WriteString("&quot;")
		} else {
			b.WriteByte(text[i])
		}
	}
	b.WriteString("</a>")
	return end + paren + 1, true
}

// plainText reports whether a link's text is plain words.
func plainText(s string) bool {
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < utf8.RuneSelf && !plainByte[c] {
			return false
		}
	}
	return true
}

// plainURL reports whether a site path needs no escaping in an attribute.
func plainURL(u string) bool {
	if !strings.HasPrefix(u, "/") {
		return false
	}
	for i := 0; i < len(u); i++ {
		c := u[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("/-._", c) >= 0) {
			return false
		}
	}
	return true
}

// startsPlain reports whether a line's first characters open no block: a
// letter, a quote, a parenthesis, a link, or digits not followed by an
// ordered list's "." or ")".
func startsPlain(line string) bool {
	if line == "" {
		return false
	}
	c := line[0]
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', c == '(', c == '"', c == '\'', c == '$', c == '[':
		return true
	case '0' <= c && c <= '9':
		rest := strings.TrimLeft(line, "0123456789")
		return rest == "" || (rest[0] != '.' && rest[0] != ')')
	}
	return false
}

// plainByte marks the ASCII bytes that mean nothing to Markdown inside a
// line of a paragraph (non-ASCII runes are text too).
var plainByte = func() (t [utf8.RuneSelf]bool) {
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
