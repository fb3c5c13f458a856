package render

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"strings"
)

// fingerprinted lists the extensions whose files get a content hash in
// their name, so that they can be cached for a year.
var fingerprinted = map[string]bool{".css": true, ".js": true}

// StaticFile is a file of static/ as it is published.
type StaticFile struct {
	Path string // published site path, without leading slash
	Data []byte
}

// LoadStatic reads every file of the static folder, fingerprinting CSS and
// JavaScript, and returns the files and a map from each original path to
// its published URL.
func LoadStatic(static fs.FS) ([]StaticFile, map[string]string, error) {
	var files []StaticFile
	urls := map[string]string{}
	err := fs.WalkDir(static, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return err
		}
		if d.Type()&fs.ModeSymlink != 0 {
			return fmt.Errorf("static/%s: symbolic links are not allowed", p)
		}
		data, err := fs.ReadFile(static, p)
		if err != nil {
			return fmt.Errorf("read static/%s: %w", p, err)
		}
		published := p
		if fingerprinted[path.Ext(p)] {
			sum := sha256.Sum256(data)
			published = strings.TrimSuffix(p, path.Ext(p)) + "." + hex.EncodeToString(sum[:5]) + path.Ext(p)
		}
		files = append(files, StaticFile{Path: published, Data: data})
		urls[p] = "/" + published
		return nil
	})
	return files, urls, err
}
