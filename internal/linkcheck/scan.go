package linkcheck

import (
	"bytes"
	"encoding/binary"
	"html"
	"strings"
)

// attrKind says which of the attributes a scan reports a value is.
type attrKind uint8

const (
	attrLink attrKind = iota // href, src or action
	attrID                   // id, or name on <a>
)

// attr is an attribute a scan reports, its value decoded.
type attr struct {
	kind attrKind
	val  []byte
}

// scanner extracts the links and ids of HTML documents. It is a small
// one-pass extractor, not a full HTML parser: it jumps from one "<" to the
// next with bytes.IndexByte, reads each start tag's attributes (quoted,
// with the closing quote found by bytes.IndexByte, or not), skips comments,
// doctypes and end tags, and jumps over the content of script, style,
// title and textarea elements. It reads the site's pages faster than three
// bytes.Index passes for ` href="`, ` src="` and ` id="` would, and
// unlike them it skips what is not markup.
// Only values with a '&' are decoded, into a buffer the scanner reuses;
// nothing is allocated otherwise. The zero scanner is ready to use; it is
// not safe for concurrent use.
type scanner struct {
	tag []attr // the attributes of interest of the tag being read
	dec []byte // decoded values of the document being scanned
}

// scan calls emit for every link and id of doc, in document order. The
// values may point into doc or into s's buffer and are valid until the
// next scan.
func (s *scanner) scan(doc []byte, emit func(attr)) {
	s.dec = s.dec[:0]
	defer func() { clear(s.tag[:cap(s.tag)]); s.tag = s.tag[:0] }() // do not keep doc
	for i := 0; i < len(doc); {
		j := bytes.IndexByte(doc[i:], '<')
		if j < 0 {
			return
		}
		i += j
		rest := doc[i:]
		if bytes.HasPrefix(rest, commentStart) {
			k := bytes.Index(rest[4:], commentEnd)
			if k < 0 {
				return
			}
			i += 4 + k + 3
			continue
		}
		if len(rest) < 2 || !isLetter(rest[1]) {
			i++ // an end tag, a doctype or a stray "<"
			continue
		}
		raw, n := s.startTag(rest)
		if n == 0 {
			i++
			continue
		}
		i += n
		for _, a := range s.tag {
			emit(a)
		}
		if raw != "" {
			i += endOf(doc[i:], raw)
		}
	}
}

var (
	commentStart = []byte("<!--")
	commentEnd   = []byte("-->")
	endTagStart  = []byte("</")
)

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isSpace(c byte) bool { return class[c]&space != 0 }

// Byte classes, for the scanner's inner loops.
const (
	space   = 1 << iota // HTML white space
	nameEnd             // ends a tag name: space, '/', '>'
	keyEnd              // ends an attribute name: space, '=', '>', '/'
	valEnd              // ends an unquoted value: space, '>'
)

var class = func() (t [256]uint8) {
	for _, c := range " \t\n\r\f" {
		t[c] = space | nameEnd | keyEnd | valEnd
	}
	t['/'] = nameEnd | keyEnd
	t['>'] = nameEnd | keyEnd | valEnd
	t['='] = keyEnd
	return t
}()

// startTag reads the start tag t begins with into s.tag and returns, when
// it opens a raw-text element, that element's lower-case name, and the
// tag's length; a length of 0 means t holds no complete tag.
func (s *scanner) startTag(t []byte) (string, int) {
	s.tag = s.tag[:0]
	i, hi := 1, byte(0) // hi has the high bit set if the name has a non-ASCII byte
	for i < len(t) && class[t[i]]&nameEnd == 0 {
		hi |= t[i]
		i++
	}
	name := t[1:i]
	isA := len(name) == 1 && name[0]|0x20 == 'a' // no other letter lower-cases to a
	for i < len(t) {
		for i < len(t) && (class[t[i]]&space != 0 || t[i] == '/') {
			i++
		}
		if i >= len(t) {
			break
		}
		if t[i] == '>' {
			if len(name) < 5 && hi < 0x80 {
				return "", i + 1
			}
			return rawTextName(name), i + 1
		}
		k, khi := i, byte(0)
		for i < len(t) && class[t[i]]&keyEnd == 0 {
			khi |= t[i]
			i++
		}
		key := t[k:i]
		for i < len(t) && class[t[i]]&space != 0 {
			i++
		}
		var val []byte
		if i < len(t) && t[i] == '=' {
			i++
			for i < len(t) && class[t[i]]&space != 0 {
				i++
			}
			if i < len(t) && (t[i] == '"' || t[i] == '\'') {
				end := bytes.IndexByte(t[i+1:], t[i])
				if end < 0 {
					return "", 0
				}
				val = t[i+1 : i+1+end]
				i += end + 2
			} else {
				v := i
				for i < len(t) && class[t[i]]&valEnd == 0 {
					i++
				}
				val = t[v:i]
			}
		}
		kind, ok := keyKind(key, khi >= 0x80, isA)
		if !ok {
			continue
		}
		if bytes.IndexByte(val, '&') >= 0 {
			start := len(s.dec)
			s.dec = unescape(s.dec, val)
			val = s.dec[start:len(s.dec):len(s.dec)]
		}
		s.tag = append(s.tag, attr{kind, val})
	}
	return "", 0
}

