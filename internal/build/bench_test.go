package build

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/licensure/licensure/internal/check"
	"github.com/licensure/licensure/internal/linkcheck"
	"github.com/licensure/licensure/internal/render"
	"github.com/licensure/licensure/internal/resolve"
	"github.com/licensure/licensure/internal/synth"
)

// sizes are the numbers of licenses the benchmarks run at; see
// docs/performance.md for the figures and how to profile them.
var sizes = []int{1000, 10000}

// BenchmarkBuild runs the whole build, as licensure build does, on
// synthetic content with the repository's templates and static files.
// Each iteration writes the site and swaps it in over the previous one.
func BenchmarkBuild(b *testing.B) {
	for _, n := range sizes {
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
	for _, n := range sizes {
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

// BenchmarkExtraFiles makes the files besides the pages: open data, the
// search index, the sitemap, the feed and the Netlify settings.
func BenchmarkExtraFiles(b *testing.B) {
	for _, n := range sizes {
		b.Run("licenses="+strconv.Itoa(n), func(b *testing.B) {
			opts := synthOptions(b, n)
			content, res := Validate(opts)
			if res.Diags.Errors() > 0 {
				b.Fatal(res.Diags.Items()[0])
			}
			g := resolve.Resolve(content)
			pages := render.Pages(g)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if _, err := ExtraFiles(g, pages); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkLinkCheck checks the links of a site built once beforehand.
func BenchmarkLinkCheck(b *testing.B) {
	for _, n := range sizes {
		b.Run("licenses="+strconv.Itoa(n), func(b *testing.B) {
			opts := synthOptions(b, n)
			if _, err := Build(context.Background(), opts); err != nil {
				b.Fatal(err)
			}
			site := os.DirFS(opts.Out)
			base := "https://synthetic.example.org"
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if probs, err := linkcheck.Check(site, linkcheck.Options{BaseURL: base}); err != nil || len(probs) > 0 {
					b.Fatal(err, probs)
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
