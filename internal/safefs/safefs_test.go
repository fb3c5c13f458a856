//go:build unix

package safefs

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// endless is a reader that never ends, like /dev/zero.
type endless struct{ read int64 }

func (e *endless) Read(p []byte) (int, error) {
	e.read += int64(len(p))
	return len(p), nil
}

func TestReadLimitedCountsWhatItReads(t *testing.T) {
	r := &endless{}
	b, err := ReadLimited(r, nil, 1000)
	if !errors.Is(err, ErrTooLarge) || len(b) != 1001 {
		t.Errorf("endless reader: %d bytes, %v; want 1001 bytes and ErrTooLarge", len(b), err)
	}
	if r.read > 1<<20 {
		t.Errorf("read %d bytes for a limit of 1000", r.read)
	}
	b, err = ReadLimited(io.LimitReader(&endless{}, 1000), nil, 1000)
	if err != nil || len(b) != 1000 {
		t.Errorf("exactly the limit: %d bytes, %v", len(b), err)
	}
}

func TestOpenRefusesLinksAndSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	must(t, os.MkdirAll(filepath.Join(dir, "in", "real"), 0o755))
	must(t, os.WriteFile(filepath.Join(dir, "in", "real", "ok.html"), []byte("ok"), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "secret"), []byte("secret"), 0o644))
	must(t, os.Symlink(filepath.Join(dir, "secret"), filepath.Join(dir, "in", "file-link")))
	must(t, os.Symlink("real", filepath.Join(dir, "in", "dir-link")))
	must(t, syscall.Mkfifo(filepath.Join(dir, "in", "fifo"), 0o644))
	fsys := Dir(filepath.Join(dir, "in"))
	for _, tc := range []struct {
		name, at string
		want     error
	}{
		{"real/ok.html", "", nil},
		{"real", "", nil},
		{"file-link", "file-link", ErrSymlink},
		{"dir-link/ok.html", "dir-link", ErrSymlink},
		{"dir-link", "dir-link", ErrSymlink},
		{"fifo", "fifo", ErrSpecial},
		{"../secret", "", fs.ErrInvalid},
	} {
		f, err := fsys.Open(tc.name)
		if err == nil {
			f.Close()
		}
		if !errors.Is(err, tc.want) && (tc.want != nil || err != nil) {
			t.Errorf("Open(%s): %v, want %v", tc.name, err, tc.want)
		}
		if at, _ := Offender(err); at != tc.at {
			t.Errorf("Open(%s): error at %q, want %q", tc.name, at, tc.at)
		}
	}
	if _, err := Dir("/dev").Open("zero"); !errors.Is(err, ErrSpecial) {
		t.Errorf("Open(/dev/zero): %v, want ErrSpecial", err)
	}
	if msg, _ := Describe(mustErr(Dir("/dev").Open("null"))); msg != "not a regular file (a device)" {
		t.Errorf("/dev/null: %q", msg)
	}
}

func mustErr(_ fs.File, err error) error { return err }

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
