// Package feed writes the files machines read to follow the site: the Atom
// feed of recently reviewed records (/feed.xml), the sitemap
// (/sitemap.xml, with numbered parts and an index above MaxSitemapURLs
// pages) and robots.txt.
//
// Contract:
//
//   - Every URL is absolute, the site's base URL (without its trailing
//     slash) followed by a root-relative site path.
//   - XML is written with encoding/xml (the sitemap is laid out by hand,
//     a URL at a time, byte for byte as its Encoder would, the text
//     escaped by xml.EscapeText), so text and attributes are escaped and
//     characters XML cannot hold are replaced; the result is valid Atom
//     1.0 (RFC 4287) and a valid sitemap or sitemap index (sitemaps.org
//     0.9).
//   - Output depends only on the input: Recent orders by review date,
//     newest first, then by path; the feed's own <updated> is its newest
//     entry's date, never the clock; the sitemap keeps the order it is
//     given.
package feed

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/licensure/licensure/internal/model"
	"github.com/licensure/licensure/internal/resolve"
)

// Entry is one record of the feed.
type Entry struct {
	Title    string
	Path     string // site path, such as /licenses/tx-perfusionist/
	Summary  string
	Category string // "License", "Board" or "Certification"
	Updated  model.Date
}

// Recent returns the n most recently reviewed licenses, boards and
// certifications, newest first, then by path. It keeps the n best as it
// goes and builds only their entries, so it costs time linear in the
// records for a small n.
func Recent(g *resolve.Graph, n int) []Entry {
	type key struct {
		updated model.Date
		path    string
		kind, i int // 0 license, 1 board, 2 certification; index in its list
	}
	less := func(a, b key) int { return cmp.Or(cmp.Compare(b.updated, a.updated), cmp.Compare(a.path, b.path)) }
	best := make([]key, 0, max(n, 0)) // sorted by less
	offer := func(k key) {
		if n <= 0 || len(best) == n && less(k, best[n-1]) >= 0 {
			return
		}
		i, _ := slices.BinarySearchFunc(best, k, less)
		for i < len(best) && less(best[i], k) == 0 {
			i++ // after its equals, where a stable sort puts it
		}
		if len(best) == n {
			best = best[:n-1]
		}
		best = slices.Insert(best, i, k)
	}
	for i, l := range g.Licenses {
		offer(key{l.Reviewed, l.Path, 0, i})
	}
	for i, b := range g.Boards {
		offer(key{b.Reviewed, b.Path, 1, i})
	}
	for i, c := range g.Certifications {
		offer(key{c.Reviewed, c.Path, 2, i})
	}
	out := make([]Entry, len(best))
	for j, k := range best {
		switch k.kind {
		case 0:
			l := g.Licenses[k.i]
			s := l.State.Name + " " + l.Credential + " for " + strings.ToLower(l.Specialty.Name)
			if l.Board != nil {
				s += ", issued by the " + l.Board.Name
			}
			out[j] = Entry{l.Title + " (" + l.State.Name + ")", l.Path, s + ".", "License", l.Reviewed}
		case 1:
			b := g.Boards[k.i]
			out[j] = Entry{b.Name, b.Path, "Licensing board or agency in " + b.State.Name + ".", "Board", b.Reviewed}
		default:
			c := g.Certifications[k.i]
			title, s := c.Name, "National certification"
			if c.Acronym != "" {
				title += " (" + c.Acronym + ")"
			}
			if c.Issuer != nil {
				s += " awarded by the " + c.Issuer.Name
			}
			out[j] = Entry{title, c.Path, s + ".", "Certification", c.Reviewed}
		}
	}
	return out
}

const atomNS = "http://www.w3.org/2005/Atom"

