package check

import (
	"os"
	"testing"
	"time"

	"github.com/licensure/licensure/internal/load"
)

func TestZZProf(t *testing.T) {
	dir := os.Getenv("PROF_DIR")
	if dir == "" {
		t.Skip()
	}
	start := time.Now()
	c, diags := load.Load(os.DirFS(dir), "content/")
	t1 := time.Now()
	Check(c, Options{Today: time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC), MaxAge: 12}, diags)
	t.Logf("load %v check %v; %d errors %d warnings", t1.Sub(start), time.Since(t1), diags.Errors(), diags.Warnings())
}
