// Package output writes a site atomically. Files go into a temporary
// folder beside the output folder; Commit swaps the folder in whole, and
// Abort removes it. Until Commit, the previous output is untouched, so a
// failed or interrupted build never leaves a half-written site.
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
}

// Create starts writing a site that will replace the folder final.
func Create(final string) (*Dir, error) {
	final = filepath.Clean(final)
	parent := filepath.Dir(final)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("create output parent: %w", err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(final)+".tmp-")
	if err != nil {
		return nil, fmt.Errorf("create temporary output: %w", err)
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return nil, errors.Join(err, os.RemoveAll(tmp))
	}
	return &Dir{final: final, tmp: tmp}, nil
}

// InjectFault makes WriteFile fail for paths where f returns an error; tests
// use it to simulate a full disk.
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
	// into it: at 100,000 licenses, remembering every folder took 20 MB.
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

// Commit replaces the output folder with what was written. The old folder
// is moved aside first and removed only once the new one is in place.
func (d *Dir) Commit() error {
	old := d.tmp + ".old"
	hadOld := true
	if err := os.Rename(d.final, old); err != nil {
		if !errors.Is(err, os.ErrNotExist) {
			return errors.Join(fmt.Errorf("move old output aside: %w", err), d.Abort())
		}
		hadOld = false
	}
	if err := os.Rename(d.tmp, d.final); err != nil {
		if hadOld {
			err = errors.Join(err, os.Rename(old, d.final))
		}
		return errors.Join(fmt.Errorf("swap in new output: %w", err), d.Abort())
	}
	if hadOld {
		return os.RemoveAll(old)
	}
	return nil
}

// Abort removes the temporary folder; the previous output stays as it was.
func (d *Dir) Abort() error {
	return os.RemoveAll(d.tmp)
}
