package load

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/licensure/licensure/internal/model"
)

// FuzzLoadRecord decodes and validates arbitrary bytes as a record of each
// kind: the loader must never panic, and every problem must name its file.
func FuzzLoadRecord(f *testing.F) {
	seeds, _ := filepath.Glob("../../content/*/*.yaml")
	for _, p := range seeds[:min(len(seeds), 40)] {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	for _, s := range []string{board, laughs, "\uFEFFname: x", "name: \xff", "- a", "a: [[[[[[", "name: &a x\nstate: *a", "\tname: x", ""} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, k := range model.Kinds {
			fsys := fstest.MapFS{k.Name + "/x.yaml": {Data: data}}
			c, diags := Load(fsys, "content/")
			for _, d := range diags.Items() {
				if d.File == "" || d.Pos.Line < 0 || d.Message == "" {
					t.Fatalf("malformed diagnostic %+v", d)
				}
			}
			if len(c.Records[k.Name]) > 1 {
				t.Fatalf("one file gave %d records", len(c.Records[k.Name]))
			}
			slow, slowDiags := load(fsys, "content/", true)
			if msg := sameLoad(c, slow, diags, slowDiags); msg != "" {
				t.Fatalf("the fast YAML parser and yaml.v3 disagree: %s", msg)
			}
		}
	})
}
