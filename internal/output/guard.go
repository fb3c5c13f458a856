package output

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Guard returns why out must not be an output folder, or nil. root is the
// site root; inputs names its input folders (content, templates, static)
// by their paths. Every path is compared after making it absolute and
// resolving symbolic links, so that no spelling of a folder gets past.
// The reasons are the rules themselves, such as "lies inside content/".
func Guard(out, root string, inputs map[string]string) error {
	o, err := resolved(out)
	if err != nil {
		return err
	}
	r, err := resolved(root)
	if err != nil {
		return err
	}
	home, _ := os.UserHomeDir()
	switch {
	case o == filepath.Dir(o):
		return errors.New("is the root of the file system")
	case home != "" && o == mustReal(home):
		return errors.New("is the home folder")
	case o == r:
		return errors.New("is the site root, which holds content/, templates/ and static/")
	}
	for _, name := range []string{"content", "templates", "static"} {
		if inputs[name] == "" {
			continue
		}
		in, err := resolved(inputs[name])
		if err != nil {
			return err
		}
		switch {
		case within(o, in):
			return errors.New("lies inside " + name + "/")
		case within(in, o):
			return errors.New("contains " + name + "/")
		}
	}
	return nil
}

// within reports whether p is q or a folder below it.
func within(p, q string) bool {
	rel, err := filepath.Rel(q, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

func mustReal(p string) string {
	r, err := resolved(p)
	if err != nil {
		return p
	}
	return r
}

// resolved returns p absolute and clean, with the symbolic links of its
// longest existing prefix resolved; the rest need not exist yet.
func resolved(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for dir := abs; ; dir = filepath.Dir(dir) {
		r, err := filepath.EvalSymlinks(dir)
		if err == nil {
			return filepath.Join(r, rest), nil
		}
		if !errors.Is(err, fs.ErrNotExist) || dir == filepath.Dir(dir) {
			return "", err
		}
		rest = filepath.Join(filepath.Base(dir), rest)
	}
}
