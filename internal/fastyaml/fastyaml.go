// Package fastyaml reads the plain subset of YAML that content files are
// written in, several times faster than yaml.v3 and with a fraction of its
// allocations. Its contract is one function:
//
//	Parse(src) (*yaml.Node, bool)
//
// returns the root of the single document in src, the same tree (comments
// aside) that yaml.v3 builds, or false, which means "ask yaml.v3": for
// anything outside the subset, and for every error, whose message is
// yaml.v3's to give. Giving up is always safe; accepting is allowed only
// where yaml.v3 would build exactly the same tree. FuzzParse compares the
// trees on any input, and package load's tests compare whole loads.
//
// The subset is block mappings with simple keys, block sequences,
// single-line plain and quoted scalars without escapes, one-line flow
// sequences of such scalars, and literal block scalars.
//
// A Parser does the same with memory reused from call to call: its nodes
// stay valid until its next Parse.
package fastyaml

import (
	"strings"
	"unicode/utf8"
	"unsafe"

	"gopkg.in/yaml.v3"
)

// Parse returns the root of src, or false to ask yaml.v3.
func Parse(src string) (*yaml.Node, bool) {
	var p Parser
	return p.Parse(src)
}

// Parser is Parse with its nodes in blocks reused from call to call. The
// zero Parser is ready to use.
type Parser struct {
	// Text, if set, returns a string of size bytes that fill writes; the
	// values of scalars are cut from it, so that the caller decides where
	// they live. Unset, each Parse makes one new string for them.
	Text func(size int, fill func([]byte)) string

	src    string
	ls     int // byte offset of the current line
	ln     int // number of the current line, 1-based
	depth  int
	failed bool

	nodes []yaml.Node       // the current block of nodes
	used  [][]yaml.Node     // the blocks handed out since reset
	free  [][]yaml.Node     // blocks to reuse
	ptrs  []*yaml.Node      // the current block of child lists
	stack []*yaml.Node      // children of the open collections
	vals  []*yaml.Node      // the scalars that are not keys
	lit   []byte            // the text of literal block scalars
	keys  map[string]string // copies of the keys met, by themselves
	fill  func([]byte)      // p.fillValues

	colLine, colAt, colN int // col's last answer: line, offset and column
}

const (
	fastNodeBlock = 256
	fastPtrBlock  = 1024
	fastMaxDepth  = 64 // well below yaml.v3's 10,000, whose error it must leave to yaml.v3
	fastMaxKey    = 1000
	maxKeys       = 1024 // distinct keys a Parser keeps copies of
)

// Parse returns the root of src, or false when src is outside the subset.
// The nodes stay valid until the next call. The values of scalars are
// copied out of src, those of keys included, so that the tree holds no
// part of src and src may be overwritten once Parse returns.
func (p *Parser) Parse(src string) (*yaml.Node, bool) {
	p.reset()
	p.src, p.ls, p.ln, p.depth, p.failed = src, 0, 1, 0, false
	p.colLine, p.colAt, p.colN = -1, 0, 1
	if !plainText(src) {
		return nil, false
	}
	p.skipInsignificant()
	if p.ls >= len(src) {
		return nil, false
	}
	k := p.indent()
	if !p.isKey(p.ls + k) {
		return nil, false
	}
	root := p.mapping(k, p.ls+k)
	if p.failed {
		return nil, false
	}
	p.skipInsignificant()
	if p.ls < len(src) {
		return nil, false
	}
	p.copyValues()
	return root, true
}

// copyValues gives the scalars that are not keys values of their own, all
// cut from one string (of p.Text, if set), so that they keep neither src
// nor p.lit alive.
func (p *Parser) copyValues() {
	size := 0
	for _, n := range p.vals {
		size += len(n.Value)
	}
	var all string
	if p.Text != nil {
		if p.fill == nil {
			p.fill = p.fillValues // made once: a method value escapes to the heap
		}
		all = p.Text(size, p.fill)
	} else {
		var b strings.Builder
		b.Grow(size)
		for _, n := range p.vals {
			b.WriteString(n.Value)
		}
		all = b.String()
	}
	for _, n := range p.vals {
		n.Value, all = all[:len(n.Value)], all[len(n.Value):]
	}
}

// fillValues writes the values of p.vals, one after the other, into b.
func (p *Parser) fillValues(b []byte) {
	b = b[:0]
	for _, n := range p.vals {
		b = append(b, n.Value...)
	}
}

