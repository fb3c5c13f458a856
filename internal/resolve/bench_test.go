package resolve_test

import (
	"github.com/licensure/licensure/internal/synth/synthtest"
	"strconv"
	"testing"

	"github.com/licensure/licensure/internal/load"
	"github.com/licensure/licensure/internal/resolve"
)

// BenchmarkResolve builds the graph of loaded synthetic content of 1,000
// and of 10,000 licenses (docs/performance.md).
func BenchmarkResolve(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run("licenses="+strconv.Itoa(n), func(b *testing.B) {
			c := loaded(b, n)
			b.ReportAllocs()
			for b.Loop() {
				if g := resolve.Resolve(c); len(g.Licenses) != n {
					b.Fatalf("%d licenses resolved, want %d", len(g.Licenses), n)
				}
			}
		})
	}
}

// loaded writes and loads a synthetic content folder of n licenses,
// outside the timed region.
func loaded(b *testing.B, n int) *load.Content {
	c := synthtest.Loaded(b, n)
	b.ResetTimer()
	return c
}
