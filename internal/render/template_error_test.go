package render

import (
	"errors"
	"fmt"
	"html/template"
	"testing"
	"testing/fstest"
)

func TestTemplateDiagnostic(t *testing.T) {
	tfs := fstest.MapFS{
		"base.html":          {Data: []byte(`{{block "main" .}}{{end}}`)},
		"partials/head.html": {Data: []byte(`{{define "head"}}{{end}}`)},
		"board.html":         {Data: []byte(`{{define "main"}}{{end}}`)},
	}
	// An escaping error, which html/template reports as a typed error.
	escErr := template.Must(template.New("license.html").Parse(`<a href="{{.}}`)).ExecuteTemplate(new(discard), "license.html", "x")
	for _, tc := range []struct {
		name string
		err  error
		want string // "" for no diagnostic
	}{
		{"parse error in a page template", fmt.Errorf("templates: %w", errors.New("template: board.html:5: missing value for if")),
			"templates/board.html:5:1: missing value for if"},
		{"parse error in a partial", errors.New("template: head.html:2: unexpected EOF"),
			"templates/partials/head.html:2:1: unexpected EOF"},
		{"execution error names the page", errors.New(`render boards/oh/index.html: template: board.html:3:26: executing "main" at <.Nope>: can't evaluate field Nope`),
			`templates/board.html:3:26: executing "main" at <.Nope>: can't evaluate field Nope (rendering /boards/oh/)`},
		{"escaping error, of the whole file", escErr, "templates/license.html: " + escErr.(*template.Error).Description},
		{"not a template's", errors.New("write public/x: no space left on device"), ""},
		{"none", nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, ok := TemplateDiagnostic(tfs, tc.err)
			got := ""
			if ok {
				got = d.String()
			}
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
