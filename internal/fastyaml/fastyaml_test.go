package fastyaml

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// slowParse parses src with yaml.v3 alone, as one document.
func slowParse(src string) (*yaml.Node, bool) {
	dec := yaml.NewDecoder(bytes.NewReader([]byte(src)))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		return nil, false
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return nil, false
	}
	if len(doc.Content) != 1 {
		return nil, false
	}
	return doc.Content[0], true
}

// sameTree compares what the loader reads of two node trees: everything
// but comments.
func sameTree(a, b *yaml.Node, path string) error {
	if a.Kind != b.Kind || a.Style != b.Style || a.Tag != b.Tag || a.Value != b.Value || a.Line != b.Line || a.Column != b.Column || a.Anchor != b.Anchor || a.Alias != nil || b.Alias != nil {
		return fmt.Errorf("%s: fast {%v %v %q %q %d:%d}, yaml.v3 {%v %v %q %q %d:%d}", path,
			a.Kind, a.Style, a.Tag, a.Value, a.Line, a.Column, b.Kind, b.Style, b.Tag, b.Value, b.Line, b.Column)
	}
	if len(a.Content) != len(b.Content) {
		return fmt.Errorf("%s: fast has %d children, yaml.v3 %d", path, len(a.Content), len(b.Content))
	}
	for i := range a.Content {
		if err := sameTree(a.Content[i], b.Content[i], fmt.Sprintf("%s/%d", path, i)); err != nil {
			return err
		}
	}
	return nil
}

// checkFast fails when the fast parser accepts src but builds another tree
// than yaml.v3, or accepts what yaml.v3 rejects.
func checkFast(t *testing.T, p *Parser, src string) bool {
	t.Helper()
	fast, ok := p.Parse(src)
	if !ok {
		return false
	}
	slow, ok := slowParse(src)
	if !ok {
		t.Fatalf("fast parser accepts what yaml.v3 rejects:\n%s", src)
	}
	if err := sameTree(fast, slow, ""); err != nil {
		t.Fatalf("%v\nin:\n%s", err, src)
	}
	return true
}

var fastCases = []string{
	"name: Ohio Board\nstate: OH\nurl: https://example.org\nsources: [{title: t, url: \"https://example.org\"}]\nreviewed: 2026-11-24\n",
	"name: x\n",
	"name: x",
	"name:   x   \n",
	"a: 1\nb: -1\nc: 1.5\nd: true\ne: ~\nf: null\ng: 2026-11-24\nh: 0x1F\ni: .inf\nj: +1\nk: 29-1126.00\nl: on\nm: yes\nn: NO\no: 1_000\n",
	"name: \"quoted\"\nother: 'single'\nempty: \"\"\n",
	"list: [a, b, c]\nempty: []\nsp: [ a ,b ]\nq: [\"a, b\", 'c']\nn: [1, 2.5, -3, 29-1126.00]\n",
	"summary: |\n  line one\n  line two\n\n  para [x](board:y)\n    indented\nnext: x\n",
	"summary: |-\n  strip\n\nnext: x\n",
	"summary: |\n  at eof",
	"summary: |\n  at eof\n\n\n",
	"summary: |\n  a\n\n  b\n  \n   \nz: 1\n",
	"summary: |  \n  a\n# comment\nz: 1\n",
	"summary: |\n  # not a comment\n  x\n",
	"sources:\n  - title: t\n    url: https://x.org\n  - title: u\n    url: https://y.org\nreviewed: 2026-11-24\n",
	"sources:\n- title: t\n  url: https://x.org\n- title: u\nnext: 1\n",
	"aliases:\n  - /a/\n  - /b/\nx: y\n",
	"# comment\n\nname: x\n  # indented comment\nother:\n    # between\n  sub: 1\n  sub2: 2\n",
	"requirements:\n  education: x\n  certifications:\n    - id: a\n      role: required\n    - id: b\n      role: accepted\n  renewal: y\nstatute:\n  citation: c\n",
	"name: héllo wörld\nstate: ÖH\nx: [é, ü]\n",
	"é: x\n",
	"name: a: b\n",
	"name: a #c\n",
	"name: x\n  continued\n",
	"name:\n  continued\n",
	"name:\n",
	"name: x\n---\nname: y\n",
	"- a\n- b\n",
	"name: [a, [b]]\n",
	"name: {a: b}\n",
	"name: \"a\\\"b\"\n",
	"name: 'it''s'\n",
	"name: &a x\nother: *a\n",
	"name: x\r\nother: y\r\n",
	"name: x\n\tother: y\n",
	"key: |\n    deep\n  shallow\n",
	"key:\n  - a\n - b\n",
	"  indented: root\n  second: x\n",
	"a:\n  b:\n    c:\n      d: 1\n  e: 2\nf: 3\n",
	"a: -\n",
	"a: - x\n",
	"a: [a,]\n",
	"a: [,]\n",
	"a: [a b, c d ]\n",
	"a: <<\n",
	"<<: x\n",
	"a: 'x' \n",
	"a: \"x\" y\n",
	"a: x:\n",
	"a: |+\n  x\n\n",
	"a: |2\n  x\n",
	"a: >\n  x\n",
	"a:    |\n   x\n   y\nb: 1\n",
	"seq:\n  - a\n  - b: 1\n    c: 2\n  - d\n",
	"seq:\n  -   a: 1\n      b: 2\n",
	"seq:\n- a\n-\n- b\n",
	"x: \u00a0y\n",
	"x: y\u0085z\n",
	"x: \U0001F600\n",
	"x: 1\nx: 2\n",
	"name: x\n...\n",
	"%YAML 1.2\n---\nname: x\n",
	"name: x # comment\n",
	"url: https://x.org/#frag\n",
	"a: [x]   \nb: [ ]\n",
	"title: Foo [bar] {baz}, qux\n",
	"a: 2026-13-01\nb: 2026-02-29\nc: 2024-02-29\nd: 0000-01-01\ne: 1900-02-29\nf: 2000-02-29\ng: 2026-04-31\nh: 2026-1-2\ni: 2026-01-00\n",
	"a: 09\nb: 012\nc: 0\nd: 123456789012345678\ne: 1234567890123456789\nf: 12345678901234567890\ng: 1e3\nh: 1_0\ni: 0b101\nj: 0o17\nk: -0b1\nl: 99999999999999999999999\n",
	"a: True\nb: FALSE\nc: Null\nd: ~x\ne: yes\nf: y\ng: off\nh: tru\ni: nullx\nj: 29-1126.00x\nk: 29-1126.0\nl: .5\nm: .nan\nn: -.inf\no: +1\n",
}

