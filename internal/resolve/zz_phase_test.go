package resolve

import (
	"fmt"
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/licensure/licensure/internal/load"
)

func TestZZPhases(t *testing.T) {
	dir := os.Getenv("PHASE_DIR")
	if dir == "" {
		t.Skip()
	}
	c, _ := load.Load(os.DirFS(dir), "content/")
	var d [7]time.Duration
	const N = 20
	for range N {
		runtime.GC()
		t0 := time.Now()
		n := len(c.States) + len(c.Pages)
		for _, recs := range c.Records {
			n += len(recs)
		}
		g := &Graph{Site: c.Site, links: make(map[linkKey]Link, n)}
		r := &resolver{g: g}
		r.addStates(c.States)
		r.records(c.Records)
		t1 := time.Now()
		r.forward()
		t2 := time.Now()
		r.sort()
		t3 := time.Now()
		r.link()
		t4 := time.Now()
		r.derive()
		t5 := time.Now()
		r.pages(c.Pages)
		t6 := time.Now()
		for i, x := range []time.Duration{t1.Sub(t0), t2.Sub(t1), t3.Sub(t2), t4.Sub(t3), t5.Sub(t4), t6.Sub(t5), t6.Sub(t0)} {
			d[i] += x
		}
	}
	for i, name := range []string{"records", "forward", "sort", "link", "derive", "pages", "total"} {
		fmt.Printf("%-8s %v\n", name, d[i]/N)
	}
}
