package markdown

import (
	"strings"
	"testing"
)

// worst are the slowest Markdown texts that check accepts, each within
// its limits (internal/load: 32 KiB a text, 1,000 emphasis and link
// marks, 8 KiB a fenced code block): the marks packed into one paragraph,
// and the largest code blocks in a language chroma highlights and in one
// it would backtrack on.
func worst() map[string]string {
	pad := func(s string) string { return s + strings.Repeat(" word", (32<<10-len(s))/5) }
	fence := func(lang, unit string, n int) string {
		return "```" + lang + "\n" + strings.Repeat(unit, n/len(unit)) + "\n```\n\n"
	}
	return map[string]string{
		"emphasis":  pad(strings.Repeat("*a_", 333)),
		"links":     pad(strings.Repeat("[a](", 1000)),
		"images":    pad(strings.Repeat("![a](", 1000)),
		"sh blocks": strings.Repeat(fence("sh", "<a ", MaxHighlight-16), 7),
		"perl":      strings.Repeat(fence("perl", "s{{", 8<<10-16), 3),
	}
}

// BenchmarkWorstMarkdown renders each worst case; ns/byte is the cost of a
// byte of hostile content, to compare with that of real prose.
func BenchmarkWorstMarkdown(b *testing.B) {
	r := New(resolver)
	cases := worst()
	cases["real prose"] = strings.Repeat("The [board](board:oh-board) issues the *license* after an exam; see https://example.org.\n\n", 300)
	for name, src := range cases {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				if _, err := r.String(src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