// keyKind says whether the attribute named key is a link or an id;
// nonASCII says whether key has a non-ASCII byte.
func keyKind(key []byte, nonASCII, isA bool) (attrKind, bool) {
	if nonASCII { // İ lower-cases to i
		return keyKindFold(key, isA)
	}
	// c|0x20 is the lower case of an ASCII letter c, and no other byte
	// gives a lower-case letter: "HrEf"|0x20202020 == "href".
	switch len(key) {
	case 2:
		return attrID, binary.LittleEndian.Uint16(key)|0x2020 == 'i'|'d'<<8
	case 3:
		return attrLink, key[0]|0x20 == 's' && key[1]|0x20 == 'r' && key[2]|0x20 == 'c'
	case 4:
		switch binary.LittleEndian.Uint32(key) | 0x20202020 {
		case 'h' | 'r'<<8 | 'e'<<16 | 'f'<<24:
			return attrLink, true
		case 'n' | 'a'<<8 | 'm'<<16 | 'e'<<24:
			return attrID, isA
		}
	case 6:
		return attrLink, binary.LittleEndian.Uint32(key)|0x20202020 == 'a'|'c'<<8|'t'<<16|'i'<<24 &&
			binary.LittleEndian.Uint16(key[4:])|0x2020 == 'o'|'n'<<8
	}
	return 0, false
}

func keyKindFold(key []byte, isA bool) (attrKind, bool) {
	switch {
	case foldEq(key, "href") || foldEq(key, "src") || foldEq(key, "action"):
		return attrLink, true
	case foldEq(key, "id") || isA && foldEq(key, "name"):
		return attrID, true
	}
	return 0, false
}

// rawTextName returns the lower-case name of the element named name if
// its content is text, not markup, or "".
func rawTextName(name []byte) string {
	switch {
	case foldEq(name, "script"):
		return "script"
	case foldEq(name, "style"):
		return "style"
	case foldEq(name, "title"):
		return "title"
	case foldEq(name, "textarea"):
		return "textarea"
	}
	return ""
}

// foldEq reports whether strings.ToLower(string(b)) == lower, for a
// lower-case ASCII lower, without allocating for ASCII b.
func foldEq(b []byte, lower string) bool {
	if len(b) == len(lower) {
		for i, c := range b {
			if c >= 0x80 {
				return strings.ToLower(string(b)) == lower
			}
			if c != lower[i] && (c|0x20 != lower[i] || !isLetter(c)) {
				return false
			}
		}
		return true
	}
	for _, c := range b {
		if c >= 0x80 { // ToLower can change the length: K (Kelvin) is k
			return strings.ToLower(string(b)) == lower
		}
	}
	return false
}

// endOf returns where the end tag of the raw-text element name (lower
// case) begins in s, or len(s).
func endOf(s []byte, name string) int {
	for i := 0; ; {
		j := bytes.Index(s[i:], endTagStart)
		if j < 0 {
			return len(s)
		}
		i += j
		if rest := s[i+2:]; len(rest) >= len(name) && strings.EqualFold(string(rest[:len(name)]), name) &&
			(len(rest) == len(name) || isSpace(rest[len(name)]) || rest[len(name)] == '>' || rest[len(name)] == '/') {
			return i
		}
		i += 2
	}
}

// unescape appends val to dst with its character references decoded, as
// html.UnescapeString decodes them. The references html/template writes
// are decoded in place; any other sends the rest to html.UnescapeString.
func unescape(dst, val []byte) []byte {
	for {
		i := bytes.IndexByte(val, '&')
		if i < 0 {
			return append(dst, val...)
		}
		dst = append(dst, val[:i]...)
		val = val[i:]
		c, n := templateEntity(val)
		if n == 0 {
			return append(dst, html.UnescapeString(string(val))...)
		}
		dst = append(dst, c)
		val = val[n:]
	}
}

// templateEntity decodes the character reference ref begins with if it is
// one of those html/template writes, returning the character and the
// reference's length, or 0.
func templateEntity(ref []byte) (byte, int) {
	for _, e := range [...]struct {
		ref string
		c   byte
	}{{"&#43;", '+'}, {"&amp;", '&'}, {"&#34;", '"'}, {"&#39;", '\''}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}} {
		if len(ref) >= len(e.ref) && string(ref[:len(e.ref)]) == e.ref {
			return e.c, len(e.ref)
		}
	}
	return 0, 0
}
