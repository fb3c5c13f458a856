// Package synthtest gives benchmarks synthetic content, written into a
// temporary folder outside the timed region: as files, loaded, or
// resolved into a graph.
package synthtest

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/licensure/licensure/internal/load"
	"github.com/licensure/licensure/internal/resolve"
	"github.com/licensure/licensure/internal/synth"
)

// Folder writes a synthetic content folder of n licenses and returns it.
func Folder(tb testing.TB, n int) string {
	tb.Helper()
	dir := filepath.Join(tb.TempDir(), "content")
	if _, err := synth.Write(dir, synth.Options{Licenses: n, Seed: 1, Today: time.Now()}); err != nil {
		tb.Fatal(err)
	}
	return dir
}

// Loaded writes and loads a synthetic content folder of n licenses.
func Loaded(tb testing.TB, n int) *load.Content {
	tb.Helper()
	c, diags := load.Load(os.DirFS(Folder(tb, n)), "content/")
	if diags.Errors() > 0 {
		tb.Fatal(diags.Items()[0])
	}
	return c
}

// Graph writes, loads and resolves a synthetic content folder of n
// licenses.
func Graph(tb testing.TB, n int) *resolve.Graph {
	tb.Helper()
	return resolve.Resolve(Loaded(tb, n))
}
