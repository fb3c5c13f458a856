package check_test

import (
	"github.com/licensure/licensure/internal/synth/synthtest"
	"strconv"
	"testing"
	"time"

	"github.com/licensure/licensure/internal/check"
	"github.com/licensure/licensure/internal/diag"
	"github.com/licensure/licensure/internal/load"
)

// BenchmarkCheck runs the cross-record checks on loaded synthetic content
// of 1,000 and of 10,000 licenses (docs/performance.md).
func BenchmarkCheck(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run("licenses="+strconv.Itoa(n), func(b *testing.B) {
			c := loaded(b, n)
			opts := check.Options{Today: time.Now()}
			b.ReportAllocs()
			for b.Loop() {
				var diags diag.List
				check.Check(c, opts, &diags)
				if diags.Errors()+diags.Warnings() > 0 {
					b.Fatal(diags.Items()[0])
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
