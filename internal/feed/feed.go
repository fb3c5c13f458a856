// Package feed writes the files machines read to follow the site: the Atom
// feed of recently reviewed records (/feed.xml), the sitemap
// (/sitemap.xml) and robots.txt.
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
// certifications, newest first.
func Recent(g *resolve.Graph, n int) []Entry {
	var all []Entry
	for _, l := range g.Licenses {
		s := l.State.Name + " " + l.Credential + " for " + strings.ToLower(l.Specialty.Name)
		if l.Board != nil {
			s += ", issued by the " + l.Board.Name
		}
		all = append(all, Entry{l.Title + " (" + l.State.Name + ")", l.Path, s + ".", "License", l.Reviewed})
	}
	for _, b := range g.Boards {
		all = append(all, Entry{b.Name, b.Path, "Licensing board or agency in " + b.State.Name + ".", "Board", b.Reviewed})
	}
	for _, c := range g.Certifications {
		title, s := c.Name, "National certification"
		if c.Acronym != "" {
			title += " (" + c.Acronym + ")"
		}
		if c.Issuer != nil {
			s += " awarded by the " + c.Issuer.Name
		}
		all = append(all, Entry{title, c.Path, s + ".", "Certification", c.Reviewed})
	}
	slices.SortStableFunc(all, func(a, b Entry) int { return cmp.Or(cmp.Compare(b.Updated, a.Updated), cmp.Compare(a.Path, b.Path)) })
	return all[:min(n, len(all))]
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

type urlset struct {
	XMLName xml.Name     `xml:"urlset"`
	NS      string       `xml:"xmlns,attr"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

// Sitemap lists pages under baseURL, in the order given.
func Sitemap(baseURL string, pages []Page) ([]byte, error) {
	if len(pages) > MaxSitemapURLs {
		return nil, fmt.Errorf("sitemap: %d pages, more than the %d one sitemap may list", len(pages), MaxSitemapURLs)
	}
	base := strings.TrimSuffix(baseURL, "/")
	u := urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	for _, p := range pages {
		if !strings.HasPrefix(p.Path, "/") {
			return nil, fmt.Errorf("sitemap: path %q is not root-relative", p.Path)
		}
		u.URLs = append(u.URLs, sitemapURL{Loc: base + p.Path, LastMod: string(p.Modified)})
	}
	return marshal(u)
}

// Robots allows every crawler everywhere and names the sitemap.
func Robots(baseURL, sitemapPath string) []byte {
	return []byte("User-agent: *\nAllow: /\n\nSitemap: " + strings.TrimSuffix(baseURL, "/") + sitemapPath + "\n")
}
