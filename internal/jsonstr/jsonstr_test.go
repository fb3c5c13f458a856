package jsonstr

import (
	"bytes"
	"encoding/json"
	"testing"
)

var samples = []string{
	"", "Respiratory Care Practitioner", "Ohio State Medical Board", `say "hi"`, `back\slash`,
	"<script>alert(1)</script>", "AT&T", "tab\tnew\nline\rcr", "\x00\x01\x1f\x7f", "\b\f",
	"Colegio de Profesionales de la Salud, Puerto Rico — año", "\u2028\u2029", "\xff\xfe", "a\xc3", "日本語",
}

func TestAppend(t *testing.T) {
	for _, s := range samples {
		want, _ := json.Marshal(s)
		if got := Append([]byte("x"), s); !bytes.Equal(got, append([]byte("x"), want...)) {
			t.Errorf("Append(%q) = %s, want x%s", s, got, want)
		}
	}
}

func TestPlain(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"Respiratory care", true}, {"", true}, {"a<b", false}, {`a"b`, false}, {"a&b", false},
		{"año", false}, {"a\nb", false}, {"a\x7fb", true},
	} {
		if got := Plain(tc.s); got != tc.want {
			t.Errorf("Plain(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}

// FuzzAppend compares Append with encoding/json on any string.
func FuzzAppend(f *testing.F) {
	for _, s := range samples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := Append(nil, s); !bytes.Equal(got, want) {
			t.Fatalf("Append(%q) = %s, want %s", s, got, want)
		}
	})
}
