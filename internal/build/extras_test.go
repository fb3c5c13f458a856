package build

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/licensure/licensure/internal/feed"
	"github.com/licensure/licensure/internal/load"
	"github.com/licensure/licensure/internal/render"
	"github.com/licensure/licensure/internal/resolve"
	"github.com/licensure/licensure/internal/sitetest"
)

// diskWriter writes under a folder, as output.Dir does, and can Create:
// WriteExtraFiles streams to it.
type diskWriter struct {
	dir     string
	mu      sync.Mutex
	created []string
	fail    func(name string) error
}

func (d *diskWriter) path(name string) (string, error) {
	if d.fail != nil {
		if err := d.fail(name); err != nil {
			return "", fmt.Errorf("write %s: %w", name, err)
		}
	}
	p := filepath.Join(d.dir, filepath.FromSlash(name))
	return p, os.MkdirAll(filepath.Dir(p), 0o755)
}

func (d *diskWriter) WriteFile(name string, data []byte) error {
	p, err := d.path(name)
	if err != nil {
		return err
	}
	return os.WriteFile(p, data, 0o644)
}

func (d *diskWriter) Create(name string) (io.WriteCloser, error) {
	p, err := d.path(name)
	if err != nil {
		return nil, err
	}
	d.mu.Lock()
	d.created = append(d.created, name)
	d.mu.Unlock()
	return os.Create(p)
}

// mapWriter has WriteFile only, as package live's writer: WriteExtraFiles
// buffers each file for it.
type mapWriter struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (m *mapWriter) WriteFile(name string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.files == nil {
		m.files = map[string][]byte{}
	}
	m.files[name] = bytes.Clone(data)
	return nil
}

func testGraph(t testing.TB) (*resolve.Graph, []render.Page) {
	t.Helper()
	content, diags := load.Load(sitetest.FS(sitetest.Base()), "content/")
	if diags.Errors() > 0 {
		t.Fatal(diags.Items()[0])
	}
	g := resolve.Resolve(content)
	return g, render.Pages(g)
}

func readAll(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for name, data := range snapshot(t.(*testing.T), dir) {
		out[name] = []byte(data)
	}
	return out
}

// TestWriteExtraFilesStreams checks that streaming, buffering for a plain
// WriteFile and collecting in memory give the same files, and that the
// large files are the ones streamed.
func TestWriteExtraFilesStreams(t *testing.T) {
	g, pages := testGraph(t)
	disk := &diskWriter{dir: t.TempDir()}
	n, err := WriteExtraFiles(disk, g, pages)
	if err != nil {
		t.Fatal(err)
	}
	streamed := readAll(t, disk.dir)
	if n != len(streamed) {
		t.Errorf("WriteExtraFiles says %d files, wrote %d", n, len(streamed))
	}
	for _, name := range []string{"data/all.json", "data/licenses.csv", "data/licenses.json", "data/matrix.csv", "search/index.json", "sitemap.xml"} {
		if !strings.Contains(strings.Join(disk.created, " "), name) {
			t.Errorf("%s was not streamed (created: %q)", name, disk.created)
		}
	}
	for _, name := range []string{"robots.txt", "feed.xml", "_headers", "_redirects"} {
		if _, ok := streamed[name]; !ok {
			t.Errorf("no %s", name)
		}
	}

	buffered := &mapWriter{}
	if m, err := WriteExtraFiles(buffered, g, pages); err != nil || m != n {
		t.Fatalf("buffered: %d files, %v", m, err)
	}
	if !reflect.DeepEqual(buffered.files, streamed) {
		t.Error("buffered files differ from streamed ones")
	}

	collected, err := extraFiles(g, pages)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]byte{}
	for i, f := range collected {
		got[f.Path] = f.Data
		if i > 0 && collected[i-1].Path >= f.Path {
			t.Errorf("extraFiles not sorted: %s before %s", collected[i-1].Path, f.Path)
		}
	}
	if !reflect.DeepEqual(got, streamed) {
		t.Error("extraFiles differ from streamed files")
	}
}

