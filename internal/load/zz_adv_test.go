package load_test

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/licensure/licensure/internal/load"
	"github.com/licensure/licensure/internal/load/zzorig"
)

func TestZZAdversarial(t *testing.T) {
	cases := map[string]string{
		"keys":     func() string { var b strings.Builder; for i := range 24000 { b.WriteString("k"); b.WriteString(strings.Repeat("x", i%7)); b.WriteString(string(rune('a' + i%26))); b.WriteString(": v\n") }; return b.String() }(),
		"seq":      "name: x\naliases:\n" + strings.Repeat("  - /a/\n", 49000),
		"literal":  "name: x\nsummary: |\n" + strings.Repeat("  line of text [b](board:x) here\n", 30000),
		"flowutf8": "name: x\naliases: [" + strings.Repeat("/é/, ", 45000) + "]\n",
		"links":    "name: x\nsummary: " + strings.Repeat("[b](board:x) ", 60000) + "\n",
		"dups":     strings.Repeat("name: x\n", 24000),
		"sources":  "name: x\nsources:\n" + strings.Repeat("  - title: t\n    url: https://x.org\n", 20000),
	}
	for name, src := range cases {
		if len(src) > load.MaxFileSize {
			src = src[:load.MaxFileSize-100] + "\n"
		}
		fsys := fstest.MapFS{"boards/b.yaml": {Data: []byte(src)}}
		t0 := time.Now()
		_, a := zzorig.Load(fsys, "content/")
		t1 := time.Now()
		_, b := load.Load(fsys, "content/")
		t2 := time.Now()
		if diagStrings(a)[0] != diagStrings(b)[0] || len(a.Items()) != len(b.Items()) {
			t.Errorf("%s: differ", name)
		}
		t.Logf("%-9s %7d bytes: orig %v new %v (%d diags)", name, len(src), t1.Sub(t0), t2.Sub(t1), len(b.Items()))
	}
}
