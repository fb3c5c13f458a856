package synth_test

import (
	"bytes"
	"fmt"
	"os"
	"runtime/pprof"
	"sort"
	"testing"
	"time"

	"github.com/licensure/licensure/internal/build"
	"github.com/licensure/licensure/internal/check"
	"github.com/licensure/licensure/internal/render"
	"github.com/licensure/licensure/internal/resolve"
)

func TestZZKinds(t *testing.T) {
	dir := os.Getenv("STAGES_CONTENT")
	if dir == "" {
		t.Skip()
	}
	opts := build.Options{Content: os.DirFS(dir), Templates: os.DirFS("../../templates"), Static: os.DirFS("../../static"), Check: check.Options{Today: time.Now()}}
	content, _ := build.Validate(opts)
	g := resolve.Resolve(content)
	theme, err := build.LoadTheme(opts)
	if err != nil {
		t.Fatal(err)
	}
	pages := render.Pages(g, theme.Assets())
	type agg struct {
		n     int
		bytes int
		d     time.Duration
	}
	by := map[string]*agg{}
	var buf bytes.Buffer
	if only := os.Getenv("ONLY"); only != "" {
		f, _ := os.Create("/tmp/prof/only.cpu")
		pprof.StartCPUProfile(f)
		for _, p := range pages {
			if p.Template == only {
				buf.Reset()
				theme.Templates.Execute(&buf, p)
			}
		}
		pprof.StopCPUProfile()
		f.Close()
	}
	for _, p := range pages {
		a := by[p.Template]
		if a == nil {
			a = &agg{}
			by[p.Template] = a
		}
		buf.Reset()
		start := time.Now()
		if err := theme.Templates.Execute(&buf, p); err != nil {
			t.Fatal(err)
		}
		a.d += time.Since(start)
		a.n++
		a.bytes += buf.Len()
	}
	var names []string
	for k := range by {
		names = append(names, k)
	}
	sort.Slice(names, func(i, j int) bool { return by[names[i]].d > by[names[j]].d })
	var total time.Duration
	for _, k := range names {
		total += by[k].d
	}
	for _, k := range names {
		a := by[k]
		fmt.Printf("%-14s pages=%6d  MB=%7.1f  time=%6.2fs (%4.1f%%)  us/page=%7.0f  MB/s=%5.1f\n", k, a.n, float64(a.bytes)/1e6, a.d.Seconds(), 100*a.d.Seconds()/total.Seconds(), float64(a.d.Microseconds())/float64(a.n), float64(a.bytes)/1e6/a.d.Seconds())
	}
	fmt.Printf("total %.2fs\n", total.Seconds())
}
