// Package sitediff compares two builds of a site and lists the pages
// added, removed and changed, as Markdown ready to paste into a review.
// Pages are named by their URL path ("/licenses/x/"); other files (data,
// feeds, assets) are counted separately so that the list stays about what
// readers see.
package sitediff

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"
)

// Diff is the difference between two builds.
type Diff struct {
	Added, Removed, Changed []string // page URL paths, sorted
	OtherChanged            []string // non-page files added, removed or changed
	Unchanged               int      // pages identical in both
}

// Compare walks both builds and compares every file byte for byte.
func Compare(old, cur fs.FS) (*Diff, error) {
	a, err := files(old)
	if err != nil {
		return nil, fmt.Errorf("read old build: %w", err)
	}
	b, err := files(cur)
	if err != nil {
		return nil, fmt.Errorf("read new build: %w", err)
	}
	d := &Diff{}
	for name := range b {
		if _, ok := a[name]; !ok {
			d.record(name, &d.Added)
		}
	}
	for name := range a {
		if _, ok := b[name]; !ok {
			d.record(name, &d.Removed)
			continue
		}
		same, err := equal(old, cur, name)
		if err != nil {
			return nil, err
		}
		if !same {
			d.record(name, &d.Changed)
		} else if isPage(name) {
			d.Unchanged++
		}
	}
	for _, l := range [][]string{d.Added, d.Removed, d.Changed, d.OtherChanged} {
		slices.Sort(l)
	}
	return d, nil
}

func (d *Diff) record(name string, pages *[]string) {
	if isPage(name) {
		*pages = append(*pages, pageURL(name))
		return
	}
	d.OtherChanged = append(d.OtherChanged, "/"+name)
}

func files(fsys fs.FS) (map[string]bool, error) {
	out := map[string]bool{}
	err := fs.WalkDir(fsys, ".", func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			out[p] = true
		}
		return err
	})
	return out, err
}

func equal(a, b fs.FS, name string) (bool, error) {
	x, err := fs.ReadFile(a, name)
	if err != nil {
		return false, err
	}
	y, err := fs.ReadFile(b, name)
	if err != nil {
		return false, err
	}
	return bytes.Equal(x, y), nil
}

func isPage(name string) bool { return strings.HasSuffix(name, ".html") }

// pageURL turns licenses/x/index.html into /licenses/x/.
func pageURL(name string) string {
	return "/" + strings.TrimSuffix(name, "index.html")
}

// Markdown writes the diff for a pull-request comment. baseURL, when set,
// turns each added or changed page into a link to the preview.
func (d *Diff) Markdown(w io.Writer, baseURL string) error {
	var b strings.Builder
	fmt.Fprintf(&b, "### Pages this change touches\n\n%d added, %d removed, %d changed, %d unchanged.\n", len(d.Added), len(d.Removed), len(d.Changed), d.Unchanged)
	section(&b, "Added", d.Added, baseURL)
	section(&b, "Changed", d.Changed, baseURL)
	section(&b, "Removed", d.Removed, "")
	if len(d.OtherChanged) > 0 {
		fmt.Fprintf(&b, "\n%d other files changed (data downloads, feeds, assets).\n", len(d.OtherChanged))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func section(b *strings.Builder, title string, pages []string, baseURL string) {
	if len(pages) == 0 {
		return
	}
	fmt.Fprintf(b, "\n**%s**\n\n", title)
	for _, p := range pages {
		if baseURL != "" {
			fmt.Fprintf(b, "- [`%s`](%s%s)\n", p, strings.TrimSuffix(baseURL, "/"), p)
		} else {
			fmt.Fprintf(b, "- `%s`\n", p)
		}
	}
}
