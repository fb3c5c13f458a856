package build

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/licensure/licensure/internal/check"
	"github.com/licensure/licensure/internal/load"
	"github.com/licensure/licensure/internal/sitetest"
)

// TestCheckKnowsEveryWrittenFile builds the test site and asks check, for
// every file written, whether an alias naming it would be refused: a file
// the build learns to write must join check.BuildFiles or BuildFolders.
func TestCheckKnowsEveryWrittenFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(context.Background(), options(t, sitetest.Base(), out)); err != nil {
		t.Fatal(err)
	}
	c, _ := load.Load(sitetest.FS(sitetest.Base()), "content/")
	written := check.WrittenPaths(c)
	for name := range snapshot(t, out) {
		if !check.Written(written, "/"+name) {
			t.Errorf("check would accept the alias /%s, a file the build writes", name)
		}
	}
}
