package search

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/licensure/licensure/internal/load"
	"github.com/licensure/licensure/internal/resolve"
	"github.com/licensure/licensure/internal/synth"
)

// synthGraph resolves a synthetic site of n licenses.
func synthGraph(b *testing.B, n int) *resolve.Graph {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "content")
	if _, err := synth.Write(dir, synth.Options{Licenses: n, Seed: 1, Today: time.Now()}); err != nil {
		b.Fatal(err)
	}
	content, diags := load.Load(os.DirFS(dir), "content/")
	if diags.Errors() > 0 {
		b.Fatal(diags.Items()[0])
	}
	return resolve.Resolve(content)
}

// BenchmarkIndex builds the entries and encodes the split index, as the
// build does.
func BenchmarkIndex(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run("licenses="+strconv.Itoa(n), func(b *testing.B) {
			g := synthGraph(b, n)
			b.Run("entries", func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					Entries(g)
				}
			})
			es := Entries(g)
			b.Run("files", func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := Files(es, Options{Dir: "search", SplitAbove: 240 << 10}); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	}
}
