package opendata

import (
	"io"
	"strconv"
	"unicode/utf8"
)

// jsonWriter writes indented JSON straight to an io.Writer, byte for byte
// as json.MarshalIndent(v, "", " ") would, without building the value or
// re-reading what it wrote. It buffers up to flushAt bytes, so memory stays
// flat whatever the size of the document.
//
// The caller drives the structure: open a container, call item before each
// element (key after item for an object member), then close it with the
// number of elements it wrote. The first write error sticks and ends all
// writing; Flush reports it.
type jsonWriter struct {
	w     io.Writer
	b     []byte
	depth int
	err   error
}

const flushAt = 32 << 10

func newJSONWriter(w io.Writer) *jsonWriter {
	return &jsonWriter{w: w, b: make([]byte, 0, flushAt+4<<10)}
}

// maybeFlush hands the buffer to w once it is full; call it between
// records.
func (j *jsonWriter) maybeFlush() {
	if len(j.b) >= flushAt {
		j.flush()
	}
}

func (j *jsonWriter) flush() {
	if j.err == nil && len(j.b) > 0 {
		_, j.err = j.w.Write(j.b)
	}
	j.b = j.b[:0]
}

// Flush writes what is buffered and returns the first error met.
func (j *jsonWriter) Flush() error {
	j.flush()
	return j.err
}

func (j *jsonWriter) open(c byte) {
	j.b = append(j.b, c)
	j.depth++
}

// item starts the i-th element (from 0) of the innermost container.
func (j *jsonWriter) item(i int) {
	if i > 0 {
		j.b = append(j.b, ',')
	}
	j.newline()
}

// close ends the innermost container, which holds n elements.
func (j *jsonWriter) close(c byte, n int) {
	j.depth--
	if n > 0 {
		j.newline()
	}
	j.b = append(j.b, c)
}

func (j *jsonWriter) newline() {
	j.b = append(j.b, '\n')
	for range j.depth {
		j.b = append(j.b, ' ')
	}
}

// key writes an object member's key and the separator after it.
func (j *jsonWriter) key(k string) {
	j.b = appendJSONString(j.b, k)
	j.b = append(j.b, ':', ' ')
}

// member writes the i-th member of an object whose value is a string.
func (j *jsonWriter) member(i int, k, v string) {
	j.item(i)
	j.key(k)
	j.str(v)
}

func (j *jsonWriter) str(s string) { j.b = appendJSONString(j.b, s) }

func (j *jsonWriter) int(n int64) { j.b = strconv.AppendInt(j.b, n, 10) }

// strings writes a list of strings as an array; nil is [] too.
func (j *jsonWriter) strings(list []string) {
	j.open('[')
	for i, s := range list {
		j.item(i)
		j.str(s)
	}
	j.close(']', len(list))
}

const hexDigits = "0123456789abcdef"

// safeByte says which ASCII bytes a JSON string holds as they are: all
// but control characters, ", \, <, > and &.
var safeByte = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return t
}()

// appendJSONString appends s as a JSON string exactly as encoding/json
// writes it with HTML escaping on (its default): ", \ and control
// characters escaped, <, > and & as \u003c, \u003e and \u0026 so that the
// JSON can sit inside HTML, U+2028 and U+2029 escaped for JavaScript, and
// invalid UTF-8 replaced by \ufffd. TestAppendJSONString and
// FuzzAppendJSONString compare it with encoding/json.
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if safeByte[c] {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '\\', '"':
				dst = append(dst, '\\', c)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default: // other control characters, <, > and &
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