// key returns a copy of the key k of src. Content files use few distinct
// keys, so each is copied once per Parser and shared by every file's tree;
// past maxKeys distinct keys, each is copied anew.
func (p *Parser) key(k string) string {
	if c, ok := p.keys[k]; ok {
		return c
	}
	c := strings.Clone(k)
	if p.keys == nil {
		p.keys = map[string]string{}
	}
	if len(p.keys) < maxKeys {
		p.keys[c] = c
	}
	return c
}

func (p *Parser) reset() {
	p.free = append(p.free, p.used...)
	p.used = p.used[:0]
	p.nodes = nil
	p.ptrs = p.ptrs[:0]
	p.stack = p.stack[:0]
	clear(p.vals)
	p.vals = p.vals[:0]
	p.lit = p.lit[:0]
}

// plainText reports whether src holds only characters the subset allows:
// no tabs, carriage returns or other control characters, and no
// characters yaml.v3 treats as line breaks or refuses.
func plainText(src string) bool {
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c >= 0x20 && c < 0x7F, c == '\n':
		case c < 0x80:
			return false
		default:
			r, size := utf8.DecodeRuneInString(src[i:])
			if r < 0xA0 || size == 1 || r == 0x2028 || r == 0x2029 || r == 0xFEFF || r > 0xFFFD || (r >= 0xD800 && r <= 0xDFFF) {
				return false
			}
			i += size - 1
		}
	}
	return true
}

func (p *Parser) fail() { p.failed = true }

// lineEnd returns the offset of the end of the current line, before "\n".
func (p *Parser) lineEnd() int {
	if i := strings.IndexByte(p.src[p.ls:], '\n'); i >= 0 {
		return p.ls + i
	}
	return len(p.src)
}

// nextLine moves to the line after the one ending at end.
func (p *Parser) nextLine(end int) {
	p.ls = end + 1
	if p.ls > len(p.src) {
		p.ls = len(p.src)
	}
	p.ln++
}

// indent returns the number of spaces that start the current line.
func (p *Parser) indent() int {
	i := p.ls
	for i < len(p.src) && p.src[i] == ' ' {
		i++
	}
	return i - p.ls
}

// skipInsignificant moves past blank lines and comment lines.
func (p *Parser) skipInsignificant() {
	for p.ls < len(p.src) {
		i := p.ls + p.indent()
		if i < len(p.src) && p.src[i] != '\n' && p.src[i] != '#' {
			return
		}
		p.nextLine(p.lineEnd())
	}
}

// col returns the 1-based column, counted in characters, of offset i on
// the current line. It counts on from the offset it was last asked about,
// when that is on the same line and not after i, so that the columns of
// the many items of a long line cost no more than the line.
func (p *Parser) col(i int) int {
	if p.colLine != p.ls || p.colAt > i {
		p.colLine, p.colAt, p.colN = p.ls, p.ls, 1
	}
	from := p.colAt
	n := i - from
	for j := from; j < i; j++ {
		if p.src[j] >= 0x80 {
			n = utf8.RuneCountInString(p.src[from:i])
			break
		}
	}
	p.colAt, p.colN = i, p.colN+n
	return p.colN
}

func (p *Parser) node(kind yaml.Kind, style yaml.Style, tag, value string, i int) *yaml.Node {
	if len(p.nodes) == cap(p.nodes) {
		var block []yaml.Node
		if n := len(p.free); n > 0 {
			block, p.free = p.free[n-1][:0], p.free[:n-1]
		} else {
			block = make([]yaml.Node, 0, fastNodeBlock)
		}
		p.used = append(p.used, block)
		p.nodes = block
	}
	p.nodes = p.nodes[:len(p.nodes)+1]
	n := &p.nodes[len(p.nodes)-1]
	*n = yaml.Node{Kind: kind, Style: style, Tag: tag, Value: value, Line: p.ln, Column: p.col(i)}
	return n
}

// children returns the nodes pushed since base as one list, and pops them.
func (p *Parser) children(base int) []*yaml.Node {
	n := len(p.stack) - base
	if n == 0 {
		return nil
	}
	var out []*yaml.Node
	if n > fastPtrBlock/4 {
		out = make([]*yaml.Node, n)
	} else {
		if len(p.ptrs)+n > cap(p.ptrs) {
			p.ptrs = make([]*yaml.Node, 0, fastPtrBlock)
		}
		out = p.ptrs[len(p.ptrs) : len(p.ptrs)+n : len(p.ptrs)+n]
		p.ptrs = p.ptrs[:len(p.ptrs)+n]
	}
	copy(out, p.stack[base:])
	clear(p.stack[base:])
	p.stack = p.stack[:base]
	return out
}

