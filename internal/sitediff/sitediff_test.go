package sitediff

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

func TestCompare(t *testing.T) {
	old := fstest.MapFS{
		"index.html":            {Data: []byte("home")},
		"licenses/a/index.html": {Data: []byte("a")},
		"licenses/b/index.html": {Data: []byte("b")},
		"data/licenses.csv":     {Data: []byte("1")},
	}
	cur := fstest.MapFS{
		"index.html":            {Data: []byte("home")},
		"licenses/a/index.html": {Data: []byte("a2")},
		"licenses/c/index.html": {Data: []byte("c")},
		"data/licenses.csv":     {Data: []byte("2")},
		"404.html":              {Data: []byte("nf")},
	}
	d, err := Compare(old, cur)
	if err != nil {
		t.Fatal(err)
	}
	want := &Diff{
		Added: []string{"/404.html", "/licenses/c/"}, Removed: []string{"/licenses/b/"},
		Changed: []string{"/licenses/a/"}, OtherChanged: []string{"/data/licenses.csv"}, Unchanged: 1,
	}
	if diff := cmp.Diff(want, d); diff != "" {
		t.Errorf("diff (-want +got):\n%s", diff)
	}
	var b strings.Builder
	if err := d.Markdown(&b, "https://preview.example/"); err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{
		"2 added, 1 removed, 1 changed, 1 unchanged.",
		"- [`/licenses/c/`](https://preview.example/licenses/c/)",
		"- `/licenses/b/`",
		"1 other files changed",
	} {
		if !strings.Contains(b.String(), line) {
			t.Errorf("markdown lacks %q:\n%s", line, b.String())
		}
	}
}
