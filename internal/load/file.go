package load

import (
	"bytes"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/licensure/licensure/internal/diag"
	"github.com/licensure/licensure/internal/fastyaml"
)

// MaxFileSize is the largest content file the loader reads: far above any
// real record, low enough that a hostile file cannot exhaust memory.
const MaxFileSize = 1 << 20

var bom = []byte{0xEF, 0xBB, 0xBF}

// checkBytes reports file-level problems that make the text unusable:
// emptiness, a byte-order mark, invalid UTF-8. It returns false if any.
func checkBytes(file string, src []byte, diags *diag.List) bool {
	switch {
	case len(bytes.TrimSpace(src)) == 0:
		diags.Errorf(file, diag.Pos{}, "empty file")
	case bytes.HasPrefix(src, bom):
		diags.Add(diag.Diagnostic{File: file, Pos: diag.Pos{Line: 1, Col: 1}, Message: "file starts with a byte-order mark", Hint: "save it as UTF-8 without BOM"})
	case !utf8.Valid(src):
		diags.Errorf(file, invalidUTF8At(src), "invalid UTF-8")
	default:
		return true
	}
	return false
}

func invalidUTF8At(src []byte) diag.Pos {
	line, col := 1, 1
	for len(src) > 0 {
		r, size := utf8.DecodeRune(src)
		if r == utf8.RuneError && size <= 1 {
			break
		}
		if r == '\n' {
			line, col = line+1, 0
		}
		col++
		src = src[size:]
	}
	return diag.Pos{Line: line, Col: col}
}

// splitLines returns the lines of src without their line endings, so that
// CRLF files report the same columns as LF files. It reuses dst.
func splitLines(dst []string, src string) []string {
	dst = dst[:0]
	for {
		i := strings.IndexByte(src, '\n')
		if i < 0 {
			break
		}
		dst = append(dst, strings.TrimSuffix(src[:i], "\r"))
		src = src[i+1:]
	}
	return append(dst, strings.TrimSuffix(src, "\r"))
}

// yamlLine extracts the line number from a yaml.v3 syntax error. The
// library reports syntax errors only as text; this is the one place the
// loader reads a position out of a message, and it falls back to line 1.
var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parseYAML parses src as exactly one YAML document. offset is the number
// of file lines before src (front matter starts after its "---" line); lines
// are the whole file's. Most content is in the subset that package
// fastyaml reads, with fast (nil for yaml.v3 alone); the rest, and every
// error, is yaml.v3's.
func parseYAML(fast *fastyaml.Parser, file string, src string, lines []string, offset int, diags *diag.List) (*yaml.Node, bool) {
	var root *yaml.Node
	ok := false
	if fast != nil {
		if root, ok = fast.Parse(src); ok {
			shift(root, offset)
		}
	}
	if !ok {
		root, ok = parseYAMLv3(file, src, lines, offset, diags)
		if !ok {
			return nil, false
		}
	}
	if !checkShape(file, root, diags) {
		return nil, false
	}
	return root, true
}

// parseYAMLv3 parses src with yaml.v3. It reads with a Decoder, not
// Unmarshal: yaml.v3 starts a second document wherever the first one's
// root ends, even without a "---" line, and only a second Decode sees it.
func parseYAMLv3(file string, src string, lines []string, offset int, diags *diag.List) (*yaml.Node, bool) {
	dec := yaml.NewDecoder(strings.NewReader(src))
	var doc yaml.Node
	if err := dec.Decode(&doc); errors.Is(err, io.EOF) {
		diags.Errorf(file, diag.Pos{Line: offset}, "no YAML content")
		return nil, false
	} else if err != nil {
		syntaxError(file, err, lines, offset, diags)
		return nil, false
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		diags.Errorf(file, diag.Pos{Line: max(extra.Line, 1) + offset, Col: 1}, "a content file holds one YAML document; found another")
		return nil, false
	}
	if len(doc.Content) != 1 {
		diags.Errorf(file, diag.Pos{Line: offset}, "no YAML content")
		return nil, false
	}
	shift(doc.Content[0], offset)
	return doc.Content[0], true
}

// shift moves every node's line by n, for YAML parsed out of a larger file.
func shift(n *yaml.Node, by int) {
	if by == 0 {
		return
	}
	n.Line += by
	for _, c := range n.Content {
		shift(c, by)
	}
}

func syntaxError(file string, err error, lines []string, offset int, diags *diag.List) {
	msg := err.Error()
	pos := diag.Pos{Line: 1 + offset, Col: 1}
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		pos.Line, msg = n+offset, m[2]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	d := diag.Diagnostic{File: file, Pos: pos, Message: "YAML syntax: " + msg}
	if hasTabIndent(lines, pos.Line) {
		d.Hint = "indent with spaces, not tabs"
	}
	diags.Add(d)
}

func hasTabIndent(lines []string, line int) bool {
	for i := max(line-2, 0); i < min(line+1, len(lines)); i++ {
		l := lines[i]
		if strings.HasPrefix(strings.TrimLeft(l, " "), "\t") {
			return true
		}
	}
	return false
}
