package load

import (
	"fmt"
	"strings"
)

// Limits on one Markdown text (a field, or a page's body), far above real
// prose and low enough that no text can make the renderer slow: the
// longest shipped summary is about 2 KB and the longest page 4 KB, and
// goldmark's time grows with the square of the emphasis and link marks
// of a paragraph, chroma's with the square of a code block's size for
// some languages (HTML, Perl, YAML).
const (
	MaxMarkdown  = 32 << 10 // bytes of one Markdown text
	MaxMarks     = 1000     // of *, _, ~ and [ in one Markdown text
	MaxCodeBlock = 8 << 10  // bytes of one fenced code block
)

// markdownProblem returns what makes a Markdown text too large, and the
// line of the text (0-based) where it is, or "".
func markdownProblem(text string) (string, int) {
	if len(text) > MaxMarkdown {
		return fmt.Sprintf("Markdown text is %d bytes, over the limit of %d", len(text), MaxMarkdown), 0
	}
	marks := 0
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '*', '_', '~', '[':
			marks++
		}
	}
	if marks > MaxMarks {
		return fmt.Sprintf("Markdown text has %d emphasis and link marks (*, _, ~, [), over the limit of %d", marks, MaxMarks), 0
	}
	if size, line := largestFence(text); size > MaxCodeBlock {
		return fmt.Sprintf("fenced code block of %d bytes, over the limit of %d", size, MaxCodeBlock), line
	}
	return "", 0
}

// largestFence returns the size of the largest fenced code block of text
// and the line of its opening fence. A fence is three or more backticks
// or tildes, indented by at most three spaces; the block ends at a fence
// of the same character at least as long, or at the end of the text.
func largestFence(text string) (size, at int) {
	if !strings.Contains(text, "``"+"`") && !strings.Contains(text, "~~~") {
		return 0, 0
	}
	var open string // the opening fence, while in a block
	start, startLine := 0, 0
	offset := 0
	for n, line := range strings.SplitAfter(text, "\n") {
		fence := fenceOf(line)
		switch {
		case open == "" && fence != "":
			open, start, startLine = fence, offset+len(line), n
		case open != "" && fence != "" && fence[0] == open[0] && len(fence) >= len(open) && strings.TrimSpace(line) == fence:
			if offset-start > size {
				size, at = offset-start, startLine
			}
			open = ""
		}
		offset += len(line)
	}
	if open != "" && offset-start > size {
		size, at = offset-start, startLine
	}
	return size, at
}

// fenceOf returns the run of backticks or tildes that opens line as a
// fence, or "".
func fenceOf(line string) string {
	trimmed := strings.TrimLeft(line, " ")
	if len(line)-len(trimmed) > 3 || trimmed == "" || (trimmed[0] != '`' && trimmed[0] != '~') {
		return ""
	}
	n := 0
	for n < len(trimmed) && trimmed[n] == trimmed[0] {
		n++
	}
	if n < 3 {
		return ""
	}
	return trimmed[:n]
}
