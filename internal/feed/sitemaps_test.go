package feed

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/licensure/licensure/internal/model"
)

// oldSitemap is how Sitemap wrote a sitemap before it streamed: the whole
// urlset marshalled at once. The streamed sitemap must be the same bytes.
func oldSitemap(t *testing.T, base string, pages []Page) []byte {
	type urlset struct {
		XMLName xml.Name     `xml:"urlset"`
		NS      string       `xml:"xmlns,attr"`
		URLs    []sitemapURL `xml:"url"`
	}
	u := urlset{NS: sitemapNS}
	for _, p := range pages {
		u.URLs = append(u.URLs, sitemapURL{Loc: strings.TrimSuffix(base, "/") + p.Path, LastMod: string(p.Modified)})
	}
	data, err := marshal(u)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestSitemapMatchesMarshal(t *testing.T) {
	for _, pages := range [][]Page{
		nil,
		{{Path: "/"}},
		{{Path: "/"}, {Path: "/licenses/x/", Modified: "2026-11-24"}, {Path: "/search/?q=<b>&x='\"\t\n\x00\xff"}, {Path: "/é/", Modified: "<"}},
	} {
		got, err := Sitemap("https://licensure.example.org/", pages)
		if err != nil {
			t.Fatal(err)
		}
		if want := oldSitemap(t, "https://licensure.example.org/", pages); !bytes.Equal(got, want) {
			t.Errorf("got\n%s\nwant\n%s", got, want)
		}
	}
}

// collect runs Sitemaps and returns the files it wrote, in order.
func collect(t *testing.T, pages []Page) ([]string, map[string][]byte) {
	t.Helper()
	var names []string
	files := map[string][]byte{}
	n, err := Sitemaps("https://licensure.example.org/", "sitemap.xml", pages, func(path string, fill func(io.Writer) error) error {
		var b bytes.Buffer
		if err := fill(&b); err != nil {
			return err
		}
		names = append(names, path)
		files[path] = b.Bytes()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != len(names) {
		t.Errorf("Sitemaps says %d files, wrote %d", n, len(names))
	}
	return names, files
}

func pagesN(n int) []Page {
	pages := make([]Page, n)
	for i := range pages {
		pages[i] = Page{Path: fmt.Sprintf("/p/%d/", i)}
		if i%3 == 0 {
			pages[i].Modified = model.Date(fmt.Sprintf("2026-%02d-01", 1+i%12))
		}
	}
	return pages
}

func TestSitemapsOneFile(t *testing.T) {
	for _, n := range []int{0, 3, MaxSitemapURLs} {
		pages := pagesN(n)
		names, files := collect(t, pages)
		if !reflect.DeepEqual(names, []string{"sitemap.xml"}) {
			t.Fatalf("%d pages: files %q", n, names)
		}
		if want := oldSitemap(t, "https://licensure.example.org", pages); !bytes.Equal(files["sitemap.xml"], want) {
			t.Errorf("%d pages: sitemap.xml differs from one marshalled urlset", n)
		}
	}
}

func TestSitemapsSplit(t *testing.T) {
	for _, tc := range []struct {
		pages int
		parts []int // URLs in each part
	}{
		{MaxSitemapURLs + 1, []int{MaxSitemapURLs, 1}},
		{2*MaxSitemapURLs + 7, []int{MaxSitemapURLs, MaxSitemapURLs, 7}},
	} {
		pages := pagesN(tc.pages)
		names, files := collect(t, pages)
		var want []string
		for i := range tc.parts {
			want = append(want, fmt.Sprintf("sitemap-%d.xml", i+1))
		}
		if !reflect.DeepEqual(names, append(want, "sitemap.xml")) {
			t.Fatalf("files %q", names)
		}
		var index struct {
			XMLName  xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
			Sitemaps []struct {
				Loc     string `xml:"loc"`
				LastMod string `xml:"lastmod"`
			} `xml:"sitemap"`
		}
		if err := xml.Unmarshal(files["sitemap.xml"], &index); err != nil {
			t.Fatal(err)
		}
		if len(index.Sitemaps) != len(tc.parts) {
			t.Fatalf("index lists %d sitemaps", len(index.Sitemaps))
		}
		at := 0
		for i, n := range tc.parts {
			s := index.Sitemaps[i]
			if s.Loc != "https://licensure.example.org/"+want[i] {
				t.Errorf("index entry %d: %s", i, s.Loc)
			}
			chunk := pages[at : at+n]
			at += n
			var newest model.Date
			for _, p := range chunk {
				newest = max(newest, p.Modified)
			}
			if s.LastMod != string(newest) {
				t.Errorf("%s: lastmod %q, want %q", s.Loc, s.LastMod, newest)
			}
			if got, w := files[want[i]], oldSitemap(t, "https://licensure.example.org", chunk); !bytes.Equal(got, w) {
				t.Errorf("%s differs from a marshalled urlset of its %d pages", want[i], n)
			}
		}
		if !bytes.HasPrefix(files["sitemap.xml"], []byte(xml.Header+`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)) {
			t.Errorf("index starts %q", files["sitemap.xml"][:120])
		}
	}
}

func TestSitemapsErrors(t *testing.T) {
	var called bool
	emit := func(string, func(io.Writer) error) error { called = true; return nil }
	if _, err := Sitemaps("https://x.example", "sitemap.xml", append(pagesN(MaxSitemapURLs+5), Page{Path: "x/"}), emit); err == nil || called {
		t.Errorf("relative path: error %v, emitted %v", err, called)
	}
	boom := errors.New("boom")
	var names []string
	_, err := Sitemaps("https://x.example", "sitemap.xml", pagesN(MaxSitemapURLs+1), func(name string, fill func(io.Writer) error) error {
		names = append(names, name)
		return boom
	})
	if !errors.Is(err, boom) || len(names) != 1 {
		t.Errorf("error %v after %q", err, names)
	}
}

// TestRecentMatchesSort compares Recent with sorting every record, on
// many records with few distinct dates.
func TestRecentMatchesSort(t *testing.T) {
	g := graph("B")
	base := g.Licenses[0]
	for i := range 500 {
		l := *base
		lic := *base.License
		lic.Reviewed = model.Date(fmt.Sprintf("2026-0%d-01", 1+i*7%9))
		l.License = &lic
		l.Meta.Path = fmt.Sprintf("/licenses/x-%03d/", i*37%500)
		g.Licenses = append(g.Licenses, &l)
	}
	all := Recent(g, len(g.Licenses)+len(g.Boards)+len(g.Certifications))
	sorted := slices.IsSortedFunc(all, func(a, b Entry) int {
		return cmp.Or(cmp.Compare(b.Updated, a.Updated), cmp.Compare(a.Path, b.Path))
	})
	if !sorted || len(all) != len(g.Licenses)+len(g.Boards)+len(g.Certifications) {
		t.Fatalf("Recent(all) is not every record sorted (%d)", len(all))
	}
	for _, n := range []int{-1, 0, 1, 2, 30, 31, 200} {
		if got := Recent(g, n); !reflect.DeepEqual(got, all[:max(0, min(n, len(all)))]) {
			t.Errorf("Recent(%d) is not the first %d of all", n, n)
		}
	}
}
