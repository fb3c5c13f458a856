package load_test

import (
	"github.com/licensure/licensure/internal/synth/synthtest"
	"os"
	"strconv"
	"testing"

	"github.com/licensure/licensure/internal/load"
)

// BenchmarkLoad reads and decodes a synthetic content folder of 1,000 and
// of 10,000 licenses (docs/performance.md).
func BenchmarkLoad(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run("licenses="+strconv.Itoa(n), func(b *testing.B) {
			fsys := os.DirFS(synthetic(b, n))
			b.ReportAllocs()
			for b.Loop() {
				if _, diags := load.Load(fsys, "content/"); diags.Errors() > 0 {
					b.Fatal(diags.Items()[0])
				}
			}
		})
	}
}

// synthetic writes a synthetic content folder of n licenses, outside the
// timed region.
func synthetic(b *testing.B, n int) string {
	dir := synthtest.Folder(b, n)
	b.ResetTimer()
	return dir
}
