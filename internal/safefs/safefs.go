// Package safefs reads a folder of untrusted files: content/, templates/
// or static/. Dir returns an fs.FS that opens only regular files and
// folders, never through a symbolic link, and never a FIFO, socket or
// device.
//
// Every path is looked up component by component with Lstat, so a
// symbolic link anywhere on it is refused with ErrSymlink at its own path,
// and any other special file with ErrSpecial, before anything is opened.
// The file is then opened through an os.Root, which cannot leave the
// folder even if a link appears between the check and the open, with
// O_NONBLOCK where the system has it, so that a FIFO put in its place
// cannot block; the open file is checked again with Stat.
//
// Sizes are the caller's to bound: read through ReadLimited, which
// counts what it reads and does not trust what Stat says.
package safefs

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// ErrSymlink is the error of a path that is, or passes through, a
// symbolic link.
var ErrSymlink = errors.New("symbolic links are not allowed")

// ErrSpecial is the error of a FIFO, socket, device or other file that is
// neither a regular file nor a folder.
var ErrSpecial = errors.New("not a regular file")

// ErrTooLarge is the error of a file over the size limit of ReadLimited.
var ErrTooLarge = errors.New("file too large")

// Dir returns the file system of the folder dir.
func Dir(dir string) fs.FS { return &dirFS{dir: dir} }

type dirFS struct {
	dir  string
	mu   sync.Mutex
	root *os.Root // opened on first use, so a folder made later is found
}

func (d *dirFS) openRoot() (*os.Root, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.root == nil {
		r, err := os.OpenRoot(d.dir)
		if err != nil {
			return nil, err
		}
		d.root = r
	}
	return d.root, nil
}

// Open opens name, which must be a regular file or a folder reached
// through no symbolic link.
func (d *dirFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	root, err := d.openRoot()
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	if err := check(root, name); err != nil {
		return nil, err
	}
	f, err := root.OpenFile(name, os.O_RDONLY|openFlags, 0)
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	if err == nil {
		err = kindErr(info.Mode())
	}
	if err != nil {
		f.Close()
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return f, nil
}

// check refuses name when it or a folder on its way is a symbolic link or
// a special file; the error's path is the offending one.
func check(root *os.Root, name string) error {
	if name == "." {
		return nil
	}
	for i := 0; i <= len(name); i++ {
		if i < len(name) && name[i] != '/' {
			continue
		}
		info, err := root.Lstat(name[:i])
		if err != nil {
			return err
		}
		if err := kindErr(info.Mode()); err != nil {
			return &fs.PathError{Op: "open", Path: name[:i], Err: err}
		}
	}
	return nil
}

func kindErr(m fs.FileMode) error {
	switch {
	case m&fs.ModeSymlink != 0:
		return ErrSymlink
	case m.IsRegular() || m.IsDir():
		return nil
	}
	return fmt.Errorf("%w (%s)", ErrSpecial, kindName(m))
}

// kindName names the type of a special file for a diagnostic.
func kindName(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

// Describe returns the message of an error from this package's files,
// such as "symbolic links are not allowed", without the path, and whether
// it is one of this package's refusals.
func Describe(err error) (string, bool) {
	var pe *fs.PathError
	if errors.As(err, &pe) && (errors.Is(err, ErrSymlink) || errors.Is(err, ErrSpecial)) {
		return pe.Err.Error(), true
	}
	return "", false
}

// Offender returns the slash-separated path, below the folder, that an
// error of this package names: the link or special file itself, which
// may be a folder on the way to the file asked for.
func Offender(err error) (string, bool) {
	var pe *fs.PathError
	if errors.As(err, &pe) && (errors.Is(err, ErrSymlink) || errors.Is(err, ErrSpecial)) {
		return filepath.ToSlash(pe.Path), true
	}
	return "", false
}

// ReadLimited reads all of r into buf (reusing its space), failing with
// ErrTooLarge once it has read more than limit bytes: the bound holds on
// what is read, whatever size the file claims.
func ReadLimited(r io.Reader, buf []byte, limit int64) ([]byte, error) {
	buf = buf[:0]
	lr := io.LimitReader(r, limit+1)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := lr.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if int64(len(buf)) > limit {
			return buf, ErrTooLarge
		}
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}

// ReadFile reads name from fsys within limit bytes.
func ReadFile(fsys fs.FS, name string, limit int64) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadLimited(f, nil, limit)
}

// EntryErr returns ErrSymlink or ErrSpecial (with the kind of file) for a
// directory entry that is neither a regular file nor a folder, or nil.
func EntryErr(e fs.DirEntry) error { return kindErr(e.Type()) }
