package render

import (
	"errors"
	"html/template"
	"io/fs"
	"regexp"
	"strconv"
	"strings"

	"github.com/licensure/licensure/internal/diag"
)

// templateErr matches text/template's errors, which carry their position
// only in their text: "template: NAME:LINE: message" when parsing,
// "template: NAME:LINE:COL: message" when executing. This is the one place
// that reads a position out of a template error's text.
var templateErr = regexp.MustCompile(`template: ([^:\s]+):(\d+)(?::(\d+))?: (.*)`)

// TemplateDiagnostic turns an error from ParseTemplates or from rendering
// into a diagnostic at the template's file, line and column, with the
// page being rendered, if any, in the message. tfs is the templates
// folder, displayed as templates/; ParseFS names a template by its base
// name, so a name not at the top of tfs is looked for among the partials.
// A parse error has no column (text/template gives only the line): it is
// placed at column 1. ok is false for an error that is not a template's.
func TemplateDiagnostic(tfs fs.FS, err error) (d diag.Diagnostic, ok bool) {
	if err == nil {
		return d, false
	}
	var name, msg string
	var line, col int
	if e := (*template.Error)(nil); errors.As(err, &e) && e.Name != "" {
		name, line, msg = e.Name, e.Line, e.Description
	} else if m := templateErr.FindStringSubmatch(err.Error()); m != nil {
		name, msg = m[1], m[4]
		line, _ = strconv.Atoi(m[2])
		col, _ = strconv.Atoi(m[3])
	} else {
		return d, false
	}
	file := "templates/" + name
	if _, serr := fs.Stat(tfs, name); serr != nil {
		if _, perr := fs.Stat(tfs, "partials/"+name); perr == nil {
			file = "templates/partials/" + name
		}
	}
	if page, ok := renderedPage(err); ok {
		msg += " (rendering /" + strings.TrimSuffix(page, "index.html") + ")"
	}
	pos := diag.Pos{Line: line, Col: max(col, 1)}
	if line == 0 {
		pos = diag.Pos{} // the whole file, as html/template reports some escaping errors
	}
	return diag.Diagnostic{File: file, Pos: pos, Message: msg}, true
}

// renderedPage is the output path an error of Execute names.
func renderedPage(err error) (string, bool) {
	rest, ok := strings.CutPrefix(err.Error(), "render ")
	if !ok {
		return "", false
	}
	page, _, ok := strings.Cut(rest, ": ")
	return page, ok
}
