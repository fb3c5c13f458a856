package render

import (
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"

	"github.com/licensure/licensure/internal/safefs"
)

// MaxTemplateSize is the largest template file, far above any shipped one.
const MaxTemplateSize = 256 << 10

// checkTemplates walks the templates folder and refuses a symbolic link
// or special file anywhere in it, at its path, whether a page uses it or
// not.
func checkTemplates(tfs fs.FS) error {
	return fs.WalkDir(tfs, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return walkErr("templates", err)
		}
		if err := safefs.EntryErr(d); err != nil {
			return fmt.Errorf("templates/%s: %w", p, err)
		}
		return nil
	})
}

// parseFiles parses each file into t, or into a new template of t named
// after the file's base name, as template.ParseFS does, reading no more
// than MaxTemplateSize bytes of each.
func parseFiles(t *template.Template, tfs fs.FS, files ...string) (*template.Template, error) {
	for _, file := range files {
		b, err := safefs.ReadFile(tfs, file, MaxTemplateSize)
		if errors.Is(err, safefs.ErrTooLarge) {
			return nil, fmt.Errorf("templates/%s: file is over the limit of %d bytes", file, MaxTemplateSize)
		}
		if err != nil {
			return nil, err
		}
		tmpl := t
		if name := path.Base(file); name != t.Name() {
			tmpl = t.New(name)
		}
		if _, err := tmpl.Parse(string(b)); err != nil {
			return nil, err
		}
	}
	return t, nil
}
