package serve

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkEditToReload measures what an editor waits for: from saving a
// license file to the reload event reaching the browser, on a copy of the
// shipped content. It includes the watcher's settle delay.
func BenchmarkEditToReload(b *testing.B) {
	root := b.TempDir()
	for _, dir := range []string{"content", "templates", "static"} {
		if err := os.CopyFS(filepath.Join(root, dir), os.DirFS(filepath.Join("../..", dir))); err != nil {
			b.Fatal(err)
		}
	}
	benchmarkEdit(b, root, filepath.Join(root, "content", "licenses", "oh-respiratory-care-professional.yaml"))
}

func benchmarkEdit(b *testing.B, root, file string) {
	base, _ := start(b, root)
	next := events(b, base)
	src, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	lines := strings.SplitN(string(src), "\n", 3)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		edited := lines[0] + "\n" + lines[1] + strings.Repeat(" ", i%2) + "\n" + lines[2]
		write(b, file, edited)
		next("reload")
	}
}
