package synth_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"sync"
	"testing"
	"time"

	"github.com/licensure/licensure/internal/build"
	"github.com/licensure/licensure/internal/check"
	"github.com/licensure/licensure/internal/linkcheck"
	"github.com/licensure/licensure/internal/output"
	"github.com/licensure/licensure/internal/render"
	"github.com/licensure/licensure/internal/resolve"
)

func TestZZStages(t *testing.T) {
	dir := os.Getenv("STAGES_CONTENT")
	if dir == "" {
		t.Skip()
	}
	out := os.Getenv("STAGES_OUT")
	heapOut := os.Getenv("STAGES_HEAP")
	var mu sync.Mutex
	var peak uint64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	stage := "start"
	peakStage := ""
	wg.Add(1)
	go func() {
		defer wg.Done()
		var lastGC uint32
		for {
			select {
			case <-stop:
				return
			case <-time.After(10 * time.Millisecond):
			}
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			if ms.NumGC != lastGC {
				lastGC = ms.NumGC
				mu.Lock()
				if ms.HeapAlloc > peak {
					peak = ms.HeapAlloc
					peakStage = stage
					if heapOut != "" {
						f, _ := os.Create(heapOut)
						pprof.Lookup("heap").WriteTo(f, 0)
						f.Close()
					}
				}
				mu.Unlock()
			}
		}
	}()
	set := func(s string) { mu.Lock(); stage = s; mu.Unlock() }
	start := time.Now()
	last := start
	lap := func(name string) {
		now := time.Now()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		fmt.Printf("%-10s %8.3fs  heap %4d MiB  sys %4d MiB\n", name, now.Sub(last).Seconds(), ms.HeapAlloc>>20, ms.Sys>>20)
		last = now
	}
	opts := build.Options{Content: os.DirFS(dir), Templates: os.DirFS("../../templates"), Static: os.DirFS("../../static"), Out: out, Check: check.Options{Today: time.Now()}}
	set("validate")
	content, res := build.Validate(opts)
	if res.Diags.Errors() > 0 {
		t.Fatal(res.Diags.Items()[0])
	}
	lap("validate")
	set("resolve")
	g := resolve.Resolve(content)
	content = nil
	lap("resolve")
	set("theme")
	theme, err := build.LoadTheme(opts)
	if err != nil {
		t.Fatal(err)
	}
	d, err := output.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range theme.Static {
		d.WriteFile(f.Path, f.Data)
	}
	lap("theme")
	set("pages")
	pages := render.Pages(g, theme.Assets())
	lap("pages")
	set("render")
	if _, err := render.RenderAll(context.Background(), theme.Templates, pages, d); err != nil {
		t.Fatal(err)
	}
	lap("render+wr")
	set("extras")
	extra, err := build.ExtraFiles(g, pages)
	pages = nil
	if err != nil {
		fmt.Println("extras:", err)
	}
	lap("extras")
	set("extrawr")
	for _, f := range extra {
		d.WriteFile(f.Path, f.Data)
	}
	extra = nil
	lap("extras-wr")
	set("linkcheck")
	probs, err := linkcheck.Check(d.FS(), linkcheck.Options{BaseURL: string(g.Site.BaseURL)})
	fmt.Println("link problems:", len(probs), err)
	lap("linkcheck")
	set("commit")
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	lap("commit")
	close(stop)
	wg.Wait()
	fmt.Printf("total %.3fs; peak heap after a GC %d MiB during %s\n", time.Since(start).Seconds(), peak>>20, peakStage)
	_ = filepath.Join
}
