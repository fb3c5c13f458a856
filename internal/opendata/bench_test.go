package opendata

import (
	"github.com/licensure/licensure/internal/synth/synthtest"
	"io"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/licensure/licensure/internal/resolve"
)

// BenchmarkWrite encodes each download of a synthetic site to io.Discard.
func BenchmarkWrite(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run("licenses="+strconv.Itoa(n), func(b *testing.B) {
			g := synthGraph(b, n)
			for _, d := range Downloads {
				b.Run(filepath.Base(d.Path), func(b *testing.B) {
					var size int64
					b.ReportAllocs()
					for b.Loop() {
						w := &countingWriter{}
						if err := WriteDownload(w, g, d.Path); err != nil {
							b.Fatal(err)
						}
						size = w.n
					}
					b.SetBytes(size)
				})
			}
		})
	}
}

type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) {
	w.n += int64(len(p))
	return io.Discard.Write(p)
}

// synthGraph resolves a synthetic site of n licenses.
func synthGraph(b *testing.B, n int) *resolve.Graph { return synthtest.Graph(b, n) }
