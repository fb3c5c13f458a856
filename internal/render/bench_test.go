package render_test

import (
	"context"
	"github.com/licensure/licensure/internal/synth/synthtest"
	"os"
	"strconv"
	"sync/atomic"
	"testing"

	"github.com/licensure/licensure/internal/render"
	"github.com/licensure/licensure/internal/resolve"
)

// BenchmarkRender lists and renders every page of synthetic content of
// 1,000 and of 10,000 licenses with the repository's templates, into a
// writer that only counts, so that the disk is left out
// (docs/performance.md). Templates are parsed once, outside the loop.
func BenchmarkRender(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run("licenses="+strconv.Itoa(n), func(b *testing.B) {
			g := graph(b, n)
			_, urls, err := render.LoadStatic(os.DirFS("../../static"))
			if err != nil {
				b.Fatal(err)
			}
			tmpl, err := render.ParseTemplates(os.DirFS("../../templates"), render.NewMarkdown(), urls)
			if err != nil {
				b.Fatal(err)
			}
			var w counter
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if _, err := render.RenderAll(context.Background(), tmpl, render.Pages(g), &w); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(w.bytes.Load())/float64(b.N), "html-bytes/op")
			b.ReportMetric(float64(w.files.Load())/float64(b.N), "pages/op")
		})
	}
}

// counter is a render.Writer that counts what it is given.
type counter struct {
	files, bytes atomic.Int64
}

func (c *counter) WriteFile(_ string, data []byte) error {
	c.files.Add(1)
	c.bytes.Add(int64(len(data)))
	return nil
}

// graph writes, loads and resolves a synthetic content folder of n
// licenses, outside the timed region.
func graph(b *testing.B, n int) *resolve.Graph { return synthtest.Graph(b, n) }
