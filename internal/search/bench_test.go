package search

import (
	"github.com/licensure/licensure/internal/synth/synthtest"
	"strconv"
	"testing"

	"github.com/licensure/licensure/internal/resolve"
)

// synthGraph resolves a synthetic site of n licenses.
func synthGraph(b *testing.B, n int) *resolve.Graph { return synthtest.Graph(b, n) }

// BenchmarkIndex builds the entries and encodes the split index, as the
// build does.
func BenchmarkIndex(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run("licenses="+strconv.Itoa(n), func(b *testing.B) {
			g := synthGraph(b, n)
			b.Run("entries", func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					Build(g)
				}
			})
			es := Build(g)
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
