package markdown

import (
	"flag"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite generated files")

func resolver(kind, id string) (string, bool) {
	if kind == "board" && id == "oh-board" {
		return "/boards/oh-board/", true
	}
	return "", false
}

func TestRender(t *testing.T) {
	r := New(resolver)
	for _, tc := range []struct {
		name, src string
		want      []string
		not       []string
	}{
		{name: "record link", src: "[the board](board:oh-board)", want: []string{`<a href="/boards/oh-board/">the board</a>`}},
		{name: "unknown record link", src: "[x](board:nope)", not: []string{"board:nope"}},
		{name: "external link", src: "[x](https://example.org)", want: []string{`href="https://example.org" rel="noopener"`}},
		{name: "protocol relative", src: "[x](//evil.example)", want: []string{`rel="noopener"`}},
		{name: "autolink", src: "see https://example.org now", want: []string{`rel="noopener"`}},
		{name: "javascript", src: "[x](javascript:alert(1))", not: []string{"javascript"}},
		{name: "data", src: "[x](data:text/html,hi)", not: []string{"data:"}},
		{name: "raw html dropped", src: "<script>alert(1)</script>\n\nhi <b onclick=x>b</b>", not: []string{"<script", "onclick"}},
		{name: "image from elsewhere", src: "![alt](https://example.org/x.png)", want: []string{`<a href="https://example.org/x.png" rel="noopener">alt</a>`}, not: []string{"<img"}},
		{name: "table", src: "| a | b |\n|---|---|\n| 1 | 2 |", want: []string{"<table>", "<td>1</td>"}},
		{name: "heading id", src: "## Who needs it", want: []string{`<h2 id="who-needs-it">`}},
		{name: "entity in a refused scheme", src: "[x](ms-msdt&#58;/id)", want: []string{`<a href="">x</a>`}, not: []string{"ms-msdt"}},
		{name: "entity in a record link", src: "[x](board&#58;oh-board)", want: []string{`<a href="/boards/oh-board/">x</a>`}},
		{name: "entity in a tab", src: "[x](jav&#x09;ascript:alert(1))", want: []string{`<a href="">x</a>`}},
		{name: "double-encoded entity stays text", src: "[x](/a&amp;#58;b)", want: []string{`<a href="/a&amp;#58;b">x</a>`}},
		{name: "autolink of a refused scheme", src: "<ms-msdt:/id> <ftp://x.org/a> <data:text/html,hi>", want: []string{"<p>ms-msdt:/id ftp://x.org/a data:text/html,hi</p>"}, not: []string{"<a"}},
		{name: "bare ftp URL", src: "see ftp://x.org", not: []string{"<a"}},
		{name: "record autolink", src: "<board:oh-board>", want: []string{`<a href="/boards/oh-board/">board:oh-board</a>`}},
		{name: "reference to a refused scheme", src: "[x][r]\n\n[r]: ms-msdt:/id", not: []string{"ms-msdt"}},
		{name: "reference to a record", src: "[x][r]\n\n[r]: board:oh-board", want: []string{`<a href="/boards/oh-board/">x</a>`}},
		{name: "image of a record", src: "![x](board:oh-board)", want: []string{`<a href="/boards/oh-board/">x</a>`}, not: []string{"<img"}},
		{name: "image of data", src: "![x](data:image/png;base64,AA)", want: []string{`<a href="">x</a>`}},
		{name: "dots in a record ID", src: "[x](board:../oh-board)", want: []string{`<a href="">x</a>`}},
		{name: "kind in capitals", src: "[x](Board:oh-board)", want: []string{`<a href="">x</a>`}},
		{name: "code", src: "```sh\ngo run ./cmd/licensure # build\n```", want: []string{`<pre class="hl-chroma">`, `class="hl-c1"`}, not: []string{"style="}},
		{name: "code in a backtracking language", src: "```perl\ns{{ <b>\n```", want: []string{`<pre class="hl-chroma"><code>s{{ &lt;b&gt;` + "\n</code></pre>"}},
		{name: "long code", src: "```sh\n" + strings.Repeat("echo <x>\n", MaxHighlight/9+1) + "```", want: []string{`<pre class="hl-chroma"><code>echo &lt;x&gt;`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := r.String(tc.src)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("output lacks %q:\n%s", w, got)
				}
			}
			for _, n := range tc.not {
				if strings.Contains(got, n) {
					t.Errorf("output contains %q:\n%s", n, got)
				}
			}
		})
	}
}

// TestCSSCurrent keeps the shipped highlighting stylesheet in step with
// chroma; run with -update to regenerate it.
func TestCSSCurrent(t *testing.T) {
	css, err := CSS()
	if err != nil {
		t.Fatal(err)
	}
	const path = "../../static/css/chroma.css"
	if *update {
		if err := os.WriteFile(path, []byte(css), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != css {
		t.Errorf("%s is out of date: run go test ./internal/markdown -update", path)
	}
}

// TestProseTakesPlainProse makes sure the fast path is taken for the
// prose it is for, and refused where another Markdown rule applies.
func TestProseTakesPlainProse(t *testing.T) {
	r := New(anyRecord)
	for src, want := range map[string]bool{
		"15 contact hours every two years":                       true,
		"Completion of an accredited program\nand a rotation.\n": true,
		`The "RRT" credential (NBRC), $150.`:                     true,
		"See [the board](board:x).":                              true,
		proseSample:                                              true,
		"See [the board](board:nope).":                           false,
		"See [the board](https://example.org).":                  false,
		"1. first":                                               false,
		"a *b*":                                                  false,
		"a\n\n\nb":                                               false,
		"Title\n---":                                             false,
	} {
		if _, ok := r.prose(src); ok != want {
			t.Errorf("prose(%q) took the fast path: %v, want %v", src, ok, want)
		}
	}
}
