package render

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/licensure/licensure/internal/safefs"
)

// fingerprinted lists the extensions whose files get a content hash in
// their name, so that they can be cached for a year.
var fingerprinted = map[string]bool{".css": true, ".js": true}

// MaxStaticFile is the largest file static/ may hold: room for fonts,
// images and a PDF or two, not for a video or a disk image.
const MaxStaticFile = 5 << 20

// StaticFile is a file of static/ as it is published.
type StaticFile struct {
	Path string // published site path, without leading slash
	Data []byte
}

// LoadStatic reads every file of the static folder, fingerprinting CSS and
// JavaScript, and returns the files and a map from each original path to
// its published URL. A symbolic link or special file anywhere in the
// folder, and a file over MaxStaticFile, is an error naming it.
func LoadStatic(static fs.FS) ([]StaticFile, map[string]string, error) {
	var files []StaticFile
	urls := map[string]string{}
	err := fs.WalkDir(static, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return walkErr("static", err)
		}
		if err := safefs.EntryErr(d); err != nil {
			return fmt.Errorf("static/%s: %w", p, err)
		}
		if d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		data, err := safefs.ReadFile(static, p, MaxStaticFile)
		if errors.Is(err, safefs.ErrTooLarge) {
			return fmt.Errorf("static/%s: file is over the limit of %d bytes (%d MiB)", p, MaxStaticFile, MaxStaticFile>>20)
		}
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

// walkErr names, below folder, the file or folder a walk could not read.
func walkErr(folder string, err error) error {
	if msg, ok := safefs.Describe(err); ok {
		at, _ := safefs.Offender(err)
		return fmt.Errorf("%s/%s: %s", folder, at, msg)
	}
	return fmt.Errorf("read %s: %w", folder, err)
}