// isKey reports whether a simple key and its colon start at offset i.
func (p *Parser) isKey(i int) bool {
	_, ok := p.keyEnd(i)
	return ok
}

// keyEnd returns the offset of the colon after a simple key at i.
func (p *Parser) keyEnd(i int) (int, bool) {
	s := p.src
	j := i
	for j < len(s) && j-i <= fastMaxKey {
		c := s[j]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' && j > i {
			j++
			continue
		}
		break
	}
	if j == i || j-i > fastMaxKey || j >= len(s) || s[j] != ':' {
		return 0, false
	}
	if j+1 < len(s) && s[j+1] != ' ' && s[j+1] != '\n' {
		return 0, false
	}
	return j, true
}

// isEntry reports whether the current line, indented by k, is a sequence
// entry.
func (p *Parser) isEntry(k int) bool {
	i := p.ls + k
	return i < len(p.src) && p.src[i] == '-' && (i+1 == len(p.src) || p.src[i+1] == ' ' || p.src[i+1] == '\n')
}

// mapping parses a block mapping whose keys are indented by k, the first
// of them at offset at of the current line.
func (p *Parser) mapping(k, at int) *yaml.Node {
	if p.depth++; p.depth > fastMaxDepth {
		p.fail()
		return nil
	}
	defer func() { p.depth-- }()
	m := p.node(yaml.MappingNode, 0, "!!map", "", at)
	base := len(p.stack)
	for !p.failed {
		colon, ok := p.keyEnd(at)
		if !ok {
			p.fail()
			break
		}
		key := p.key(p.src[at:colon])
		p.stack = append(p.stack, p.node(yaml.ScalarNode, 0, plainTag(key), key, at))
		end := p.lineEnd()
		v := skipSpaces(p.src, colon+1, end)
		var val *yaml.Node
		if v == end {
			val = p.blockValue(k, end)
		} else {
			val = p.inline(v, end, k, true)
		}
		if p.failed {
			break
		}
		p.stack = append(p.stack, val)
		p.skipInsignificant()
		if p.ls >= len(p.src) {
			break
		}
		ind := p.indent()
		if ind < k {
			break
		}
		if ind > k || !p.isKey(p.ls+ind) {
			p.fail()
			break
		}
		at = p.ls + k
	}
	m.Content = p.children(base)
	return m
}

// blockValue parses the value of a key, indented by k, whose line ends at
// end right after the colon: a nested mapping or a sequence.
func (p *Parser) blockValue(k, end int) *yaml.Node {
	p.nextLine(end)
	p.skipInsignificant()
	if p.ls >= len(p.src) {
		p.fail() // an empty value: left to yaml.v3
		return nil
	}
	ind := p.indent()
	switch {
	case ind > k && p.isEntry(ind):
		return p.sequence(ind, false)
	case ind > k && p.isKey(p.ls+ind):
		return p.mapping(ind, p.ls+ind)
	case ind == k && p.isEntry(ind):
		return p.sequence(k, true)
	}
	p.fail()
	return nil
}

// sequence parses a block sequence whose entries are indented by s. An
// indentless sequence, at the indentation of the mapping that holds it,
// ends at that mapping's next key.
func (p *Parser) sequence(s int, indentless bool) *yaml.Node {
	if p.depth++; p.depth > fastMaxDepth {
		p.fail()
		return nil
	}
	defer func() { p.depth-- }()
	seq := p.node(yaml.SequenceNode, 0, "!!seq", "", p.ls+s)
	base := len(p.stack)
	for !p.failed {
		end := p.lineEnd()
		i := skipSpaces(p.src, p.ls+s+1, end)
		if i == end || i == p.ls+s+1 {
			p.fail() // an empty entry, or one whose value starts on the next line
			break
		}
		var item *yaml.Node
		if p.isKey(i) {
			item = p.mapping(i-p.ls, i)
		} else {
			item = p.inline(i, end, s, false)
		}
		if p.failed {
			break
		}
		p.stack = append(p.stack, item)
		p.skipInsignificant()
		if p.ls >= len(p.src) {
			break
		}
		ind := p.indent()
		if ind < s {
			break
		}
		if ind == s && p.isEntry(s) {
			continue
		}
		if !indentless || ind > s || !p.isKey(p.ls+ind) {
			p.fail()
		}
		break
	}
	seq.Content = p.children(base)
	return seq
}

