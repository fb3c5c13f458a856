package schema

import (
	"slices"
	"strings"
	"testing"

	"github.com/licensure/licensure/internal/model"
)

func TestTypeName(t *testing.T) {
	field := func(kind, key string) Field {
		k, _ := model.KindNamed(kind)
		f, ok := Of(k.Type).Field(key)
		if !ok {
			t.Fatalf("%s has no %s", kind, key)
		}
		return f
	}
	for _, tc := range []struct {
		f    Field
		want string
	}{
		{field("licenses", "title"), "text"},
		{field("licenses", "state"), "state code"},
		{field("licenses", "board"), "board ID"},
		{field("licenses", "occupations"), "list of occupation IDs"},
		{field("licenses", "summary"), "Markdown"},
		{field("licenses", "requirements"), "mapping"},
		{field("licenses", "sources"), "list of mappings"},
		{field("licenses", "reviewed"), "date (YYYY-MM-DD)"},
		{field("licenses", "aliases"), "list of site paths"},
		{field("boards", "url"), "URL"},
		{Field{Name: "licenses", Type: For[int]()}, "whole number"},
		{Field{Name: "amount", Type: For[float64]()}, "number"},
	} {
		if got := TypeName(tc.f); got != tc.want {
			t.Errorf("TypeName(%s) = %q, want %q", tc.f.Name, got, tc.want)
		}
	}
}

func TestFlatten(t *testing.T) {
	k, _ := model.KindNamed("licenses")
	var paths []string
	for _, f := range Flatten(Of(k.Type)) {
		paths = append(paths, f.Path)
	}
	for _, tc := range []struct{ parent, child string }{{"requirements", "requirements.exam"}, {"sources", "sources[].url"}} {
		p, c := slices.Index(paths, tc.parent), slices.Index(paths, tc.child)
		if p < 0 || c < p {
			t.Fatalf("Flatten lists %s at %d and %s at %d: %v", tc.parent, p, tc.child, c, paths)
		}
		for _, between := range paths[p+1 : c] {
			if !strings.HasPrefix(between, tc.parent+".") && !strings.HasPrefix(between, tc.parent+"[].") {
				t.Errorf("%s comes between %s and its key %s", between, tc.parent, tc.child)
			}
		}
	}
}
