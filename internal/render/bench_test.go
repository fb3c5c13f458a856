package render_test

import (
	"bytes"
	"context"
	"github.com/licensure/licensure/internal/synth/synthtest"
	"os"
	"runtime"
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
			tmpl := siteTemplates(b)
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

// BenchmarkRenderKind renders the pages of one kind at a time (license,
// compare, state…) of a synthetic site of 10,000 licenses, on one core
// and without the disk, so that a change to one template is measured
// apart from the others. The pages that share fragments with others
// (license tables, links) find them cached after the first iteration, as
// they would after the pages rendered before them in a build.
func BenchmarkRenderKind(b *testing.B) {
	g := graph(b, 10000)
	tmpl := siteTemplates(b)
	byKind := map[string][]render.Page{}
	for _, p := range render.Pages(g) {
		byKind[p.Template] = append(byKind[p.Template], p)
	}
	for _, kind := range []string{"license", "compare", "specialty", "certification", "board", "state", "compact"} {
		pages := byKind[kind]
		b.Run(kind, func(b *testing.B) {
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
			var buf bytes.Buffer
			size := 0
			for b.Loop() {
				size = 0
				for _, p := range pages {
					buf.Reset()
					if err := tmpl.Execute(&buf, p); err != nil {
						b.Fatal(err)
					}
					size += buf.Len()
				}
			}
			b.ReportMetric(float64(len(pages)), "pages")
			b.ReportMetric(float64(size)/1e6, "MB")
		})
	}
}

// siteTemplates parses the repository's templates, with its static files'
// published URLs.
func siteTemplates(b *testing.B) *render.Templates {
	b.Helper()
	_, urls, err := render.LoadStatic(os.DirFS("../../static"))
	if err != nil {
		b.Fatal(err)
	}
	tmpl, err := render.ParseTemplates(os.DirFS("../../templates"), render.NewMarkdown(), urls)
	if err != nil {
		b.Fatal(err)
	}
	return tmpl
}
