package linkcheck

import (
	"bytes"
	"encoding/binary"
	"net/url"
	"path"
	"strconv"
	"strings"
)

// verdict is what a link is to the check.
type verdict uint8

const (
	external verdict = iota // another site, mail, telephone, data: not followed
	broken                  // a problem whatever the site holds: reason says which
	internal                // a page or file of the site: target says which
)

// target is where an internal link leads: a site path and a fragment.
type target struct {
	// key identifies the target: its path, then "#" and the fragment
	// when there is one. It aliases the link or the resolver's buffer.
	key []byte
	// key[start:end] is the path: cleaned, with a trailing slash when
	// the link names a folder ("/x/" is x/index.html, "/x" is the file x
	// or else x/index.html).
	start, end int
}

// path returns the target's site path.
func (t target) path() []byte { return t.key[t.start:t.end] }

// frag returns the target's fragment, decoded, or nil.
func (t target) frag() []byte {
	if len(t.key) > t.end {
		return t.key[t.end+1:]
	}
	return nil
}

// resolver classifies the links of one page. Its buffer is reused from
// link to link, so what resolve returns is valid until the next call.
type resolver struct {
	base  []byte // Options.BaseURL without its trailing slash
	self  string // the URL path of the page, such as /licenses/x/
	clean bool   // self needs no cleaning, so "#x" leads to the page itself
	buf   []byte
}

// resolve says what link, as a page gives it (decoded, untrimmed), is. It
// takes a fast path, with no allocation, for the links the generator
// writes: site-absolute paths with plain characters, fragments, http(s)
// links to other hosts, mail links. Anything else goes through url.Parse
// and ResolveReference, as the check always did, and the tests hold the
// fast path to the same answers.
func (r *resolver) resolve(link []byte) (verdict, string, target) {
	l := bytes.TrimSpace(link)
	if len(l) == 0 {
		return broken, "empty link", target{}
	}
	if len(r.base) > 0 && l[0] == r.base[0] && bytes.HasPrefix(l, r.base) {
		if rest := l[len(r.base):]; len(rest) == 0 || rest[0] == '/' || rest[0] == '?' || rest[0] == '#' {
			if len(rest) > 0 && rest[0] == '/' {
				l = rest
			} else {
				r.buf = append(append(r.buf[:0], '/'), rest...)
				l = r.buf
			}
		}
	}
	switch c := l[0]; {
	case c == '/' && (len(l) == 1 || l[1] != '/'), c == '#' && r.clean, c == '?' && r.clean:
		if plain(l, false) {
			if t, ok := r.local(l); ok {
				return internal, "", t
			}
		}
	case c == '/' && len(l) > 2 && l[2] != '/' && l[2] != '?' && l[2] != '#': // protocol-relative: another site
		if plain(l, true) && simpleAuthority(l[2:]) {
			return external, "", target{}
		}
	default:
		if n := schemeLen(l); n > 0 && plain(l, true) {
			if rest := l[n+1:]; !bytes.HasPrefix(rest, slashSlash) || simpleAuthority(rest[2:]) {
				if foldEq(l[:n], "javascript") || foldEq(l[:n], "vbscript") {
					return broken, "script URL", target{}
				}
				return external, "", target{}
			}
		}
	}
	return r.slow(string(l))
}

var slashSlash = []byte("//")

// local resolves a site-absolute path, a "#fragment" or a "?query" made
// of plain characters without escapes. It declines paths that need
// cleaning ("//", "." or ".." segments), which slow resolves.
func (r *resolver) local(l []byte) (target, bool) {
	p, frag := l, []byte(nil)
	if i := bytes.IndexByte(p, '#'); i >= 0 {
		p, frag = p[:i], p[i+1:]
	}
	contiguous := true // l begins with p + "#" + frag
	if i := bytes.IndexByte(p, '?'); i >= 0 {
		p, contiguous = p[:i], false
	}
	if len(p) == 0 { // "#x" or "?q": the page itself
		key := append(r.buf[:0], r.self...)
		if len(frag) > 0 {
			key = append(key, '#')
			key = append(key, frag...)
		}
		r.buf = key
		return target{key: key, end: len(r.self)}, true
	}
	if !cleanPath(p) {
		return target{}, false
	}
	if len(frag) == 0 {
		return target{key: p, end: len(p)}, true
	}
	if contiguous {
		return target{key: l[:len(p)+1+len(frag)], end: len(p)}, true
	}
	// l may be r.buf (a link under the base URL); the key is never
	// longer than l and copying it forward is safe.
	key := append(r.buf[:0], p...)
	key = append(key, '#')
	key = append(key, frag...)
	r.buf = key
	return target{key: key, end: len(p)}, true
}

