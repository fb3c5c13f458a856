package build

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/licensure/licensure/internal/sitetest"
)

// options builds the small test site with the repository's templates.
func options(t *testing.T, files map[string]string, out string) Options {
	t.Helper()
	return Options{
		Content:   sitetest.FS(files),
		Templates: os.DirFS("../../templates"),
		Static:    os.DirFS("../../static"),
		Out:       out,
	}
}

// snapshot reads every file below dir.
func snapshot(t *testing.T, dir string) map[string]string { return sitetest.ReadTree(t, dir) }

func TestBuildWritesSite(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	res, err := Build(context.Background(), options(t, sitetest.Base(), out))
	if err != nil {
		t.Fatal(err)
	}
	got := snapshot(t, out)
	for _, page := range []string{"index.html", "404.html", "licenses/oh-rcp/index.html", "boards/oh-board/index.html",
		"certifications/nbrc-rrt/index.html", "issuers/nbrc/index.html", "specialties/respiratory-care/index.html",
		"families/cardio/index.html", "occupations/29-1126.00/index.html", "states/oh/index.html", "states/tx/index.html",
		"licenses/index.html", "about/index.html"} {
		if _, ok := got[page]; !ok {
			t.Errorf("no %s", page)
		}
	}
	if res.Pages != len(got) {
		t.Errorf("reported %d files written, found %d", res.Pages, len(got))
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	dir := t.TempDir()
	var builds []map[string]string
	for i, procs := range []int{1, runtime.NumCPU() + 3} {
		prev := runtime.GOMAXPROCS(procs)
		out := filepath.Join(dir, "public"+string(rune('a'+i)))
		_, err := Build(context.Background(), options(t, sitetest.Base(), out))
		runtime.GOMAXPROCS(prev)
		if err != nil {
			t.Fatal(err)
		}
		builds = append(builds, snapshot(t, out))
	}
	if diff := cmp.Diff(builds[0], builds[1]); diff != "" {
		t.Errorf("builds differ (-GOMAXPROCS=1 +more):\n%s", diff)
	}
}

// TestFailedBuildKeepsPreviousSite breaks a build in each way it can break
// and checks that the previous output is byte-for-byte intact and that no
// temporary folder is left behind.
func TestFailedBuildKeepsPreviousSite(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	if _, err := Build(context.Background(), options(t, sitetest.Base(), out)); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, out)
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	for _, tc := range []struct {
		name   string
		ctx    context.Context
		change func(*Options)
		want   error
	}{
		{name: "content error", ctx: context.Background(), change: func(o *Options) {
			files := sitetest.Base()
			files["licenses/oh-rcp.yaml"] = strings.Replace(files["licenses/oh-rcp.yaml"], "board: oh-board", "board: nope", 1)
			o.Content = sitetest.FS(files)
		}, want: ErrContent},
		{name: "template error", ctx: context.Background(), change: func(o *Options) {
			o.Templates = overlay(o.Templates, "license.html", `{{define "main"}}{{.NoSuchField}}{{end}}`)
		}},
		{name: "disk error", ctx: context.Background(), change: func(o *Options) {
			o.Fault = func(p string) error {
				if strings.HasPrefix(p, "licenses/") {
					return errors.New("no space left on device")
				}
				return nil
			}
		}},
		{name: "cancelled", ctx: cancelled, change: func(*Options) {}, want: context.Canceled},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opts := options(t, sitetest.Base(), out)
			tc.change(&opts)
			_, err := Build(tc.ctx, opts)
			if err == nil {
				t.Fatal("build succeeded")
			}
			if tc.want != nil && !errors.Is(err, tc.want) {
				t.Errorf("error %v, want %v", err, tc.want)
			}
			if diff := cmp.Diff(before, snapshot(t, out)); diff != "" {
				t.Errorf("previous output changed:\n%s", diff)
			}
			entries, _ := os.ReadDir(parent)
			if len(entries) != 1 {
				t.Errorf("left behind in the output's parent: %v", entries)
			}
		})
	}
}

// overlay returns fsys with one file replaced.
func overlay(fsys fs.FS, name, data string) fs.FS {
	return overlayFS{FS: fsys, name: name, data: data}
}

type overlayFS struct {
	fs.FS
	name, data string
}

func (o overlayFS) Open(name string) (fs.File, error) {
	if name == o.name {
		return sitetest.FS(map[string]string{name: o.data}).Open(name)
	}
	return o.FS.Open(name)
}

// TestBuildRefusesOversizedPage renders a template that writes more than
// render.MaxPageSize: the build fails naming the page and the limit.
func TestBuildRefusesOversizedPage(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	opts := options(t, sitetest.Base(), out)
	opts.Templates = overlay(opts.Templates, "board.html", `{{define "main"}}{{$k := "`+strings.Repeat("x", 1024)+`"}}{{range 65537}}{{$k}}{{end}}{{end}}`)
	_, err := Build(context.Background(), opts)
	want := "render boards/oh-board/index.html: page is over the limit of 67108864 bytes (64 MiB)"
	if err == nil || err.Error() != want {
		t.Errorf("build: %v, want %s", err, want)
	}
}

// TestTemplatesParsedOncePerBuild counts the reads of every template
// file during a build: each is read once, however many workers render.
func TestTemplatesParsedOncePerBuild(t *testing.T) {
	opts := options(t, sitetest.Base(), filepath.Join(t.TempDir(), "public"))
	counter := &countingFS{FS: opts.Templates, opens: map[string]int{}}
	opts.Templates = counter
	prev := runtime.GOMAXPROCS(8)
	defer runtime.GOMAXPROCS(prev)
	if _, err := Build(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	if len(counter.opens) < 10 {
		t.Fatalf("only %d templates read", len(counter.opens))
	}
	for name, n := range counter.opens {
		if n != 1 {
			t.Errorf("%s read %d times", name, n)
		}
	}
}

// countingFS counts how often each file is opened.
type countingFS struct {
	fs.FS
	mu    sync.Mutex
	opens map[string]int
}

func (c *countingFS) Open(name string) (fs.File, error) {
	f, err := c.FS.Open(name)
	if err == nil {
		if info, serr := f.Stat(); serr == nil && !info.IsDir() {
			c.mu.Lock()
			c.opens[name]++
			c.mu.Unlock()
		}
	}
	return f, err
}
