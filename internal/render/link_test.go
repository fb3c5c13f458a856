package render

import (
	"html/template"
	"strings"
	"testing"

	"github.com/licensure/licensure/internal/model"
	"github.com/licensure/licensure/internal/resolve"
)

var linkSeeds = []string{
	"https://example.org/a b?q=1&r=2+3#frag",
	"javascript:alert(1)",
	"JavaScript:alert(1)",
	"mailto:board@example.org",
	"/states/oh/",
	"//evil.example/x",
	"https://example.org/%zz%41é\"'<>()`",
	"data:text/html,<script>",
	"\x00\xff",
	"Ohio & Texas <b>\"quoted\" 'single' +plus",
}

// FuzzLink checks that the link function writes exactly what
// html/template writes for the same element, whatever the text and URL.
func FuzzLink(f *testing.F) {
	for _, s := range linkSeeds {
		f.Add(s, s)
	}
	ext := template.Must(template.New("").Parse(`<a href="{{.URL}}" rel="noopener">{{.Title}}</a>`))
	rec := template.Must(template.New("").Parse(`<a href="{{.Path}}">{{.Name}}</a>`))
	f.Fuzz(func(t *testing.T, url, text string) {
		var want strings.Builder
		src := model.Source{Title: text, URL: model.URL(url)}
		if err := ext.Execute(&want, src); err != nil {
			t.Fatal(err)
		}
		if got, _ := link(src); string(got) != want.String() {
			t.Fatalf("link(%q, %q)\n got %s\nwant %s", url, text, got, want.String())
		}
		if url == "" {
			return
		}
		want.Reset()
		b := &resolve.Board{Meta: resolve.Meta{Path: url}, Board: &model.Board{Name: text}}
		if err := rec.Execute(&want, struct{ Path, Name string }{url, text}); err != nil {
			t.Fatal(err)
		}
		for _, v := range []any{b, Item{URL: url, Title: text}, Crumb{URL: url, Title: text}} {
			if got, _ := link(v); string(got) != want.String() {
				t.Fatalf("link(%T %q, %q)\n got %s\nwant %s", v, url, text, got, want.String())
			}
		}
	})
}

func TestLinkOfNothing(t *testing.T) {
	var b *resolve.Board
	for _, v := range []any{nil, b} {
		if got, err := link(v); got != "" || err != nil {
			t.Errorf("link(%#v) = %q, %v; want nothing", v, got, err)
		}
	}
	if _, err := link("a string"); err == nil {
		t.Error("link of a string: no error")
	}
}