// slow resolves a link the way the check always did: url.Parse, then
// ResolveReference against the page's URL.
func (r *resolver) slow(link string) (verdict, string, target) {
	u, err := url.Parse(link)
	if err != nil {
		return broken, "malformed URL", target{}
	}
	switch strings.ToLower(u.Scheme) {
	case "":
	case "javascript", "vbscript":
		return broken, "script URL", target{}
	default:
		return external, "", target{} // another site, mail, telephone or data
	}
	if u.Host != "" {
		return external, "", target{} // protocol-relative: another site
	}
	p := (&url.URL{Path: r.self}).ResolveReference(u).Path
	clean := path.Clean("/" + p)
	if strings.HasSuffix(p, "/") && clean != "/" {
		clean += "/"
	}
	frag := u.Fragment
	var key []byte
	if strings.Contains(clean, "#") {
		// Only an escaped "#" (%23) puts one in a path. Give such a
		// target a key that cannot be read as another path and fragment.
		key = append(r.buf[:0], 0)
		key = strconv.AppendInt(key, int64(len(clean)), 10)
		key = append(key, 0)
	} else {
		key = r.buf[:0]
	}
	key = append(key, clean...)
	pathEnd := len(key)
	if frag != "" {
		key = append(key, '#')
		key = append(key, frag...)
	}
	r.buf = key
	return internal, "", target{key: key, start: pathEnd - len(clean), end: pathEnd}
}

// plain reports whether l holds only printable ASCII, no spaces, and, if
// escapes is set, only well-formed %-escapes, else none at all: the
// characters for which url.Parse neither fails nor changes anything but
// the authority.
func plain(l []byte, escapes bool) bool {
	i := 0
	for ; i+8 <= len(l); i += 8 {
		// Eight bytes at a time: is any below '!', above '~' or '%'?
		const ones, highs = 0x0101010101010101, 0x8080808080808080
		x := binary.LittleEndian.Uint64(l[i:])
		pct := x ^ ('%' * ones)
		if (x-'!'*ones)&^x&highs|(x+(127-'~')*ones|x)&highs|(pct-ones)&^pct&highs != 0 {
			break
		}
	}
	for ; i < len(l); i++ {
		switch c := l[i]; {
		case c <= ' ' || c >= 0x7f:
			return false
		case c == '%':
			if !escapes || i+2 >= len(l) || !isHex(l[i+1]) || !isHex(l[i+2]) {
				return false
			}
		}
	}
	return true
}

func isHex(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c|0x20 && c|0x20 <= 'f' }

// schemeLen returns the length of l's scheme, as url.Parse reads it
// ([a-zA-Z][a-zA-Z0-9+.-]* before a colon), or 0.
func schemeLen(l []byte) int {
	for i, c := range l {
		switch {
		case isLetter(c):
		case '0' <= c && c <= '9' || c == '+' || c == '-' || c == '.':
			if i == 0 {
				return 0
			}
		case c == ':':
			return i
		default:
			return 0
		}
	}
	return 0
}

// simpleAuthority reports whether the authority a starts with (up to a
// slash, query or fragment) is a plain host name with an optional port,
// which url.Parse accepts whatever the scheme.
func simpleAuthority(a []byte) bool {
	port := false
	for _, c := range a {
		switch {
		case c == '/' || c == '?' || c == '#':
			return true
		case port:
			if c < '0' || c > '9' {
				return false
			}
		case c == ':':
			port = true
		case isLetter(c) || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~':
		default:
			return false
		}
	}
	return true
}

// cleanPath reports whether the site path p, which starts with a slash,
// is as path.Clean leaves it but for a trailing slash: no empty, "." or
// ".." segment.
func cleanPath(p []byte) bool {
	for i := 1; i <= len(p); {
		j := bytes.IndexByte(p[i:], '/')
		if j < 0 {
			j = len(p) - i
		}
		seg := p[i : i+j]
		last := i+j == len(p)
		if len(seg) == 0 && !last || len(seg) == 1 && seg[0] == '.' || len(seg) == 2 && seg[0] == '.' && seg[1] == '.' {
			return false
		}
		i += j + 1
	}
	return true
}

// urlPath is the path a file is served at: a/index.html at /a/.
func urlPath(file string) string {
	if file == "index.html" {
		return "/"
	}
	if dir, ok := strings.CutSuffix(file, "/index.html"); ok {
		return "/" + dir + "/"
	}
	return "/" + file
}
