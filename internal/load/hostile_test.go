//go:build unix

package load

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/licensure/licensure/internal/safefs"
)

const (
	siteYAML   = "title: t\ndescription: d\nbase_url: https://x.org\nrepository: https://x.org\nedit_url: \"{path}\"\nissue_url: \"{title}\"\n"
	statesYAML = "states:\n  - {code: OH, name: Ohio, type: state}\n"
	page       = "---\ntitle: About\ndescription: d\n---\nText.\n"
)

// TestLoadRefusesHostileFiles puts, in each place the loader reads, what
// a hostile pull request or a careless editor could: links to files and
// folders outside content/, FIFOs, sockets, a file of another program's
// data. Each is an error at its own path, nothing blocks, and no
// diagnostic prints more than a short excerpt of any file.
func TestLoadRefusesHostileFiles(t *testing.T) {
	secret := strings.Repeat("root:x:0:0:root:/root:/bin/bash SECRET_TOKEN=abc123 ", 40)
	for _, tc := range []struct {
		name string
		make func(t *testing.T, content, outside string)
		want []string
	}{
		{"record linked outside", func(t *testing.T, c, o string) {
			link(t, filepath.Join(o, "board.yaml"), filepath.Join(c, "boards", "oh-board.yaml"))
		}, []string{"content/boards/oh-board.yaml: symbolic links are not allowed"}},
		{"site.yaml linked outside", func(t *testing.T, c, o string) {
			os.Remove(filepath.Join(c, "site.yaml"))
			link(t, filepath.Join(o, "secret"), filepath.Join(c, "site.yaml"))
		}, []string{"content/site.yaml: symbolic links are not allowed"}},
		{"states.yaml linked outside", func(t *testing.T, c, o string) {
			os.Remove(filepath.Join(c, "states.yaml"))
			link(t, filepath.Join(o, "secret"), filepath.Join(c, "states.yaml"))
		}, []string{"content/states.yaml: symbolic links are not allowed"}},
		{"kind folder linked outside", func(t *testing.T, c, o string) {
			os.RemoveAll(filepath.Join(c, "boards"))
			link(t, o, filepath.Join(c, "boards"))
		}, []string{"content/boards: symbolic links are not allowed"}},
		{"pages folder linked outside", func(t *testing.T, c, o string) {
			os.RemoveAll(filepath.Join(c, "pages"))
			link(t, o, filepath.Join(c, "pages"))
		}, []string{"content/pages: symbolic links are not allowed"}},
		{"page linked outside", func(t *testing.T, c, o string) {
			link(t, filepath.Join(o, "secret"), filepath.Join(c, "pages", "x.md"))
		}, []string{"content/pages/x.md: symbolic links are not allowed"}},
		{"hidden record linked", func(t *testing.T, c, o string) {
			link(t, filepath.Join(o, "secret"), filepath.Join(c, "boards", ".x.yaml"))
		}, []string{"content/boards/.x.yaml: symbolic links are not allowed"}},
		{"FIFO as a record", func(t *testing.T, c, o string) {
			fifo(t, filepath.Join(c, "boards", "tx-board.yaml"))
		}, []string{"content/boards/tx-board.yaml: not a regular file (a FIFO)"}},
		{"FIFO as site.yaml", func(t *testing.T, c, o string) {
			os.Remove(filepath.Join(c, "site.yaml"))
			fifo(t, filepath.Join(c, "site.yaml"))
		}, []string{"content/site.yaml: not a regular file (a FIFO)"}},
		{"FIFO as a page", func(t *testing.T, c, o string) {
			fifo(t, filepath.Join(c, "pages", "y.md"))
		}, []string{"content/pages/y.md: not a regular file (a FIFO)"}},
		{"socket as a record", func(t *testing.T, c, o string) {
			ln, err := net.Listen("unix", filepath.Join(c, "boards", "s.yaml"))
			if err != nil {
				t.Skip("unix sockets unsupported:", err)
			}
			t.Cleanup(func() { ln.Close() })
		}, []string{"content/boards/s.yaml: not a regular file (a socket)"}},
		{"another program's data as states.yaml", func(t *testing.T, c, o string) {
			write(t, filepath.Join(c, "states.yaml"), secret)
		}, []string{`content/states.yaml:1:1: record: expected a mapping, found "root:x:0:0:root:/root:/bin/bash SECRET_T..."`}},
		{"a long unknown key", func(t *testing.T, c, o string) {
			write(t, filepath.Join(c, "site.yaml"), siteYAML+strings.Repeat("k", 900)+": v\n")
		}, []string{`content/site.yaml:7:1: unknown field "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk..."`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			content, outside := filepath.Join(dir, "content"), filepath.Join(dir, "outside")
			write(t, filepath.Join(content, "site.yaml"), siteYAML)
			write(t, filepath.Join(content, "states.yaml"), statesYAML)
			write(t, filepath.Join(content, "boards", "oh-board.yaml"), board)
			write(t, filepath.Join(content, "pages", "about.md"), page)
			write(t, filepath.Join(outside, "board.yaml"), board)
			write(t, filepath.Join(outside, "secret"), secret)
			tc.make(t, content, outside)
			_, diags := Load(safefs.Dir(content), "content/")
			var got []string
			for _, d := range diags.Items() {
				got = append(got, d.String())
				if strings.Contains(d.String(), "SECRET_TOKEN=abc123") {
					t.Errorf("a diagnostic prints the file: %s", d)
				}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s", diff)
			}
		})
	}
}

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func link(t *testing.T, target, name string) {
	t.Helper()
	if err := os.Symlink(target, name); err != nil {
		t.Skip("symbolic links unsupported:", err)
	}
}

func fifo(t *testing.T, name string) {
	t.Helper()
	if err := syscall.Mkfifo(name, 0o644); err != nil {
		t.Skip("FIFOs unsupported:", err)
	}
}
