package live

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/licensure/licensure/internal/build"
	"github.com/licensure/licensure/internal/sitetest"
)

func options(fsys fstest.MapFS) build.Options {
	return build.Options{Content: fsys, Templates: os.DirFS("../../templates"), Static: os.DirFS("../../static")}
}

func files(s *Site) map[string]string {
	out := map[string]string{}
	for _, p := range s.Paths() {
		b, _ := s.File(p)
		out[p] = string(b)
	}
	return out
}

// TestUpdateMatchesFullBuild edits the content in each way an editor does
// and checks that the updated site is byte-for-byte what a full build of
// the edited content gives, while rendering fewer pages.
func TestUpdateMatchesFullBuild(t *testing.T) {
	const lic = "licenses/oh-rcp.yaml"
	newLicense := "title: Respiratory Therapist\nstate: TX\nspecialty: respiratory-care\nboard: tx-board\noccupations: [29-1126.00]\ncredential: license\nsummary: s\nsources: [{title: t, url: \"https://x.org\"}]\nreviewed: 2026-11-25\n"
	for _, tc := range []struct {
		name    string
		edit    func(fstest.MapFS)
		changed []string
		partial bool // fewer pages rendered than a full build
		patched bool // the graph patched in place
	}{
		{"license summary", func(f fstest.MapFS) { replace(f, lic, "Issued by", "Granted by") }, []string{"content/" + lic}, true, true},
		{"license review date and renewal", func(f fstest.MapFS) {
			replace(f, lic, "reviewed: 2026-11-24", "reviewed: 2026-11-25")
			replace(f, lic, "Every two years", "Every year")
		}, []string{"content/" + lic}, true, true},
		{"license title", func(f fstest.MapFS) {
			replace(f, lic, "title: Respiratory Care Professional", "title: Respiratory Care Practitioner")
		}, []string{"content/" + lic}, true, true},
		{"board name", func(f fstest.MapFS) {
			replace(f, "boards/oh-board.yaml", "name: Ohio Board", "name: Ohio Respiratory Board")
		}, []string{"content/boards/oh-board.yaml"}, true, false},
		{"certification role", func(f fstest.MapFS) { replace(f, lic, "role: required", "role: accepted") }, []string{"content/" + lic}, true, false},
		{"license removed", func(f fstest.MapFS) { delete(f, lic) }, []string{"content/" + lic}, true, false},
		{"license and board added", func(f fstest.MapFS) {
			f["licenses/tx-rt.yaml"] = &fstest.MapFile{Data: []byte(newLicense)}
			f["boards/tx-board.yaml"] = &fstest.MapFile{Data: []byte("name: Texas Board\nstate: TX\nurl: https://tx.example\nsources: [{title: t, url: \"https://tx.example\"}]\nreviewed: 2026-11-24\n")}
		}, []string{"content/licenses/tx-rt.yaml", "content/boards/tx-board.yaml"}, true, false},
		{"page edited", func(f fstest.MapFS) { replace(f, "pages/about.md", "title: About", "title: About us") }, []string{"content/pages/about.md"}, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := sitetest.FS(sitetest.Base())
			b := New(options(fsys))
			full, err := b.Full(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if err := full.Site.RenderAll(context.Background()); err != nil {
				t.Fatal(err)
			}
			total := len(full.Site.pages)
			tc.edit(fsys)
			res, err := b.Update(context.Background(), tc.changed)
			if err != nil {
				t.Fatalf("update: %v %v", err, res.Diags.Items())
			}
			fresh, err := New(options(fsys)).Full(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(files(fresh.Site), files(res.Site)); diff != "" {
				t.Errorf("updated site differs from a full build (-full +updated):\n%s", diff)
			}
			if res.Patched != tc.patched {
				t.Errorf("patched %v, want %v", res.Patched, tc.patched)
			}
			if tc.partial && (res.Kept == 0 || res.Kept >= total) {
				t.Errorf("kept %d rendered pages of %d; want some, not all", res.Kept, total)
			}
		})
	}
}

// TestUpdateWithErrorsKeepsSite checks that an edit that breaks the content
// reports the problem and leaves the last good site in place.
func TestUpdateWithErrorsKeepsSite(t *testing.T) {
	fsys := sitetest.FS(sitetest.Base())
	b := New(options(fsys))
	if _, err := b.Full(context.Background()); err != nil {
		t.Fatal(err)
	}
	good := b.Site()
	replace(fsys, "licenses/oh-rcp.yaml", "board: oh-board", "board: oh-bord")
	res, err := b.Update(context.Background(), []string{"content/licenses/oh-rcp.yaml"})
	if !errors.Is(err, build.ErrContent) {
		t.Fatalf("error %v, want content errors", err)
	}
	if got := res.Diags.Items(); res.Diags.Errors() != 1 || !strings.Contains(got[len(got)-1].String(), `oh-rcp.yaml:4:8: unknown board "oh-bord"`) {
		t.Errorf("diagnostics %v", got)
	}
	if b.Site() != good {
		t.Error("the last good site was replaced")
	}
	replace(fsys, "licenses/oh-rcp.yaml", "board: oh-bord", "board: oh-board")
	if _, err := b.Update(context.Background(), []string{"content/licenses/oh-rcp.yaml"}); err != nil {
		t.Fatalf("fixing the error: %v", err)
	}
}

// TestUpdateAfterFailedEditResolves checks that an edit that could patch
// the graph does not when an earlier update failed: the graph then lags
// behind content that an edit since has changed.
func TestUpdateAfterFailedEditResolves(t *testing.T) {
	base := sitetest.Base()
	base["licenses/oh-rt.yaml"] = strings.Replace(base["licenses/oh-rcp.yaml"], "Respiratory Care Professional", "Respiratory Therapist", 1)
	fsys := sitetest.FS(base)
	b := New(options(fsys))
	if _, err := b.Full(context.Background()); err != nil {
		t.Fatal(err)
	}
	changed := []string{"content/licenses/oh-rcp.yaml", "content/licenses/oh-rt.yaml"}
	replace(fsys, "licenses/oh-rcp.yaml", "title: Respiratory Care Professional", "title: Respiratory Care Practitioner")
	replace(fsys, "licenses/oh-rt.yaml", "board: oh-board", "board: oh-bord")
	if _, err := b.Update(context.Background(), changed); !errors.Is(err, build.ErrContent) {
		t.Fatalf("error %v, want content errors", err)
	}
	replace(fsys, "licenses/oh-rt.yaml", "board: oh-bord", "board: oh-board")
	res, err := b.Update(context.Background(), changed[1:])
	if err != nil {
		t.Fatal(err)
	}
	if res.Patched {
		t.Error("patched a graph that lags behind the content")
	}
	fresh, err := New(options(fsys)).Full(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(files(fresh.Site), files(res.Site)); diff != "" {
		t.Errorf("updated site differs from a full build (-full +updated):\n%s", diff)
	}
}

func replace(f fstest.MapFS, name, old, new string) {
	f[name] = &fstest.MapFile{Data: []byte(strings.Replace(string(f[name].Data), old, new, 1))}
}