type atomFeed struct {
	XMLName xml.Name    `xml:"feed"`
	NS      string      `xml:"xmlns,attr"`
	Lang    string      `xml:"xml:lang,attr,omitempty"`
	ID      string      `xml:"id"`
	Title   atomText    `xml:"title"`
	Sub     atomText    `xml:"subtitle"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomPerson  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomPerson struct {
	Name string `xml:"name"`
	URI  string `xml:"uri,omitempty"`
}

type atomEntry struct {
	ID       string       `xml:"id"`
	Title    atomText     `xml:"title"`
	Updated  string       `xml:"updated"`
	Link     atomLink     `xml:"link"`
	Category atomCategory `xml:"category"`
	Summary  atomText     `xml:"summary"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

// Atom writes the feed of entries for the site; feedPath is the feed's own
// site path, such as /feed.xml.
func Atom(site model.Site, feedPath string, entries []Entry) ([]byte, error) {
	base := strings.TrimSuffix(string(site.BaseURL), "/")
	f := atomFeed{
		NS: atomNS, Lang: site.Language, ID: base + "/",
		Title: atomText{"text", site.Title + ": recently reviewed records"}, Sub: atomText{"text", site.Description},
		Links:  []atomLink{{"self", "application/atom+xml", base + feedPath}, {"alternate", "text/html", base + "/"}},
		Author: atomPerson{Name: site.Title, URI: string(site.Repository)},
	}
	var newest model.Date
	for _, e := range entries {
		updated, err := stamp(e.Updated)
		if err != nil {
			return nil, fmt.Errorf("feed: %s: %w", e.Path, err)
		}
		newest = max(newest, e.Updated)
		f.Entries = append(f.Entries, atomEntry{
			ID: base + e.Path, Title: atomText{"text", e.Title}, Updated: updated,
			Link: atomLink{Rel: "alternate", Type: "text/html", Href: base + e.Path}, Category: atomCategory{e.Category},
			Summary: atomText{"text", e.Summary},
		})
	}
	if newest == "" {
		newest = "1970-01-01" // Atom requires <updated>; an empty feed has no date of its own
	}
	f.Updated, _ = stamp(newest)
	return marshal(f)
}

// stamp turns a date into the RFC 3339 time Atom wants, at midnight UTC.
func stamp(d model.Date) (string, error) {
	t, err := time.Parse(time.DateOnly, string(d))
	if err != nil {
		return "", fmt.Errorf("bad date %q", d)
	}
	return t.UTC().Format(time.RFC3339), nil
}

func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", " ")
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("feed: %w", err)
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

// Page is a page of the sitemap.
type Page struct {
	Path     string     // site path, such as /licenses/x/
	Modified model.Date // when its record was last reviewed, or ""
}

// MaxSitemapURLs is the most URLs one sitemap may list.
const MaxSitemapURLs = 50000

const sitemapNS = "http://www.sitemaps.org/schemas/sitemap/0.9"

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

// Sitemap lists pages under baseURL, in the order given, as one sitemap;
// it fails above MaxSitemapURLs pages (Sitemaps splits them).
func Sitemap(baseURL string, pages []Page) ([]byte, error) {
	if len(pages) > MaxSitemapURLs {
		return nil, fmt.Errorf("sitemap: %d pages, more than the %d one sitemap may list", len(pages), MaxSitemapURLs)
	}
	if err := checkPaths(pages); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	err := writeSitemap(&b, strings.TrimSuffix(baseURL, "/"), pages)
	return b.Bytes(), err
}

// Sitemaps writes the sitemap of pages under baseURL, in the order given,
// calling emit once per file with the file's site path (without leading
// slash) and a function that writes its bytes to the writer it is given.
// Up to MaxSitemapURLs pages make one sitemap at name (such as
// sitemap.xml). More are split in order into sitemaps of MaxSitemapURLs
// pages, the last holding the rest, at name-1.xml, name-2.xml and so on
// (name without its extension), and name becomes the sitemap index that
// lists them, each with the newest date of its pages; so robots.txt names
// name either way. Sitemaps returns how many files it wrote.
func Sitemaps(baseURL, name string, pages []Page, emit func(path string, fill func(io.Writer) error) error) (int, error) {
	if err := checkPaths(pages); err != nil {
		return 0, err
	}
	base := strings.TrimSuffix(baseURL, "/")
	if len(pages) <= MaxSitemapURLs {
		return 1, emit(name, func(w io.Writer) error { return writeSitemap(w, base, pages) })
	}
	stem := strings.TrimSuffix(name, path.Ext(name))
	var parts []sitemapURL
	for i := 0; i < len(pages); i += MaxSitemapURLs {
		chunk := pages[i:min(i+MaxSitemapURLs, len(pages))]
		part := fmt.Sprintf("%s-%d.xml", stem, len(parts)+1)
		if err := emit(part, func(w io.Writer) error { return writeSitemap(w, base, chunk) }); err != nil {
			return len(parts), err
		}
		var newest model.Date
		for _, p := range chunk {
			newest = max(newest, p.Modified)
		}
		parts = append(parts, sitemapURL{Loc: "/" + part, LastMod: string(newest)})
	}
	err := emit(name, func(w io.Writer) error {
		return writeXML(w, "sitemapindex", "sitemap", len(parts), func(i int) (string, string, string) {
			return base, parts[i].Loc, parts[i].LastMod
		})
	})
	if err != nil {
		return len(parts), err
	}
	return len(parts) + 1, nil
}

func checkPaths(pages []Page) error {
	for _, p := range pages {
		if !strings.HasPrefix(p.Path, "/") {
			return fmt.Errorf("sitemap: path %q is not root-relative", p.Path)
		}
	}
	return nil
}

// writeSitemap writes one sitemap of pages.
func writeSitemap(w io.Writer, base string, pages []Page) error {
	return writeXML(w, "urlset", "url", len(pages), func(i int) (string, string, string) {
		return base, pages[i].Path, string(pages[i].Modified)
	})
}

// writeXML writes <root xmlns=sitemapNS> holding n <elem>, the i-th with
// the <loc> a+b and the <lastmod> c of at(i), omitted when empty; byte for
// byte what marshal writes for the same document, the text escaped by
// encoding/xml. It writes an element at a time.
func writeXML(w io.Writer, root, elem string, n int, at func(i int) (a, b, c string)) error {
	out := &appender{b: make([]byte, 0, 1024)}
	var text []byte
	out.str(xml.Header + "<" + root + ` xmlns="` + sitemapNS + `">`)
	for i := range n {
		a, b, c := at(i)
		out.str("\n <" + elem + ">\n  <loc>")
		text = append(append(text[:0], a...), b...)
		_ = xml.EscapeText(out, text) // an appender never fails
		out.str("</loc>")
		if c != "" {
			out.str("\n  <lastmod>")
			text = append(text[:0], c...)
			_ = xml.EscapeText(out, text)
			out.str("</lastmod>")
		}
		out.str("\n </" + elem + ">")
		if len(out.b) >= 32<<10 {
			if _, err := w.Write(out.b); err != nil {
				return fmt.Errorf("sitemap: %w", err)
			}
			out.b = out.b[:0]
		}
	}
	if n > 0 {
		out.str("\n")
	}
	out.str("</" + root + ">\n")
	if _, err := w.Write(out.b); err != nil {
		return fmt.Errorf("sitemap: %w", err)
	}
	return nil
}

// appender is an io.Writer that appends to b.
type appender struct{ b []byte }

func (a *appender) Write(p []byte) (int, error) {
	a.b = append(a.b, p...)
	return len(p), nil
}

func (a *appender) str(s string) { a.b = append(a.b, s...) }

// Robots allows every crawler everywhere and names the sitemap.
func Robots(baseURL, sitemapPath string) []byte {
	return []byte("User-agent: *\nAllow: /\n\nSitemap: " + strings.TrimSuffix(baseURL, "/") + sitemapPath + "\n")
}
