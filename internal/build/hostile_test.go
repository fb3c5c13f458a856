//go:build unix

package build

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/licensure/licensure/internal/render"
	"github.com/licensure/licensure/internal/sitetest"
)

// TestBuildRefusesHostileTheme puts links, special files and oversized
// files into templates/ and static/: each fails the build with an error
// naming the file, before anything is published, and no page ever holds
// what the link pointed to.
func TestBuildRefusesHostileTheme(t *testing.T) {
	for _, tc := range []struct {
		name string
		make func(t *testing.T, root string)
		want string
	}{
		{"template linked to the environment", func(t *testing.T, root string) {
			replaceWithLink(t, "/proc/self/environ", filepath.Join(root, "templates", "partials", "footer.html"))
		}, "templates: templates/partials/footer.html: symbolic links are not allowed"},
		{"page template linked", func(t *testing.T, root string) {
			replaceWithLink(t, "/etc/hostname", filepath.Join(root, "templates", "license.html"))
		}, "templates: templates/license.html: symbolic links are not allowed"},
		{"unused template linked", func(t *testing.T, root string) {
			replaceWithLink(t, "/etc/hostname", filepath.Join(root, "templates", "unused.html"))
		}, "templates: templates/unused.html: symbolic links are not allowed"},
		{"partials folder linked", func(t *testing.T, root string) {
			os.Rename(filepath.Join(root, "templates", "partials"), filepath.Join(root, "elsewhere"))
			replaceWithLink(t, filepath.Join(root, "elsewhere"), filepath.Join(root, "templates", "partials"))
		}, "templates: templates/partials: symbolic links are not allowed"},
		{"template FIFO", func(t *testing.T, root string) {
			os.Remove(filepath.Join(root, "templates", "base.html"))
			if err := syscall.Mkfifo(filepath.Join(root, "templates", "base.html"), 0o644); err != nil {
				t.Skip(err)
			}
		}, "templates: templates/base.html: not a regular file (a FIFO)"},
		{"template too large", func(t *testing.T, root string) {
			appendFile(t, filepath.Join(root, "templates", "page.html"), strings.Repeat("<!-- padding -->", render.MaxTemplateSize/16+1))
		}, "templates: templates/page.html: file is over the limit of 262144 bytes"},
		{"static file linked", func(t *testing.T, root string) {
			replaceWithLink(t, "/etc/passwd", filepath.Join(root, "static", "passwd.txt"))
		}, "static/passwd.txt: symbolic links are not allowed"},
		{"static folder linked", func(t *testing.T, root string) {
			replaceWithLink(t, "/etc", filepath.Join(root, "static", "etc"))
		}, "static/etc: symbolic links are not allowed"},
		{"static FIFO", func(t *testing.T, root string) {
			if err := syscall.Mkfifo(filepath.Join(root, "static", "pipe.txt"), 0o644); err != nil {
				t.Skip(err)
			}
		}, "static/pipe.txt: not a regular file (a FIFO)"},
		{"static file too large", func(t *testing.T, root string) {
			appendFile(t, filepath.Join(root, "static", "video.mp4"), strings.Repeat("x", render.MaxStaticFile+1))
		}, "static/video.mp4: file is over the limit of 5242880 bytes (5 MiB)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			for _, dir := range []string{"templates", "static"} {
				if err := os.CopyFS(filepath.Join(root, dir), os.DirFS(filepath.Join("../..", dir))); err != nil {
					t.Fatal(err)
				}
			}
			tc.make(t, root)
			opts := Dirs(root, "", "")
			opts.Content = sitetest.FS(sitetest.Base())
			_, err := Build(context.Background(), opts)
			if err == nil || err.Error() != tc.want {
				t.Fatalf("build: %v\nwant: %s", err, tc.want)
			}
			if _, err := os.Stat(filepath.Join(root, "public")); !os.IsNotExist(err) {
				t.Errorf("the failed build published a site: %v", err)
			}
		})
	}
}

func replaceWithLink(t *testing.T, target, name string) {
	t.Helper()
	os.Remove(name)
	if err := os.Symlink(target, name); err != nil {
		t.Skip(err)
	}
}

func appendFile(t *testing.T, name, data string) {
	t.Helper()
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(data); err != nil {
		t.Fatal(err)
	}
}
