package markdown

import (
	"bytes"
	"html"
	"regexp"
	"testing"
)

// unsafe matches markup that no Markdown input may produce: script or
// style elements, images or frames, event-handler or style attributes, and
// links with a scheme other than http, https or mailto.
var unsafe = regexp.MustCompile(`(?i)<(script|style|img|iframe|object|embed|svg|math|form|input)\b|<[a-z][^>]*\s(on\w+|style)\s*=|href="\s*(javascript|data|vbscript|file):`)

// href matches the destination of every link in the output.
var href = regexp.MustCompile(`href="([^"]*)"`)

// FuzzRender renders arbitrary Markdown with record links: it must never
// fail or emit markup an author controls beyond Markdown's own.
func FuzzRender(f *testing.F) {
	for _, s := range []string{
		"[the board](board:oh-board)", "<script>alert(1)</script>", `"><img src=x onerror=alert(1)>`,
		"[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))", "[x]( javascript:alert(1))", "![x](data:image/svg+xml,<svg onload=alert(1)>)",
		"<a href=x onclick=y>z</a>", "```js\n</script><script>alert(1)</script>\n```", "| a |\n|---|\n| <b>x</b> |",
		"[x](//evil.example)", "<https://example.org>", "[x](board:../../etc)",
		"[x](ms-msdt&#58;/id)", "<ms-msdt:/id>", "[x][r]\n\n[r]: javascript:alert(1)", "<ftp://x.org>", "[x](jav&#x09;ascript:x)",
	} {
		f.Add(s)
	}
	r := New(resolver)
	f.Fuzz(func(t *testing.T, src string) {
		out, err := r.String(src)
		if err != nil {
			t.Fatalf("render failed: %v", err)
		}
		if m := unsafe.FindString(out); m != "" {
			t.Fatalf("unsafe markup %q in output of %q:\n%s", m, src, out)
		}
		for _, m := range href.FindAllStringSubmatch(out, -1) {
			if what, _, _ := Policy(html.UnescapeString(m[1])); what == Refused || what == Record {
				t.Fatalf("link %q of a scheme the policy refuses, or unresolved, in output of %q:\n%s", m[1], src, out)
			}
		}
	})
}

// FuzzProse holds the fast path for plain prose to goldmark: every text it
// accepts renders exactly as goldmark renders it, record links resolved
// by the same resolver.
func FuzzProse(f *testing.F) {
	for _, s := range []string{
		"15 contact hours every two years", "Every two years.\n", "Completion of an accredited program\nand a supervised rotation.\n",
		`The "RRT" credential (NBRC).`, "1. first", "2) second", "12 hours", "- item", "+ item", "Title\n===", "Title\n---",
		"a  \nb", "see www.example.org", "http://x.org", "a@b.org", "Fees: $150/year; 50% off!", "#heading", "a\n\nb",
		"café — 5 §", "\u00a0x", "x\u00a0", "(a) b", "'quoted'", "x\n1. y", "x\n2. y", "x\n- y", "x\n= y", "a\r\nb",
		proseSample, "The [board](board:oh-board) issues it.", "[board](board:oh-board) first", "a ![x](board:oh-board)",
		"[x]: board:oh-board\n\n[x]", "[x](board:oh-board \"t\")", "[x](board:nope)", "[a [b]](board:oh-board)",
		"[](board:oh-board)", "[ x ](board:oh-board)", "- a\n- b\n\n- c", "- a\n\nb", "- a\nb", "- a\n  b\n- c",
		"- a\n   b", "- a\n  - b", "- 1. a", "x\n\n\ny", "[x](board:oh-board)(y)", "[x](Board:oh-board)", "[x](license:A.b-1)",
	} {
		f.Add(s)
	}
	for _, s := range shippedProse(f) {
		f.Add(s)
	}
	r := New(anyRecord)
	f.Fuzz(func(t *testing.T, src string) {
		fast, ok := r.prose(src)
		if !ok {
			return
		}
		var want bytes.Buffer
		if err := r.md.Convert([]byte(src), &want); err != nil {
			t.Fatal(err)
		}
		if fast != want.String() {
			t.Fatalf("prose path of %q:\n got %q\nwant %q", src, fast, want.String())
		}
	})
}

// anyRecord resolves every record link of a known kind except those of ID
// "nope", to a path that depends on both.
func anyRecord(kind, id string) (string, bool) {
	if id == "nope" {
		return "", false
	}
	return "/" + kind + "s/" + id + "/", true
}

// proseSample is a license summary as the synthetic content writes them.
const proseSample = `West Virginia requires a license to practise community sonographic care or to use the title
Community Sonographic Care Practitioner. The [West Virginia Committee on Wound Services](board:wv-committee-on-wound-services)
issues it and renews it every two years.

Applicants need:

- completion of an accredited community sonographic care program of at least 21 months;
- a passing score on the national certification examination, usually taken through the
  [Certified Community Sonographic Care Practitioner (CCSCP)](certification:slc-ccscp);
- six months under a licensed supervisor before the first renewal.

The board also recognises the [RCSCT](certification:ibpp-2-rcsct) credential.
Holders complete 15 hours of continuing education each renewal cycle, and a
practitioner licensed in another state may qualify by endorsement without a new examination.
`

// FuzzLean holds the renderer without the table and linkify extensions to
// the whole one, for every text needsFull lets it take.
func FuzzLean(f *testing.F) {
	for _, s := range []string{
		"The [board](board:oh-board) issues it.\n\n- one\n- two\n  more", "a *b* _c_ ~~d~~ (e)", "# Title\n\ntext",
		"<https://example.org>", "[x](https://example.org)", "a | b", "mail a@b.org", "see www.x.org", "`code` and\n\n```go\nx\n```",
		"HTTP://X.ORG", "WWW.X.ORG", "ftp.x.org", "(www)", "x_www.y_",
		"a\n  b", "- a\n  b", "a\t\nb", "a\\\nb", "> q\n> r", "1. a\n2. b", "a  \nb", "*a*  \n_b_",
	} {
		f.Add(s)
	}
	for _, s := range shippedProse(f) {
		f.Add(s)
	}
	r := New(resolver)
	f.Fuzz(func(t *testing.T, src string) {
		if needsFull(src) {
			return
		}
		var lean, full bytes.Buffer
		if err := r.lean.Convert([]byte(src), &lean); err != nil {
			t.Fatal(err)
		}
		if err := r.md.Convert([]byte(src), &full); err != nil {
			t.Fatal(err)
		}
		if lean.String() != full.String() {
			t.Fatalf("lean rendering of %q:\n got %q\nwant %q", src, lean.String(), full.String())
		}
	})
}
