package output

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestCreateReplacesOnlyOurs tries every kind of existing output folder:
// a build may replace only nothing, an empty folder, or a site it built.
func TestCreateReplacesOnlyOurs(t *testing.T) {
	for _, tc := range []struct {
		name  string
		make  func(t *testing.T, final string)
		owned bool
	}{
		{"missing", func(*testing.T, string) {}, true},
		{"empty folder", func(t *testing.T, p string) { mkdir(t, p) }, true},
		{"a built site", func(t *testing.T, p string) {
			mkdir(t, p)
			write(t, filepath.Join(p, Marker), markerText)
			write(t, filepath.Join(p, "index.html"), "x")
		}, true},
		{"a user's files", func(t *testing.T, p string) { mkdir(t, p); write(t, filepath.Join(p, "thesis.tex"), "x") }, false},
		{"a marker that is a folder", func(t *testing.T, p string) { mkdir(t, filepath.Join(p, Marker)) }, false},
		{"a marker with other text", func(t *testing.T, p string) { mkdir(t, p); write(t, filepath.Join(p, Marker), "mine\n") }, false},
		{"a file", func(t *testing.T, p string) { write(t, p, "x") }, false},
		{"a symbolic link to a built site", func(t *testing.T, p string) {
			other := p + "-real"
			mkdir(t, other)
			write(t, filepath.Join(other, Marker), markerText)
			if err := os.Symlink(other, p); err != nil {
				t.Fatal(err)
			}
		}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			final := filepath.Join(t.TempDir(), "public")
			tc.make(t, final)
			d, err := Create(final)
			if !tc.owned {
				want := "--out " + final + " exists and is not a site this tool built; remove it or choose another folder"
				if !errors.Is(err, ErrNotOurs) || err.Error() != want {
					t.Fatalf("Create: %v, want %q", err, want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if err := d.Commit(); err != nil {
				t.Fatal(err)
			}
			if !hasMarker(final) {
				t.Error("the new site has no marker")
			}
		})
	}
}

// TestCreateRemovesStaleFolders leaves what killed builds leave and checks
// that the next build removes them, but nothing that is not its own.
func TestCreateRemovesStaleFolders(t *testing.T) {
	parent := t.TempDir()
	final := filepath.Join(parent, "public")
	for _, name := range []string{".public.tmp-1", ".public.tmp-2.old", ".public.tmp-3"} {
		mkdir(t, filepath.Join(parent, name))
		if name != ".public.tmp-3" {
			write(t, filepath.Join(parent, name, Marker), markerText)
		}
	}
	mkdir(t, filepath.Join(parent, ".public.tmp-mine", "notes"))
	mkdir(t, filepath.Join(parent, ".other.tmp-1"))
	write(t, filepath.Join(parent, ".other.tmp-1", Marker), markerText)
	mkdir(t, final)
	d, err := Create(final)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	var got []string
	entries, _ := os.ReadDir(parent)
	for _, e := range entries {
		got = append(got, e.Name())
	}
	want := []string{".other.tmp-1", ".public.tmp-mine", "public"}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Errorf("left %v, want %v", got, want)
	}
}

func TestGuard(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{"content/licenses", "templates", "static", "public"} {
		mkdir(t, filepath.Join(root, d))
	}
	if err := os.Symlink(filepath.Join(root, "content"), filepath.Join(root, "linked")); err != nil {
		t.Fatal(err)
	}
	inputs := map[string]string{"content": filepath.Join(root, "content"), "templates": filepath.Join(root, "templates"), "static": filepath.Join(root, "static")}
	home, _ := os.UserHomeDir()
	for _, tc := range []struct{ out, want string }{
		{root, "is the site root, which holds content/, templates/ and static/"},
		{root + "/./", "is the site root, which holds content/, templates/ and static/"},
		{filepath.Join(root, "content"), "lies inside content/"},
		{filepath.Join(root, "content", "licenses"), "lies inside content/"},
		{filepath.Join(root, "linked", "new"), "lies inside content/"},
		{filepath.Join(root, "templates", "out"), "lies inside templates/"},
		{filepath.Join(root, "static"), "lies inside static/"},
		{filepath.Dir(root), "contains content/"},
		{"/", "is the root of the file system"},
		{home, "is the home folder"},
		{filepath.Join(root, "public"), ""},
		{filepath.Join(root, "new", "deeper"), ""},
	} {
		err := Guard(tc.out, root, inputs)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tc.want {
			t.Errorf("Guard(%s) = %q, want %q", tc.out, got, tc.want)
		}
	}
}

func mkdir(t *testing.T, p string) {
	t.Helper()
	if err := os.MkdirAll(p, 0o755); err != nil {
		t.Fatal(err)
	}
}

func write(t *testing.T, p, s string) {
	t.Helper()
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}
