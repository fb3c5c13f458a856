package output

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

func TestWriteNestedConcurrentlyThenCommit(t *testing.T) {
	final := filepath.Join(t.TempDir(), "public")
	if err := os.MkdirAll(filepath.Join(final, "stale"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(final, Marker), []byte(markerText), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := Create(final)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := range 200 {
		wg.Go(func() {
			name := fmt.Sprintf("a/b%d/c/index.html", i%7)
			if i%2 == 0 {
				name = fmt.Sprintf("licenses/x%d/index.html", i)
			}
			if err := d.WriteFile(name, []byte(name)); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"a/b3/c/index.html", "licenses/x10/index.html"} {
		got, err := os.ReadFile(filepath.Join(final, name))
		if err != nil || string(got) != name {
			t.Errorf("%s: %q, %v", name, got, err)
		}
	}
	if _, err := os.Stat(filepath.Join(final, "stale")); !os.IsNotExist(err) {
		t.Errorf("the old output survived the commit: %v", err)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(final), ".public.tmp-*")); len(left) > 0 {
		t.Errorf("temporary folders left: %v", left)
	}
}

func TestWriteUnderAFileFails(t *testing.T) {
	d, err := Create(filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	if err := d.WriteFile("a", []byte("file")); err != nil {
		t.Fatal(err)
	}
	if err := d.WriteFile("a/b/index.html", nil); err == nil {
		t.Error("writing below a file succeeded")
	}
	if err := d.WriteFile("../x", nil); err == nil {
		t.Error("writing outside the output succeeded")
	}
}