func TestWriteExtraFilesFails(t *testing.T) {
	g, pages := testGraph(t)
	for _, name := range []string{"search/index.json", "data/all.json", "data/matrix.csv", "sitemap.xml", "feed.xml", "_redirects"} {
		for _, streamed := range []bool{true, false} {
			disk := &diskWriter{dir: t.TempDir(), fail: func(p string) error {
				if p == name {
					return errors.New("no space left on device")
				}
				return nil
			}}
			var w FileWriter = disk
			if !streamed {
				w = plainWriter{disk}
			}
			if _, err := WriteExtraFiles(w, g, pages); err == nil || !strings.Contains(err.Error(), "no space left") || !strings.Contains(err.Error(), name) {
				t.Errorf("%s, streamed %v: error %v", name, streamed, err)
			}
		}
	}
}

// TestWriteExtraFilesSplitsSitemap gives WriteExtraFiles more pages than
// one sitemap may list: it writes numbered sitemaps and an index, and
// robots.txt names the index.
func TestWriteExtraFilesSplitsSitemap(t *testing.T) {
	g, pages := testGraph(t)
	var many []render.Page
	for per := len(sitemapPages(pages)); len(many)/len(pages)*per <= feed.MaxSitemapURLs; {
		many = append(many, pages...)
	}
	w := &mapWriter{}
	if _, err := WriteExtraFiles(w, g, many); err != nil {
		t.Fatal(err)
	}
	mem := w.files
	want := (len(sitemapPages(many)) + feed.MaxSitemapURLs - 1) / feed.MaxSitemapURLs
	for i := 1; i <= want; i++ {
		if _, ok := mem[fmt.Sprintf("sitemap-%d.xml", i)]; !ok {
			t.Errorf("no sitemap-%d.xml", i)
		}
	}
	if _, ok := mem[fmt.Sprintf("sitemap-%d.xml", want+1)]; ok {
		t.Errorf("more than %d sitemaps", want)
	}
	if !bytes.Contains(mem["sitemap.xml"], []byte("<sitemapindex")) || !bytes.Contains(mem["robots.txt"], []byte("/sitemap.xml\n")) {
		t.Errorf("sitemap.xml:\n%.300s\nrobots.txt:\n%s", mem["sitemap.xml"], mem["robots.txt"])
	}
}

func sitemapPages(pages []render.Page) []render.Page {
	var out []render.Page
	for _, p := range pages {
		if p.URL != "" && p.Path != "404.html" {
			out = append(out, p)
		}
	}
	return out
}

// BenchmarkWriteExtraFiles writes the extra files to disk, streamed, as
// the build does with an output folder that can Create; the buffered
// sub-benchmark gives a writer with WriteFile only, as live does.
// heap-MB is the most the live heap grew over the graph while writing.
func BenchmarkWriteExtraFiles(b *testing.B) {
	for _, n := range sizes {
		b.Run("licenses="+strconv.Itoa(n), func(b *testing.B) {
			g, pages := synthGraph(b, n)
			for _, mode := range []string{"streamed", "buffered"} {
				b.Run(mode, func(b *testing.B) {
					dir := b.TempDir()
					var w FileWriter = &diskWriter{dir: dir}
					if mode == "buffered" {
						w = plainWriter{&diskWriter{dir: dir}}
					}
					b.ReportAllocs()
					var peak uint64
					for b.Loop() {
						stop := watchHeap(&peak)
						if _, err := WriteExtraFiles(w, g, pages); err != nil {
							b.Fatal(err)
						}
						stop()
					}
					b.ReportMetric(float64(peak)/1e6, "heap-MB")
				})
			}
		})
	}
}

// plainWriter hides Create.
type plainWriter struct{ w FileWriter }

func (p plainWriter) WriteFile(name string, data []byte) error { return p.w.WriteFile(name, data) }

// watchHeap samples the heap (live objects and garbage not yet swept)
// above its level at the start, every 5 ms until stop is called, keeping
// the highest in *peak. It reads runtime/metrics, which does not stop the
// world.
func watchHeap(peak *uint64) (stop func()) {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 { metrics.Read(sample); return sample[0].Value.Uint64() }
	base := read()
	done, finished := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(finished)
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			if h := read(); h > base && h-base > *peak {
				*peak = h - base
			}
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	return func() { close(done); <-finished }
}

func synthGraph(b *testing.B, n int) (*resolve.Graph, []render.Page) {
	b.Helper()
	opts := synthOptions(b, n)
	content, res := Validate(opts)
	if res.Diags.Errors() > 0 {
		b.Fatal(res.Diags.Items()[0])
	}
	g := resolve.Resolve(content)
	return g, render.Pages(g)
}
