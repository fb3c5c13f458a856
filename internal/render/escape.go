package render

import "strings"

// These helpers escape exactly as html/template does, for the template
// functions that write a whole element in one call (link); tests compare
// them with html/template on arbitrary input.

// escapeText escapes s for HTML text or a quoted attribute value, as
// html/template's own escaper does.
func escapeText(b *strings.Builder, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var r string
		switch s[i] {
		case 0:
			r = "\uFFFD"
		case '"':
			r = "&#34;"
		case '&':
			r = "&amp;"
		case '\'':
			r = "&#39;"
		case '+':
			r = "&#43;"
		case '<':
			r = "&lt;"
		case '>':
			r = "&gt;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(r)
		last = i + 1
	}
	b.WriteString(s[last:])
}

// escapeURL writes s as html/template writes a URL into an href: a scheme
// other than http, https or mailto is replaced by "#ZgotmplZ", bytes that
// may not appear in a URL are percent-encoded and the result is escaped
// for the attribute.
func escapeURL(b *strings.Builder, s string) {
	if !safeScheme(s) {
		b.WriteString("#ZgotmplZ")
		return
	}
	i := 0
	for i < len(s) && urlKeeps(s[i]) && s[i] != '&' && s[i] != '+' {
		i++
	}
	if i == len(s) { // the usual case, such as /licenses/x/
		b.WriteString(s)
		return
	}
	const hex = "0123456789abcdef"
	var n strings.Builder
	n.Grow(len(s) + 8)
	n.WriteString(s[:i])
	for ; i < len(s); i++ {
		c := s[i]
		if urlKeeps(c) || c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			n.WriteByte(c)
			continue
		}
		n.WriteByte('%')
		n.WriteByte(hex[c>>4])
		n.WriteByte(hex[c&0xf])
	}
	escapeText(b, n.String())
}

func safeScheme(s string) bool {
	scheme, _, ok := strings.Cut(s, ":")
	if !ok || strings.Contains(scheme, "/") {
		return true
	}
	return strings.EqualFold(scheme, "http") || strings.EqualFold(scheme, "https") || strings.EqualFold(scheme, "mailto")
}

// urlKeeps reports whether a URL keeps byte c as it is: the unreserved
// characters and the reserved ones of RFC 3986, bar ' ( and ).
func urlKeeps(c byte) bool { return c < 0x80 && keeps[c] }

var keeps = func() (t [0x80]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-._~!#$&*+,/:;=?@[]", byte(c)) >= 0
	}
	return t
}()

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
