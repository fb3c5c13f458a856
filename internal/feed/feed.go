// Package feed writes the files machines read to follow the site: the Atom
// feed of recently reviewed records (/feed.xml), the sitemap
// (/sitemap.xml, with numbered parts and an index above MaxSitemapURLs
// pages) and robots.txt.
//
// Contract:
//
//   - Every URL is absolute, the site's base URL (without its trailing
//     slash) followed by a root-relative site path.
//   - XML is written with encoding/xml, so text and attributes are escaped
//     and characters XML cannot hold are replaced; the result is valid Atom
//     1.0 (RFC 4287) and a valid sitemap (sitemaps.org 0.9).
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
// certifications, newest first. It sorts small keys and builds only the n
// entries it returns.
func Recent(g *resolve.Graph, n int) []Entry {
	type key struct {
		updated model.Date
		path    string
		build   func() Entry
	}
	keys := make([]key, 0, len(g.Licenses)+len(g.Boards)+len(g.Certifications))
	for _, l := range g.Licenses {
		keys = append(keys, key{l.Reviewed, l.Path, func() Entry {
			s := l.State.Name + " " + l.Credential + " for " + strings.ToLower(l.Specialty.Name)
			if l.Board != nil {
				s += ", issued by the " + l.Board.Name
			}
			return Entry{l.Title + " (" + l.State.Name + ")", l.Path, s + ".", "License", l.Reviewed}
		}})
	}
	for _, b := range g.Boards {
		keys = append(keys, key{b.Reviewed, b.Path, func() Entry {
			return Entry{b.Name, b.Path, "Licensing board or agency in " + b.State.Name + ".", "Board", b.Reviewed}
		}})
	}
	for _, c := range g.Certifications {
		keys = append(keys, key{c.Reviewed, c.Path, func() Entry {
			title, s := c.Name, "National certification"
			if c.Acronym != "" {
				title += " (" + c.Acronym + ")"
			}
			if c.Issuer != nil {
				s += " awarded by the " + c.Issuer.Name
			}
			return Entry{title, c.Path, s + ".", "Certification", c.Reviewed}
		}})
	}
	slices.SortStableFunc(keys, func(a, b key) int { return cmp.Or(cmp.Compare(b.updated, a.updated), cmp.Compare(a.path, b.path)) })
	out := make([]Entry, 0, max(0, min(n, len(keys))))
	for _, k := range keys[:cap(out)] {
		out = append(out, k.build())
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
		parts = append(parts, sitemapURL{Loc: base + "/" + part, LastMod: string(newest)})
	}
	err := emit(name, func(w io.Writer) error {
		return writeXML(w, "sitemapindex", "sitemap", len(parts), func(i int) sitemapURL { return parts[i] })
	})
	return len(parts) + 1, err
}

func checkPaths(pages []Page) error {
	for _, p := range pages {
		if !strings.HasPrefix(p.Path, "/") {
			return fmt.Errorf("sitemap: path %q is not root-relative", p.Path)
		}
	}
	return nil
}

// writeSitemap writes one sitemap of pages, a URL at a time.
func writeSitemap(w io.Writer, base string, pages []Page) error {
	return writeXML(w, "urlset", "url", len(pages), func(i int) sitemapURL {
		return sitemapURL{Loc: base + pages[i].Path, LastMod: string(pages[i].Modified)}
	})
}

// writeXML writes <root xmlns=sitemapNS> holding n <elem>, the i-th
// being at(i), indented as marshal indents, one element at a time.
func writeXML(w io.Writer, root, elem string, n int, at func(i int) sitemapURL) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return fmt.Errorf("sitemap: %w", err)
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", " ")
	start := xml.StartElement{Name: xml.Name{Local: root}, Attr: []xml.Attr{{Name: xml.Name{Local: "xmlns"}, Value: sitemapNS}}}
	err := enc.EncodeToken(start)
	item := xml.StartElement{Name: xml.Name{Local: elem}}
	for i := 0; i < n && err == nil; i++ {
		err = enc.EncodeElement(at(i), item)
	}
	if err == nil {
		err = enc.EncodeToken(start.End())
	}
	if err == nil {
		err = enc.Close() // flushes
	}
	if err == nil {
		_, err = io.WriteString(w, "\n")
	}
	if err != nil {
		return fmt.Errorf("sitemap: %w", err)
	}
	return nil
}

// Robots allows every crawler everywhere and names the sitemap.
func Robots(baseURL, sitemapPath string) []byte {
	return []byte("User-agent: *\nAllow: /\n\nSitemap: " + strings.TrimSuffix(baseURL, "/") + sitemapPath + "\n")
}