func TestFastYAMLMatchesYAMLv3(t *testing.T) {
	var p Parser
	for _, src := range fastCases {
		checkFast(t, &p, src)
	}
}

// TestFastYAMLContent checks the fast parser on the repository's content
// and on a synthetic site, where it must accept nearly every file.
func TestFastYAMLContent(t *testing.T) {
	files, _ := filepath.Glob("../../content/*/*.yaml")
	more, _ := filepath.Glob("../../content/*.yaml")
	files = append(files, more...)
	if dir := os.Getenv("LICENSURE_FAST_YAML_DIR"); dir != "" {
		more, _ := filepath.Glob(filepath.Join(dir, "*/*.yaml"))
		files = append(files, more...)
	}
	var p Parser
	accepted := 0
	var refused []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if checkFast(t, &p, string(b)) {
			accepted++
		} else {
			refused = append(refused, f)
		}
	}
	t.Logf("fast parser accepted %d of %d files; refused %s", accepted, len(files), strings.Join(refused[:min(len(refused), 10)], " "))
}

// FuzzParse checks that the fast parser builds what yaml.v3 builds,
// whenever it accepts a text.
func FuzzParse(f *testing.F) {
	for _, s := range fastCases {
		f.Add(s)
	}
	var p Parser
	f.Fuzz(func(t *testing.T, src string) {
		checkFast(t, &p, src)
	})
}

// TestPlainTag compares plainTag's shortcuts with yaml.v3's resolution.
func TestPlainTag(t *testing.T) {
	values := []string{"", "x", "Ohio", "yes", "True", "true", "TRUE", "tRUE", "false", "nULL", "null", "~", "~x", "off", "on",
		"0", "00", "09", "012", "1", "-1", "+1", "1.5", "1e3", "1_000", "0x1F", "0b101", "0o17", ".5", ".inf", "-.inf", "+.inf", ".nan",
		"2026-11-24", "2026-13-01", "2026-02-29", "2024-02-29", "1900-02-29", "2000-02-29", "0000-01-01", "2026-1-2", "2026-11-24T10:00:00Z",
		"29-1126.00", "29-1126.0", "99-9999.99", "123456789012345678", "1234567890123456789", "99999999999999999999", "2026", "20261", "1-2",
		"30 contact hours", "2026-11-24 10:00:00", "2026-11-24 junk", "2026-11-24T10:00:00.5+01:00", "1 000", "0x1G", "1e5x", "12abc", "1_2_3", "0b12", "0o8", "1.2.3", "1/2", "24 hours", "3rd", "1,000", "0xFF", "1E5", "1e+5"}
	for y := 1890; y < 2110; y += 7 {
		for m := 0; m <= 13; m++ {
			for _, d := range []int{0, 1, 28, 29, 30, 31, 32} {
				values = append(values, fmt.Sprintf("%04d-%02d-%02d", y, m, d))
			}
		}
	}
	for _, v := range values {
		n := yaml.Node{Kind: yaml.ScalarNode, Value: v}
		if got, want := plainTag(v), n.ShortTag(); got != want {
			t.Errorf("plainTag(%q) = %s, yaml.v3 says %s", v, got, want)
		}
	}
}
