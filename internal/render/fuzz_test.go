package render

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/licensure/licensure/internal/model"
	"github.com/licensure/licensure/internal/resolve"
)

// FuzzJSONLD encodes structured data whose names are arbitrary: it must
// stay valid JSON that cannot close its script element or open a comment.
func FuzzJSONLD(f *testing.F) {
	for _, s := range []string{"Ohio Board", "</script><script>alert(1)</script>", "<!--", "]]>", "\u2028", "\xff", "a\b\f\t\n\r\x01\"\\&\u2029é"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		st := &resolve.State{State: model.State{Code: "OH", Name: name}}
		board := &resolve.Board{Board: &model.Board{Name: name, URL: model.URL("https://x.example/" + name)}, State: st}
		lic := &resolve.License{License: &model.License{Title: name, Credential: name}, State: st, Board: board}
		b := &Data{Canonical: "https://site.example/" + name}
		for _, v := range []object{licenseLD(b, lic), boardLD(b, board)} {
			js, err := jsonLD(v)
			if err != nil {
				t.Fatal(err)
			}
			s := string(js)
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetEscapeHTML(true)
			if err := enc.Encode(v); err != nil {
				t.Fatal(err)
			}
			if w := strings.TrimSpace(want.String()); s != w {
				t.Fatalf("JSON-LD for %q differs from encoding/json:\n got %s\nwant %s", name, s, w)
			}
			if !json.Valid([]byte(s)) {
				t.Fatalf("invalid JSON for %q: %s", name, s)
			}
			if strings.ContainsAny(s, "<>") || strings.Contains(strings.ToLower(s), "</script") {
				t.Fatalf("JSON-LD for %q can break out of its element: %s", name, s)
			}
		}
	})
}
