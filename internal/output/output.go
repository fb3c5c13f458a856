// Package output writes a site atomically. Files go into a temporary
// folder beside the output folder; Commit swaps the folder in whole, and
// Abort removes it. Until Commit, the previous output is untouched, so a
// failed or interrupted build never leaves a half-written site.
//
// Only a folder this package wrote is ever replaced: every site it writes
// holds a Marker file, and Create refuses an existing output folder that
// holds neither the marker nor nothing at all. Create also removes what a
// killed build left beside the output. On Linux the swap is one atomic
// exchange of the two folders (swap_linux.go), so the output path holds the
// previous complete site or the new one at every instant; elsewhere the old
// folder is moved aside, the new one moved in, and the old one removed.
package output

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// Dir is a site being written. WriteFile is safe for concurrent use.
type Dir struct {
	final string   // the output folder to replace
	tmp   string   // where files are written until Commit
	dirs  sync.Map // folders known to exist that hold more than one entry
	fail  func(path string) error
	step  func(step string) error
}

// Create starts writing a site that will replace the folder final. It
// fails with ErrNotOurs when final is not a site this package wrote, and
// removes the temporary and old folders of killed builds.
func Create(final string) (*Dir, error) {
	final = filepath.Clean(final)
	parent := filepath.Dir(final)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("create output parent: %w", err)
	}
	if err := Owned(final); err != nil {
		return nil, fmt.Errorf("--out %s %w", final, err)
	}
	if err := removeStale(final); err != nil {
		return nil, fmt.Errorf("remove a killed build's folders: %w", err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(final)+".tmp-")
	if err != nil {
		return nil, fmt.Errorf("create temporary output: %w", err)
	}
	d := &Dir{final: final, tmp: tmp}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return nil, errors.Join(err, d.Abort())
	}
	if err := os.WriteFile(filepath.Join(tmp, Marker), []byte(markerText), 0o644); err != nil {
		return nil, errors.Join(fmt.Errorf("write %s: %w", Marker, err), d.Abort())
	}
	return d, nil
}

// InjectFault makes WriteFile and Create fail for paths where f returns
// an error: tests use it to simulate a full disk, and builds to stop
// writing once cancelled.
func (d *Dir) InjectFault(f func(path string) error) { d.fail = f }

// WriteFile writes data at the slash-separated site path name, such as
// "licenses/x/index.html".
func (d *Dir) WriteFile(name string, data []byte) error {
	path, err := d.prepare(name)
	if err != nil {
		return err
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}

// Create opens the file at the slash-separated site path name for
// writing, for a file too large to build in memory first; the caller
// writes it and must Close it, and the file counts as written once Close
// returns nil. Like WriteFile, it is safe for concurrent use and subject
// to InjectFault.
func (d *Dir) Create(name string) (io.WriteCloser, error) {
	path, err := d.prepare(name)
	if err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return nil, fmt.Errorf("write %s: %w", name, err)
	}
	return &file{f: f, name: name}, nil
}

// prepare checks the site path name, applies an injected fault and
// creates the file's folder; it returns the file's path.
func (d *Dir) prepare(name string) (string, error) {
	if !filepath.IsLocal(filepath.FromSlash(name)) || strings.Contains(name, "\\") {
		return "", fmt.Errorf("write %s: path outside the output folder", name)
	}
	if d.fail != nil {
		if err := d.fail(name); err != nil {
			return "", fmt.Errorf("write %s: %w", name, err)
		}
	}
	path := filepath.Join(d.tmp, filepath.FromSlash(name))
	if err := d.mkdir(filepath.Dir(path)); err != nil {
		return "", err
	}
	return path, nil
}

// file is a file being written by Create; its errors name its site path.
type file struct {
	f    *os.File
	name string
}

func (f *file) Write(p []byte) (int, error) {
	n, err := f.f.Write(p)
	if err != nil {
		err = fmt.Errorf("write %s: %w", f.name, err)
	}
	return n, err
}

func (f *file) Close() error {
	if err := f.f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", f.name, err)
	}
	return nil
}

// mkdir creates dir once. Workers creating different folders do not wait
// for each other; MkdirAll tolerates two creating the same one.
func (d *Dir) mkdir(dir string) error {
	if _, done := d.dirs.Load(dir); done {
		return nil
	}
	// Most folders are new, hold one page and have a parent that exists
	// (licenses/<id>/), so one mkdir is tried before anything else, and a
	// folder is remembered only once a second file or a subfolder goes
	// into it (remembering every folder cost memory: docs/performance.md).
	err := os.Mkdir(dir, 0o755)
	if err == nil {
		return nil
	}
	if errors.Is(err, os.ErrNotExist) {
		if parent := filepath.Dir(dir); parent != dir {
			if err = d.mkdir(parent); err == nil {
				err = os.Mkdir(dir, 0o755)
			}
		}
	}
	if err != nil && !errors.Is(err, os.ErrExist) {
		return fmt.Errorf("create %s: %w", dir, err)
	}
	d.dirs.Store(dir, true)
	return nil
}

// Abort removes the temporary folder; the previous output stays as it was.
func (d *Dir) Abort() error {
	return os.RemoveAll(d.tmp)
}
