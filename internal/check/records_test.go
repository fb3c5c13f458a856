package check

import (
	"strings"
	"testing"
)

func TestAppendFolded(t *testing.T) {
	for _, s := range []string{"", " ", "a", "A  B", " Lead and trail ", "tab\tand\nnewline\r\v\f", "Ünïcode  Wörds", "a\u00a0b", "a\u0085b", "x\u2003y", "MiXeD CaSe  123", "||", "a |"} {
		want := strings.ToLower(strings.Join(strings.Fields(s), " "))
		if got := string(appendFolded([]byte("p|"), s)); got != "p|"+want {
			t.Errorf("appendFolded(%q) = %q, want %q", s, got, "p|"+want)
		}
	}
}
