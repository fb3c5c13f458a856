package check

import (
	"os"
	"runtime"
	"runtime/pprof"
	"testing"

	"github.com/licensure/licensure/internal/load"
)

func TestZZHeap(t *testing.T) {
	dir := os.Getenv("HEAP_DIR")
	if dir == "" {
		t.Skip()
	}
	runtime.MemProfileRate = 4096
	c, _ := load.Load(os.DirFS(dir), "content/")
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	t.Logf("live heap after load: %d MB; total alloc %d MB; sys %d MB; numGC %d", ms.HeapAlloc>>20, ms.TotalAlloc>>20, ms.Sys>>20, ms.NumGC)
	f, _ := os.Create(os.Getenv("HEAP_OUT"))
	pprof.WriteHeapProfile(f)
	f.Close()
	runtime.KeepAlive(c)
}
