package check_test

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/licensure/licensure/internal/check"
	"github.com/licensure/licensure/internal/diag"
	"github.com/licensure/licensure/internal/load"
	"github.com/licensure/licensure/internal/synth"
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
	b.Helper()
	dir := filepath.Join(b.TempDir(), "content")
	if _, err := synth.Write(dir, synth.Options{Licenses: n, Seed: 1, Today: time.Now()}); err != nil {
		b.Fatal(err)
	}
	c, diags := load.Load(os.DirFS(dir), "content/")
	if diags.Errors() > 0 {
		b.Fatal(diags.Items()[0])
	}
	b.ResetTimer()
	return c
}