// inline parses a value that starts at offset i of the current line, which
// ends at end, and moves to the line after it. k is the indentation of the
// collection that holds it; literal says whether a literal block scalar
// may start here.
func (p *Parser) inline(i, end, k int, literal bool) *yaml.Node {
	switch c := p.src[i]; c {
	case '|':
		if !literal {
			break
		}
		return p.literal(i, end, k)
	case '"', '\'':
		n, j := p.quoted(i, end)
		if n == nil || skipSpaces(p.src, j, end) != end {
			break
		}
		p.vals = append(p.vals, n)
		p.nextLine(end)
		return n
	case '[':
		n := p.flowSequence(i, end)
		if n == nil {
			break
		}
		p.nextLine(end)
		return n
	default:
		v := strings.TrimRight(p.src[i:end], " ")
		if !plainScalar(v, false) {
			break
		}
		n := p.node(yaml.ScalarNode, 0, plainTag(v), v, i)
		p.vals = append(p.vals, n)
		p.nextLine(end)
		return n
	}
	p.fail()
	return nil
}

// quoted parses a single-line quoted scalar without escapes at i, and
// returns it and the offset after its closing quote.
func (p *Parser) quoted(i, end int) (*yaml.Node, int) {
	q := p.src[i]
	j := strings.IndexByte(p.src[i+1:end], q)
	if j < 0 {
		return nil, 0
	}
	v := p.src[i+1 : i+1+j]
	style := yaml.SingleQuotedStyle
	if q == '"' {
		if strings.IndexByte(v, '\\') >= 0 {
			return nil, 0
		}
		style = yaml.DoubleQuotedStyle
	} else if i+2+j < end && p.src[i+2+j] == '\'' {
		return nil, 0 // '' is an escaped quote
	}
	return p.node(yaml.ScalarNode, style, "!!str", v, i), i + 2 + j
}

// flowSequence parses a one-line flow sequence of scalars at i, up to the
// end of the line.
func (p *Parser) flowSequence(i, end int) *yaml.Node {
	close := strings.LastIndexByte(p.src[i:end], ']')
	if close < 0 || skipSpaces(p.src, i+close+1, end) != end {
		return nil
	}
	close += i
	seq := p.node(yaml.SequenceNode, yaml.FlowStyle, "!!seq", "", i)
	base := len(p.stack)
	j := skipSpaces(p.src, i+1, close)
	for j < close {
		var item *yaml.Node
		if c := p.src[j]; c == '"' || c == '\'' {
			n, after := p.quoted(j, close)
			if n == nil {
				break
			}
			item, j = n, skipSpaces(p.src, after, close)
		} else {
			e := j
			for e < close && p.src[e] != ',' {
				e++
			}
			v := strings.TrimRight(p.src[j:e], " ")
			if !plainScalar(v, true) {
				break
			}
			item, j = p.node(yaml.ScalarNode, 0, plainTag(v), v, j), e
		}
		p.stack = append(p.stack, item)
		p.vals = append(p.vals, item)
		if j == close {
			seq.Content = p.children(base)
			return seq
		}
		if p.src[j] != ',' {
			break
		}
		j = skipSpaces(p.src, j+1, close)
		if j == close {
			break // a trailing comma
		}
	}
	if j == close && len(p.stack) == base {
		return seq // []
	}
	clear(p.stack[base:])
	p.stack = p.stack[:base]
	return nil
}

// literal parses a literal block scalar whose indicator is at offset i of
// the current line, which ends at end, in a mapping indented by k.
func (p *Parser) literal(i, end, k int) *yaml.Node {
	strip := false
	j := i + 1
	if j < end && p.src[j] == '-' {
		strip = true
		j++
	}
	if skipSpaces(p.src, j, end) != end || end == len(p.src) {
		return p.literalFail()
	}
	n := p.node(yaml.ScalarNode, yaml.LiteralStyle, "!!str", "", i)
	p.nextLine(end)
	indent := p.indent()
	first := p.ls + indent
	if indent <= k || first >= len(p.src) || p.src[first] == '\n' {
		return p.literalFail() // leading blank lines, or no content
	}
	// Find the extent of the content, and its size without indentation.
	type span struct{ from, to, blanks int }
	var spans [16]span
	lines := spans[:0]
	size, blanks := 0, 0
	lastBreak := false
	for p.ls < len(p.src) {
		e := p.lineEnd()
		ind := p.indent()
		if p.ls+ind == e { // blank
			if ind > indent {
				return p.literalFail()
			}
			blanks++
			p.nextLine(e)
			continue
		}
		if ind < indent {
			break
		}
		lines = append(lines, span{p.ls + indent, e, blanks})
		size += e - (p.ls + indent) + 1 + blanks
		blanks = 0
		lastBreak = e < len(p.src)
		p.nextLine(e)
	}
	// Build the text in p.lit, which copyValues copies out of: a new
	// block when it is full, as strings may point into the old one.
	if cap(p.lit)-len(p.lit) < size {
		p.lit = make([]byte, 0, max(size, 2*cap(p.lit), 4096))
	}
	start := len(p.lit)
	for x, l := range lines {
		if x > 0 {
			p.lit = append(p.lit, '\n')
			for range l.blanks {
				p.lit = append(p.lit, '\n')
			}
		}
		p.lit = append(p.lit, p.src[l.from:l.to]...)
	}
	if lastBreak && !strip {
		p.lit = append(p.lit, '\n')
	}
	if len(p.lit) > start {
		n.Value = unsafe.String(&p.lit[start], len(p.lit)-start)
	}
	p.vals = append(p.vals, n)
	return n
}

