package serve

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// settle is how long the watcher waits after a change for more: editors
// often write a file in several steps.
const settle = 10 * time.Millisecond

// watcher reports changed files below the site's content, templates and
// static folders, as slash paths relative to the site root.
type watcher struct {
	root string
	fsw  *fsnotify.Watcher
}

func watch(root string) (*watcher, error) {
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{root: root, fsw: fsw}
	for _, dir := range []string{"content", "templates", "static"} {
		if err := w.addTree(filepath.Join(root, dir)); err != nil {
			fsw.Close()
			return nil, err
		}
	}
	return w, nil
}

// addTree watches dir and every folder below it.
func (w *watcher) addTree(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		return w.fsw.Add(p)
	})
}

func (w *watcher) Close() error { return w.fsw.Close() }

// loop batches events and calls update with each batch, until ctx is done.
func (w *watcher) loop(ctx context.Context, update func([]string)) {
	var pending []string
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			if p, keep := w.relevant(ev); keep && !slices.Contains(pending, p) {
				pending = append(pending, p)
				timer.Reset(settle)
			}
		case <-timer.C:
			batch := pending
			pending = nil
			update(batch)
		case <-w.fsw.Errors:
		}
	}
}

// relevant turns an event into a site-relative path, watching new folders
// as they appear and skipping editors' temporary files.
func (w *watcher) relevant(ev fsnotify.Event) (string, bool) {
	base := filepath.Base(ev.Name)
	if strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") || strings.HasSuffix(base, ".swp") {
		return "", false
	}
	if ev.Has(fsnotify.Create) {
		if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
			_ = w.addTree(ev.Name)
		}
	}
	rel, err := filepath.Rel(w.root, ev.Name)
	if err != nil {
		return "", false
	}
	return filepath.ToSlash(rel), true
}
