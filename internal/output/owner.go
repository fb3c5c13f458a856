package output

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Marker is the file every build writes at the top of its output. A build
// replaces an existing folder only when it holds this file or is empty, so
// that --out can never delete a folder this tool did not write.
const Marker = ".licensure-site"

// markerText is the marker's whole content: fixed, so builds stay
// byte-for-byte identical.
const markerText = "This folder is a site built by licensure. The next build replaces it whole.\n"

// ErrNotOurs means the output folder exists and holds something other than
// a site this tool built.
var ErrNotOurs = errors.New("exists and is not a site this tool built; remove it or choose another folder")

// Owned reports nil when a build may replace dir: it does not exist, is an
// empty folder, or holds the marker. Anything else, a symbolic link or a
// file included, is ErrNotOurs.
func Owned(dir string) error {
	info, err := os.Lstat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !info.IsDir() {
		return ErrNotOurs
	}
	if hasMarker(dir) {
		return nil
	}
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := f.Readdirnames(1); err == io.EOF {
		return nil
	}
	return ErrNotOurs
}

// hasMarker reports whether dir holds the marker as a regular file with
// the marker's text.
func hasMarker(dir string) bool {
	p := filepath.Join(dir, Marker)
	info, err := os.Lstat(p)
	if err != nil || !info.Mode().IsRegular() || info.Size() != int64(len(markerText)) {
		return false
	}
	b, err := os.ReadFile(p)
	return err == nil && bytes.Equal(b, []byte(markerText))
}

// removeStale removes what a killed build left beside the output folder
// final: temporary folders (.NAME.tmp-*) and old outputs (.NAME.tmp-*.old)
// that hold the marker or nothing. A build killed between moving the old
// output aside and moving the new one in (where folders cannot be
// exchanged) left no output at all: its old output is put back first.
func removeStale(final string) error {
	parent, prefix := filepath.Dir(final), "."+filepath.Base(final)+".tmp-"
	entries, err := os.ReadDir(parent)
	if err != nil {
		return fmt.Errorf("list output parent: %w", err)
	}
	_, err = os.Lstat(final)
	missing := errors.Is(err, fs.ErrNotExist)
	var errs []error
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), prefix) {
			continue
		}
		p := filepath.Join(parent, e.Name())
		if Owned(p) != nil {
			continue
		}
		if missing && strings.HasSuffix(p, ".old") && hasMarker(p) {
			if err := os.Rename(p, final); err == nil {
				missing = false
				continue
			}
		}
		errs = append(errs, os.RemoveAll(p))
	}
	return errors.Join(errs...)
}
