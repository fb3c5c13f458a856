package synth_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/licensure/licensure/internal/build"
	"github.com/licensure/licensure/internal/check"
	"github.com/licensure/licensure/internal/synth"
)

var today = time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)

// TestValid checks that a synthetic site has no error and no warning.
func TestValid(t *testing.T) {
	for _, n := range []int{1, 200} {
		dir := filepath.Join(t.TempDir(), "content")
		counts, err := synth.Write(dir, synth.Options{Licenses: n, Seed: 7, Today: today})
		if err != nil {
			t.Fatal(err)
		}
		_, res := build.Validate(build.Options{Content: os.DirFS(dir), Check: check.Options{Today: today}})
		for _, d := range res.Diags.Items() {
			t.Errorf("%d licenses: %s", n, d)
		}
		for kind, want := range map[string]int{
			"licenses": counts.Licenses, "boards": counts.Boards, "certifications": counts.Certifications,
			"issuers": counts.Issuers, "specialties": counts.Specialties, "occupations": counts.Occupations,
			"families": counts.Families,
		} {
			if got := res.Counts[kind]; got != want {
				t.Errorf("%d licenses: loaded %d %s, want %d", n, got, kind, want)
			}
		}
	}
}

func TestCountsFollowNationalProportions(t *testing.T) {
	got := synth.CountsFor(10000)
	want := synth.Counts{Families: 20, Specialties: 200, Occupations: 400, Licenses: 10000, Boards: 1700, Certifications: 2000, Issuers: 250}
	if got != want {
		t.Errorf("CountsFor(10000) = %+v, want %+v", got, want)
	}
}

// TestDeterministic writes the same site twice, with different numbers of
// workers, and compares every byte; another seed must give another site.
func TestDeterministic(t *testing.T) {
	write := func(seed uint64, procs int) map[string][]byte {
		t.Helper()
		prev := runtime.GOMAXPROCS(procs)
		defer runtime.GOMAXPROCS(prev)
		dir := filepath.Join(t.TempDir(), "content")
		if _, err := synth.Write(dir, synth.Options{Licenses: 200, Seed: seed, Today: today}); err != nil {
			t.Fatal(err)
		}
		return readAll(t, dir)
	}
	a, b := write(1, 1), write(1, 4)
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between two runs with the same seed", name)
		}
	}
	c := write(2, 2)
	same := 0
	for name, data := range a {
		if bytes.Equal(data, c[name]) {
			same++
		}
	}
	if same == len(a) {
		t.Error("seeds 1 and 2 wrote the same site")
	}
}

func TestRefusesNonEmptyFolder(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "keep.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := synth.Write(dir, synth.Options{Licenses: 10}); err == nil {
		t.Error("wrote into a folder that holds a file")
	}
}

func readAll(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
