package linkcheck

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// BenchmarkCheckFS checks a synthetic site of 10,000 licenses, held in
// memory, through the
// fs.FS entry point. With $LINKCHECK_SITE set, it checks the site in that
// folder instead, such as one licensure build made of licensure synth
// content, whose base URL is synthBase.
func BenchmarkCheckFS(b *testing.B) {
	benchmarkFS(b, Check)
}

// BenchmarkOldCheckFS is BenchmarkCheckFS for the check as it was before
// the collector.
func BenchmarkOldCheckFS(b *testing.B) {
	benchmarkFS(b, oldCheck)
}

func benchmarkFS(b *testing.B, check func(fs.FS, Options) ([]Problem, error)) {
	var site fs.FS
	if dir := os.Getenv("LINKCHECK_SITE"); dir != "" {
		site = os.DirFS(dir)
	} else {
		site = synthSite(10000).fs()
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuTime()
	for b.Loop() {
		probs, err := check(site, Options{BaseURL: synthBase + "/"})
		if err != nil || len(probs) > 0 {
			b.Fatal(err, probs[:min(len(probs), 5)])
		}
	}
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
}

// BenchmarkCollector feeds the pages of the same site, already in memory,
// to a Collector from as many goroutines as there are cores, as the
// renderer's workers do, then checks. The heap the collector holds before
// Check is reported as retained-B.
func BenchmarkCollector(b *testing.B) {
	site := synthSite(10000)
	if dir := os.Getenv("LINKCHECK_SITE"); dir != "" {
		site = readSite(b, dir)
	}
	var pages, files []string
	for name := range site {
		if strings.HasSuffix(name, ".html") {
			pages = append(pages, name)
		} else {
			files = append(files, name)
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	var retained uint64
	var cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		var before runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		b.StartTimer()
		start := cpuTime()
		c := NewCollector(Options{BaseURL: synthBase + "/"})
		var next atomic.Int64
		var wg sync.WaitGroup
		for range runtime.GOMAXPROCS(0) {
			wg.Go(func() {
				for {
					i := int(next.Add(1)) - 1
					if i >= len(pages) {
						return
					}
					c.Page(pages[i], site[pages[i]])
				}
			})
		}
		for _, f := range files {
			c.File(f)
		}
		wg.Wait()
		b.StopTimer()
		cpu += cpuTime() - start
		var after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&after)
		retained = after.HeapAlloc - before.HeapAlloc
		b.StartTimer()
		start = cpuTime()
		if probs := c.Check(); len(probs) > 0 {
			b.Fatal(probs[:min(len(probs), 5)])
		}
		cpu += cpuTime() - start
		runtime.KeepAlive(c)
	}
	b.ReportMetric(float64(retained), "retained-B")
	b.ReportMetric(float64(cpu)/float64(b.N), "cpu-ns/op")
}

// readSite reads the site in dir, pages whole and other files as names.
func readSite(b *testing.B, dir string) siteFiles {
	site := siteFiles{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		data := []byte(nil)
		if strings.HasSuffix(p, ".html") {
			data, err = os.ReadFile(p)
		}
		site[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return site
}