func (p *Parser) literalFail() *yaml.Node {
	p.fail()
	return nil
}

func skipSpaces(s string, i, end int) int {
	for i < end && s[i] == ' ' {
		i++
	}
	return i
}

// plainScalar reports whether v, trimmed, is a whole single-line plain
// scalar, in flow context (an item of a flow sequence) or block context.
func plainScalar(v string, flow bool) bool {
	if v == "" {
		return false
	}
	switch c := v[0]; {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c >= 0x80:
	case strings.IndexByte("$(./_+~=^;", c) >= 0:
	case c == '-' && len(v) > 1 && v[1] != ' ':
	default:
		return false
	}
	if v[len(v)-1] == ':' || strings.Contains(v, ": ") || strings.Contains(v, " #") {
		return false
	}
	if flow && strings.ContainsAny(v, ",[]{}#:?") {
		return false
	}
	return true
}

// plainTag is the tag yaml.v3 resolves a plain scalar to. It answers the
// common cases itself, as yaml.v3's resolve would, and asks yaml.v3 for the
// rest.
func plainTag(v string) string {
	if v == "" {
		return "!!null"
	}
	switch c := v[0]; {
	case strings.IndexByte("+-0123456789yYnNtTfFoO~.", c) < 0:
		return "!!str"
	case strings.IndexByte("yYnNtTfFoO~", c) >= 0:
		// Only these are in yaml.v3's table of special values.
		switch v {
		case "true", "True", "TRUE", "false", "False", "FALSE":
			return "!!bool"
		case "~", "null", "Null", "NULL":
			return "!!null"
		}
		return "!!str"
	case c >= '0' && c <= '9':
		switch {
		case isDate(v):
			return "!!timestamp"
		case socShaped(v):
			return "!!str"
		case len(v) <= 18 && c != '0' && allDigits(v):
			return "!!int"
		case !(len(v) > 4 && v[4] == '-' && allDigits(v[:4])) && strings.IndexFunc(v, notNumeric) >= 0:
			// Not a timestamp, which starts YYYY-, and with a character
			// that no integer or float has.
			return "!!str"
		}
	}
	n := yaml.Node{Kind: yaml.ScalarNode, Value: v}
	return n.ShortTag()
}

// notNumeric reports whether r appears in no integer or float that yaml.v3
// resolves, in any base.
// socShaped reports whether v looks like an O*NET-SOC code, NN-NNNN.NN:
// a string to yaml.v3, and common in content.
func socShaped(v string) bool {
	if len(v) != 10 || v[2] != '-' || v[7] != '.' {
		return false
	}
	return allDigits(v[:2]) && allDigits(v[3:7]) && allDigits(v[8:])
}

func notNumeric(r rune) bool {
	return !strings.ContainsRune("0123456789abcdefABCDEFxXoObB_.+-", r)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isDate reports whether s is a YYYY-MM-DD date that time.Parse accepts.
func isDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' || !allDigits(s[:4]) || !allDigits(s[5:7]) || !allDigits(s[8:]) {
		return false
	}
	year := int(s[0]-'0')*1000 + int(s[1]-'0')*100 + int(s[2]-'0')*10 + int(s[3]-'0')
	month := int(s[5]-'0')*10 + int(s[6]-'0')
	day := int(s[8]-'0')*10 + int(s[9]-'0')
	if month < 1 || month > 12 || day < 1 {
		return false
	}
	days := [...]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[month-1]
	if month == 2 && year%4 == 0 && (year%100 != 0 || year%400 == 0) {
		days = 29
	}
	return day <= days
}
