package opendata

import (
	"io"
	"strconv"

	"github.com/licensure/licensure/internal/jsonstr"
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
	j.b = jsonstr.Append(j.b, k)
	j.b = append(j.b, ':', ' ')
}

// member writes the i-th member of an object whose value is a string.
func (j *jsonWriter) member(i int, k, v string) {
	j.item(i)
	j.key(k)
	j.str(v)
}

func (j *jsonWriter) str(s string) { j.b = jsonstr.Append(j.b, s) }

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
