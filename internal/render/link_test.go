package render

import (
	"html/template"
	"testing"

	"github.com/licensure/licensure/internal/model"
	"github.com/licensure/licensure/internal/resolve"
)

func TestLink(t *testing.T) {
	board := &resolve.Board{Meta: resolve.Meta{Path: "/boards/oh/"}, Board: &model.Board{Name: `Ohio & "Texas" <b>`}}
	cert := &resolve.Certification{Meta: resolve.Meta{Path: "/certifications/rrt/"}, Certification: &model.Certification{Name: "Registered Respiratory Therapist", Acronym: "RRT"}}
	var none *resolve.Board
	tests := []struct {
		name string
		v    any
		want template.HTML
	}{
		{"record", board, `<a href="/boards/oh/">Ohio &amp; &#34;Texas&#34; &lt;b&gt;</a>`},
		{"certification with its acronym", cert, `<a href="/certifications/rrt/">Registered Respiratory Therapist (RRT)</a>`},
		{"item", Item{URL: "/a b/?q=1&r=2", Title: "A", Detail: "not shown"}, `<a href="/a%20b/?q=1&amp;r=2">A</a>`},
		{"crumb", Crumb{URL: "/states/", Title: "States"}, `<a href="/states/">States</a>`},
		{"unsafe scheme", Item{URL: "javascript:alert(1)", Title: "x"}, `<a href="#ZgotmplZ">x</a>`},
		{"nil", nil, ""},
		{"nil record", none, ""},
	}
	p := &partials{}
	p.reset()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for range 2 { // rendered, then from the cache
				got, err := p.link(tt.v)
				if err != nil || got != tt.want {
					t.Errorf("link(%#v) = %s, %v; want %s", tt.v, got, err, tt.want)
				}
			}
		})
	}
	for _, v := range []any{"a string", []string{"a slice"}, model.Source{URL: "https://example.org/", Title: "a source"}} {
		if _, err := p.link(v); err == nil {
			t.Errorf("link of %#v: no error", v)
		}
	}
}
