// Package jsonstr appends JSON strings for the writers that stream JSON
// byte by byte (package opendata's files, package search's index).
//
// Append writes a string exactly as encoding/json does with HTML escaping
// on, its default: ", \ and control characters escaped, <, > and & as
// \u003c, \u003e and \u0026 so that the JSON can sit inside HTML, U+2028
// and U+2029 escaped, invalid UTF-8 replaced by \ufffd. Strings of plain
// ASCII, with nothing to escape, are copied as they are; any other string
// is handed to encoding/json, so there is no second escaper to keep in
// step with it. FuzzAppend compares the two on any input.
package jsonstr

import (
	"bytes"
	"encoding/json"
	"strings"
	"sync"
	"unicode/utf8"
)

// Append appends s to dst as a JSON string.
func Append(dst []byte, s string) []byte {
	if Plain(s) {
		return append(append(append(dst, '"'), s...), '"')
	}
	e := encoders.Get().(*encoder)
	defer encoders.Put(e)
	e.buf.Reset()
	_ = e.enc.Encode(s) // a string always encodes; Encode adds a newline
	return append(dst, bytes.TrimSuffix(e.buf.Bytes(), []byte("\n"))...)
}

// Plain reports whether JSON keeps s as it is: printable ASCII with no ",
// \, <, > or &.
func Plain(s string) bool {
	for i := 0; i < len(s); i++ {
		if !plainByte[s[i]] {
			return false
		}
	}
	return true
}

var plainByte = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = !strings.ContainsRune(`"\<>&`, rune(c))
	}
	return t
}()

type encoder struct {
	buf bytes.Buffer
	enc *json.Encoder
}

var encoders = sync.Pool{New: func() any {
	e := &encoder{}
	e.enc = json.NewEncoder(&e.buf) // escapes HTML by default
	return e
}}
