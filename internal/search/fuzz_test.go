package search

import (
	"encoding/json"
	"strings"
	"testing"
)

// FuzzIndex writes the index of a graph whose license title is arbitrary:
// it must stay valid JSON with no raw <, > or & that could break out of a
// page that inlines it.
func FuzzIndex(f *testing.F) {
	for _, s := range []string{"Respiratory Care Practitioner", "<script>alert(1)</script>", `"><img src=x onerror=alert(1)>`, "</script>", "\u2028\u2029", "\xff\xfe", `\u003c`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, title string) {
		for _, split := range []int{0, 1} {
			files, err := Files(Build(graph(title)), Options{Dir: "search", SplitAbove: split})
			if err != nil {
				t.Fatal(err)
			}
			for _, file := range files {
				if !json.Valid(file.Data) {
					t.Fatalf("%s: invalid JSON for title %q", file.Path, title)
				}
				if strings.ContainsAny(string(file.Data), "<>&") {
					t.Fatalf("%s: unescaped <, > or & for title %q", file.Path, title)
				}
			}
		}
	})
}
