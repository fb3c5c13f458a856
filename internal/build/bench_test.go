package build

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/licensure/licensure/internal/check"
	"github.com/licensure/licensure/internal/synth"
)

// BenchmarkBuild runs the whole build, as licensure build does, on
// synthetic content of 1,000 and of 10,000 licenses with the repository's
// templates and static files (docs/performance.md). Each iteration writes
// the site and swaps it in over the previous one.
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run("licenses="+strconv.Itoa(n), func(b *testing.B) {
			opts := synthOptions(b, n)
			b.ReportAllocs()
			for b.Loop() {
				res, err := Build(context.Background(), opts)
				if err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(res.Pages), "files/op")
			}
		})
	}
}

// BenchmarkValidate loads and checks, as licensure check does.
func BenchmarkValidate(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run("licenses="+strconv.Itoa(n), func(b *testing.B) {
			opts := synthOptions(b, n)
			b.ReportAllocs()
			for b.Loop() {
				if _, res := Validate(opts); res.Diags.Errors()+res.Diags.Warnings() > 0 {
					b.Fatal(res.Diags.Items()[0])
				}
			}
		})
	}
}

// synthOptions writes a synthetic content folder of n licenses, outside
// the timed region, and returns options that build it into a temporary
// folder.
func synthOptions(b *testing.B, n int) Options {
	b.Helper()
	dir := b.TempDir()
	content := filepath.Join(dir, "content")
	if _, err := synth.Write(content, synth.Options{Licenses: n, Seed: 1, Today: time.Now()}); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	return Options{
		Content:   os.DirFS(content),
		Templates: os.DirFS("../../templates"),
		Static:    os.DirFS("../../static"),
		Out:       filepath.Join(dir, "public"),
		Check:     check.Options{Today: time.Now()},
	}
}
