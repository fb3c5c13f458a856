package load

import (
	"fmt"
	"io/fs"
	"os"
	"reflect"
	"testing"
	"testing/fstest"

	"github.com/licensure/licensure/internal/diag"
	"github.com/licensure/licensure/internal/model"
)

// sameLoad describes how two loads of the same files differ, or returns "".
func sameLoad(a, b *Content, da, db *diag.List) string {
	if x, y := diagText(da), diagText(db); !reflect.DeepEqual(x, y) {
		return fmt.Sprintf("diagnostics differ:\n%q\n%q", x, y)
	}
	if !reflect.DeepEqual(a.Site, b.Site) || !reflect.DeepEqual(a.States, b.States) ||
		!reflect.DeepEqual(a.SitePos, b.SitePos) || !reflect.DeepEqual(a.StatesPos, b.StatesPos) {
		return "site or states differ"
	}
	for _, k := range model.Kinds {
		ra, rb := a.Records[k.Name], b.Records[k.Name]
		if len(ra) != len(rb) {
			return fmt.Sprintf("%s: %d and %d records", k.Name, len(ra), len(rb))
		}
		for i, x := range ra {
			y := rb[i]
			switch {
			case x.ID != y.ID || x.File != y.File || x.Kind.Name != y.Kind.Name:
				return "records differ: " + x.File + " " + y.File
			case !reflect.DeepEqual(x.Value, y.Value):
				return fmt.Sprintf("%s: values differ:\n%#v\n%#v", x.File, x.Value, y.Value)
			case !reflect.DeepEqual(x.Pos.Map(), y.Pos.Map()) || x.Pos.Len() != y.Pos.Len():
				return fmt.Sprintf("%s: positions differ:\n%v\n%v", x.File, x.Pos.Map(), y.Pos.Map())
			case !reflect.DeepEqual(x.Refs, y.Refs):
				return fmt.Sprintf("%s: references differ:\n%v\n%v", x.File, x.Refs, y.Refs)
			}
		}
	}
	if !reflect.DeepEqual(a.Pages, b.Pages) {
		return "pages differ"
	}
	return ""
}

func diagText(l *diag.List) []string {
	var out []string
	for _, d := range l.Items() {
		out = append(out, d.String())
	}
	return out
}

// TestFastAndSlowLoadsAgree loads the same content with package fastyaml
// and with yaml.v3 alone.
func TestFastAndSlowLoadsAgree(t *testing.T) {
	folders := []fs.FS{os.DirFS("../../content")}
	if dir := os.Getenv("LICENSURE_FAST_YAML_DIR"); dir != "" {
		folders = append(folders, os.DirFS(dir))
	}
	files := fstest.MapFS{}
	for i, src := range agreeCases {
		for _, k := range model.Kinds {
			files[fmt.Sprintf("%s/x%d.yaml", k.Name, i)] = &fstest.MapFile{Data: []byte(src)}
		}
	}
	folders = append(folders, files)
	for _, fsys := range folders {
		a, da := load(fsys, "content/", false)
		b, db := load(fsys, "content/", true)
		if msg := sameLoad(a, b, da, db); msg != "" {
			t.Error(msg)
		}
	}
}

// TestBufferReuse loads records whose text is overwritten as soon as each
// is loaded, and finds every value, position and diagnostic as a load that
// leaves the text alone finds it: no part of a record points into the
// buffer that the next file is read into.
func TestBufferReuse(t *testing.T) {
	files := fstest.MapFS{}
	for i, src := range agreeCases {
		for _, k := range model.Kinds {
			files[fmt.Sprintf("%s/x%d.yaml", k.Name, i)] = &fstest.MapFile{Data: []byte(src)}
		}
	}
	for _, fsys := range []fs.FS{os.DirFS("../../content"), files} {
		want, dwant := load(fsys, "content/", false)
		scribble = true
		got, dgot := load(fsys, "content/", false)
		scribble = false
		if msg := sameLoad(got, want, dgot, dwant); msg != "" {
			t.Error(msg)
		}
	}
}

// agreeCases are records that package fastyaml reads and records it leaves
// to yaml.v3, each with what the decoder reports on it.
var agreeCases = []string{
	board,
	"name: x\n",
	"name: \"quoted\"\nother: 'single'\nunknown: 1\n",
	"summary: |\n  line one\n  line two\n\n  para [x](board:y)\n    indented\nnext: x\n",
	"sources:\n  - title: t\n    url: https://x.org\n  - title: u\n    url: ftp://y.org\nreviewed: 2026-13-24\n",
	"requirements:\n  education: x\n  certifications:\n    - id: a\n      role: required\n    - id: b\n      role: maybe\n  renewal: y\nstatute:\n  citation: c\n",
	"name: héllo wörld\nstate: ÖH\nx: [é, ü]\n",
	"name: a: b\n",
	"name: x\n---\nname: y\n",
	"name: &a x\nstate: *a\n",
	"\tname: x\n",
}
