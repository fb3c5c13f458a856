package output

import (
	"errors"
	"fmt"
	"github.com/licensure/licensure/internal/sitetest"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// killed is what a step panics with to stop Commit as a kill would: on
// the spot, with no clean-up.
type killed struct{}

// site writes a complete site of one version into a new Dir for final
// and returns it uncommitted.
func site(t *testing.T, final, version string) *Dir {
	t.Helper()
	d, err := Create(final)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"index.html", "a/index.html", "a/b/index.html"} {
		if err := d.WriteFile(name, []byte(version+" "+name)); err != nil {
			t.Fatal(err)
		}
	}
	return d
}

// contents reads every file below dir, or nil when dir does not exist.
func contents(t *testing.T, dir string) map[string]string {
	t.Helper()
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return sitetest.ReadTree(t, dir)
}

func want(version string) map[string]string {
	return map[string]string{Marker: markerText, "index.html": version + " index.html",
		"a/index.html": version + " a/index.html", "a/b/index.html": version + " a/b/index.html"}
}

// commitBrokenAt commits a new site over an old one, breaking the swap at
// step: with an error, or with a kill when kill is set. It returns what
// Commit returned.
func commitBrokenAt(t *testing.T, final, step string, kill bool) (err error) {
	t.Helper()
	site(t, final, "old").Commit()
	d := site(t, final, "new")
	d.InjectStep(func(s string) error {
		if s != step {
			return nil
		}
		if kill {
			panic(killed{})
		}
		return errors.New("injected")
	})
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(killed); !ok {
				panic(r)
			}
			err = errors.New("killed")
		}
	}()
	return d.Commit()
}

// TestSwapBrokenAtEveryStep fails and kills Commit before each of its
// steps, with and without the atomic exchange, and checks that the output
// then holds the old or the new complete site, never a mix or nothing,
// and that the next build leaves no folder behind.
func TestSwapBrokenAtEveryStep(t *testing.T) {
	for _, atomic := range []bool{true, false} {
		steps := []string{StepExchange, StepRemoveOld}
		if !atomic {
			steps = []string{StepMoveAside, StepMoveIn, StepRemoveOld}
		}
		for _, step := range steps {
			for _, kill := range []bool{false, true} {
				t.Run(fmt.Sprintf("exchange=%v/%s/kill=%v", atomic, step, kill), func(t *testing.T) {
					if !atomic {
						exchange = func(a, b string) error { return errNoExchange }
						t.Cleanup(func() { exchange = exchangeFolders })
					}
					parent := t.TempDir()
					final := filepath.Join(parent, "public")
					err := commitBrokenAt(t, final, step, kill)
					if err == nil {
						t.Fatal("commit succeeded")
					}
					next := site(t, final, "next") // removes what the break left
					got := contents(t, final)
					if diff := cmp.Diff(want("old"), got); diff != "" && step != StepRemoveOld {
						t.Errorf("broken before the new site was in: output is not the old site:\n%s", diff)
					}
					if diff := cmp.Diff(want("new"), got); diff != "" && step == StepRemoveOld {
						t.Errorf("broken after the new site was in: output is not the new site:\n%s", diff)
					}
					if err := next.Commit(); err != nil {
						t.Fatal(err)
					}
					if diff := cmp.Diff(want("next"), contents(t, final)); diff != "" {
						t.Errorf("next build:\n%s", diff)
					}
					if entries, _ := os.ReadDir(parent); len(entries) != 1 {
						t.Errorf("left beside the output: %v", entries)
					}
				})
			}
		}
	}
}
