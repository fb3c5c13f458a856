package serve

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/licensure/licensure/internal/synth"
)

// BenchmarkEditToReload measures what an editor waits for: from saving a
// license file to the reload event reaching the browser and the browser
// getting the edited license's page again. It includes the watcher's
// settle delay. "shipped" is a copy of the repository's content;
// the others are synthetic content of that many licenses.
func BenchmarkEditToReload(b *testing.B) {
	b.Run("shipped", func(b *testing.B) {
		root := siteRoot(b, func(content string) {
			if err := os.CopyFS(content, os.DirFS("../../content")); err != nil {
				b.Fatal(err)
			}
		})
		benchmarkEdit(b, root, filepath.Join(root, "content", "licenses", "oh-respiratory-care-professional.yaml"))
	})
	for _, n := range []int{10000} {
		b.Run("licenses="+strconv.Itoa(n), func(b *testing.B) {
			root := siteRoot(b, func(content string) {
				if _, err := synth.Write(content, synth.Options{Licenses: n, Seed: 1, Today: time.Now()}); err != nil {
					b.Fatal(err)
				}
			})
			files, _ := filepath.Glob(filepath.Join(root, "content", "licenses", "*.yaml"))
			benchmarkEdit(b, root, files[len(files)/2])
		})
	}
}

// siteRoot makes a site root with the repository's templates and static
// files and the content fill writes.
func siteRoot(b *testing.B, fill func(content string)) string {
	root := b.TempDir()
	for _, dir := range []string{"templates", "static"} {
		if err := os.CopyFS(filepath.Join(root, dir), os.DirFS(filepath.Join("../..", dir))); err != nil {
			b.Fatal(err)
		}
	}
	fill(filepath.Join(root, "content"))
	return root
}

func benchmarkEdit(b *testing.B, root, file string) {
	base, _ := start(b, root)
	next := events(b, base)
	src, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	text := string(src)
	page := base + "/licenses/" + strings.TrimSuffix(filepath.Base(file), ".yaml") + "/"
	get(b, page)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		// Alternate the license's title, so that every save changes it.
		edited := strings.Replace(text, "title: ", "title: "+strconv.Itoa(i%2)+" ", 1)
		write(b, file, edited)
		next("reload")
		if code, body := get(b, page); code != 200 || !strings.Contains(body, strconv.Itoa(i%2)+" ") {
			b.Fatalf("the edit is not on the page: %d", code)
		}
	}
}
