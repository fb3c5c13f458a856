// Package diag defines the one diagnostic type that every stage of licensure
// reports: a position in a content file, a message, and an optional hint.
//
// Diagnostics are collected, never returned one at a time: a List gathers
// them, drops exact duplicates, and sorts them by file, line and column so
// that an editor sees every problem at once, in reading order.
package diag

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Severity says whether a diagnostic fails a build.
type Severity int

const (
	// Error fails check and build.
	Error Severity = iota
	// Warning is printed but does not fail anything.
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Pos is a position in a file: 1-based line and column. A zero Line means
// the diagnostic concerns the whole file.
type Pos struct {
	Line, Col int
}

// Diagnostic is one problem found in the content.
type Diagnostic struct {
	File     string // slash-separated, relative to the site root, e.g. content/boards/x.yaml
	Pos      Pos
	Severity Severity
	Message  string // lower case, no final period
	Hint     string // optional likely fix, e.g. `did you mean "board"?`
}

// String formats the diagnostic as editors and compilers do:
// file:line:col: message (hint). Warnings carry a "warning: " prefix.
func (d Diagnostic) String() string {
	var b strings.Builder
	b.WriteString(d.File)
	if d.Pos.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", d.Pos.Line, max(d.Pos.Col, 1))
	}
	b.WriteString(": ")
	if d.Severity == Warning {
		b.WriteString("warning: ")
	}
	b.WriteString(d.Text())
	return b.String()
}

// Text is the message with its hint, without the position.
func (d Diagnostic) Text() string {
	if d.Hint == "" {
		return d.Message
	}
	return d.Message + " (" + d.Hint + ")"
}

// GitHub formats the diagnostic as a GitHub Actions workflow command, so
// that a pull request shows it on the offending line.
func (d Diagnostic) GitHub() string {
	level := "error"
	if d.Severity == Warning {
		level = "warning"
	}
	props := "file=" + escapeProperty(d.File)
	if d.Pos.Line > 0 {
		props += fmt.Sprintf(",line=%d,col=%d", d.Pos.Line, max(d.Pos.Col, 1))
	}
	return "::" + level + " " + props + "::" + escapeData(d.Text())
}

func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// Compare orders diagnostics by file, line, column, then message.
func Compare(a, b Diagnostic) int {
	return cmp.Or(
		cmp.Compare(a.File, b.File),
		cmp.Compare(a.Pos.Line, b.Pos.Line),
		cmp.Compare(a.Pos.Col, b.Pos.Col),
		cmp.Compare(a.Severity, b.Severity),
		cmp.Compare(a.Message, b.Message),
		cmp.Compare(a.Hint, b.Hint),
	)
}

// List collects diagnostics. The zero value is ready to use. A List is not
// safe for concurrent use; stages that work in parallel keep one each and
// Merge them.
type List struct {
	items []Diagnostic
}

// Add records a diagnostic.
//
// A message or hint longer than MaxMessage bytes is cut there: messages
// quote content only through Excerpt, and the cut makes sure no path
// prints more of a file than that.
func (l *List) Add(d Diagnostic) {
	d.Message, d.Hint = cut(d.Message), cut(d.Hint)
	l.items = append(l.items, d)
}

// MaxMessage is the longest message or hint a diagnostic prints.
const MaxMessage = 400

// MaxExcerpt is the number of characters of content Excerpt keeps.
const MaxExcerpt = 40

// Excerpt quotes a value taken from a file for a message, as %q would,
// keeping at most its first MaxExcerpt characters and marking the cut
// with "...": a diagnostic never prints a file's contents.
func Excerpt(s string) string {
	n := 0
	for i := range s {
		if n == MaxExcerpt {
			return strconv.Quote(s[:i] + "...")
		}
		n++
	}
	return strconv.Quote(s)
}

func cut(s string) string {
	if len(s) <= MaxMessage {
		return s
	}
	i := MaxMessage
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "..."
}

// Errorf records an error at file:pos.
func (l *List) Errorf(file string, pos Pos, format string, args ...any) {
	l.Add(Diagnostic{File: file, Pos: pos, Message: fmt.Sprintf(format, args...)})
}

// Warnf records a warning at file:pos.
func (l *List) Warnf(file string, pos Pos, format string, args ...any) {
	l.Add(Diagnostic{File: file, Pos: pos, Severity: Warning, Message: fmt.Sprintf(format, args...)})
}

// Merge appends every diagnostic of other.
func (l *List) Merge(other *List) { l.items = append(l.items, other.items...) }

// Items returns the diagnostics sorted and without exact duplicates.
func (l *List) Items() []Diagnostic {
	slices.SortFunc(l.items, Compare)
	l.items = slices.Compact(l.items)
	return l.items
}

// Errors counts the diagnostics of severity Error.
func (l *List) Errors() int { return l.count(Error) }

// Warnings counts the diagnostics of severity Warning.
func (l *List) Warnings() int { return l.count(Warning) }

func (l *List) count(s Severity) int {
	n := 0
	for _, d := range l.items {
		if d.Severity == s {
			n++
		}
	}
	return n
}

// Print writes every diagnostic, one a line, in the named format:
// "text" (file:line:col: message) or "github" (workflow commands).
func (l *List) Print(w io.Writer, format string) error {
	for _, d := range l.Items() {
		line := d.String()
		if format == "github" {
			line = d.GitHub()
		}
		if _, err := fmt.Fprintln(w, line); err != nil {
			return err
		}
	}
	return nil
}
