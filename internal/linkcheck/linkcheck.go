// Package linkcheck verifies the internal links of a rendered site, so that
// a broken link fails the build instead of reaching readers.
//
// Contract: every .html file of the site is scanned for each href, src and
// action attribute and each id (and <a name>); every link to the site
// itself (root-relative, relative, or absolute under Options.BaseURL) must
// resolve to a file of the site, a pretty URL /x/ meaning x/index.html and
// /x also accepted when x/index.html exists (the host redirects it), and
// its #fragment, if any, must be an id of the target page. A link with a
// javascript: or vbscript: scheme, an empty link, a malformed URL and an
// id given twice in one page are problems too. Links to other hosts are
// not followed.
//
// A Collector does the check while the site is written: the writers hand
// it each page as it is written (Page, safe for concurrent use; the page is
// scanned on the caller's goroutine and not kept) and name every other
// file (File); Check then resolves each distinct target once. Check(fs)
// does the same over a site already on disk.
//
// Problems come back sorted by page, link and reason, each once.
//
// The scan is a small one-pass extractor, not a full HTML parser: it is
// meant for the generator's own output, which html/template escapes, so
// that attribute values hold no raw quotes and text holds no raw "<". It
// reads quoted and unquoted attributes, skips comments and the content of
// script, style, title and textarea elements, and decodes character
// references in attribute values.
package linkcheck

import (
	"fmt"
	"io"
	"io/fs"
	"runtime"
	"slices"
	"strings"

	"github.com/licensure/licensure/internal/par"
)

// Problem is one link that does not resolve, or a page's duplicate id.
type Problem struct {
	Page   string // the file, such as licenses/x/index.html
	Link   string // the link as the page gives it, decoded
	Reason string
}

func (p Problem) String() string { return fmt.Sprintf("%s: %q: %s", p.Page, p.Link, p.Reason) }

// Options tune a check.
type Options struct {
	// BaseURL is the site's published address; absolute links under it,
	// such as canonical links, are checked as internal ones. Empty means
	// every absolute link is external.
	BaseURL string
}

// Check verifies every internal link of the site: it hands each file to a
// Collector, reading and scanning the pages on all cores. site must allow
// concurrent reads, as os.DirFS and fstest.MapFS do. The error result is
// only for failures to read the site.
func Check(site fs.FS, opts Options) ([]Problem, error) {
	c := NewCollector(opts)
	var pages []string
	err := fs.WalkDir(site, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if strings.HasSuffix(p, ".html") {
			pages = append(pages, p)
		} else {
			c.File(p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("linkcheck: %w", err)
	}
	err = par.ForEach(len(pages), runtime.GOMAXPROCS(0), func() *[]byte { return new([]byte) }, func(buf *[]byte, i int) error {
		var err error
		if *buf, err = readFile(site, pages[i], *buf); err != nil {
			return err
		}
		c.Page(pages[i], *buf)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("linkcheck: %w", err)
	}
	return c.Check(), nil
}

// readFile reads the file name into buf, reused from file to file.
func readFile(site fs.FS, name string, buf []byte) ([]byte, error) {
	f, err := site.Open(name)
	if err != nil {
		return buf, err
	}
	defer f.Close()
	buf = buf[:0]
	if st, err := f.Stat(); err == nil && st.Size() < 1<<30 {
		buf = slices.Grow(buf, int(st.Size())+1)
	}
	for {
		if len(buf) == cap(buf) {
			buf = slices.Grow(buf, 4096)
		}
		n, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}
