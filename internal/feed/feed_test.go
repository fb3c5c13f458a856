package feed

import (
	"bytes"
	"encoding/xml"
	"reflect"
	"strings"
	"testing"

	"github.com/licensure/licensure/internal/model"
	"github.com/licensure/licensure/internal/resolve"
)

const hostile = `<script>alert(1)</script>"><img src=x onerror=alert(1)> & ]]>`

var site = model.Site{Title: "Licensure", Description: "Who licenses what & where.", BaseURL: "https://licensure.example.org/", Repository: "https://github.com/example/licensure", Language: "en-US"}

func graph(title string) *resolve.Graph {
	tx := &resolve.State{State: model.State{Code: "TX", Name: "Texas"}}
	perf := &resolve.Specialty{Specialty: &model.Specialty{Name: "Perfusion"}}
	board := &resolve.Board{Meta: resolve.Meta{Path: "/boards/tx-board/"}, Board: &model.Board{Name: "Texas Medical Board", Reviewed: "2026-11-01"}, State: tx}
	nbrc := &resolve.Issuer{Issuer: &model.Issuer{Name: "National Board for Respiratory Care"}}
	return &resolve.Graph{
		Site: site,
		Licenses: []*resolve.License{
			{Meta: resolve.Meta{Path: "/licenses/tx-b/"}, License: &model.License{Title: title, Credential: "license", Reviewed: "2026-11-24"}, State: tx, Specialty: perf, Board: board},
			{Meta: resolve.Meta{Path: "/licenses/tx-a/"}, License: &model.License{Title: "A", Credential: "permit", Reviewed: "2026-11-24"}, State: tx, Specialty: perf},
			{Meta: resolve.Meta{Path: "/licenses/tx-old/"}, License: &model.License{Title: "Old", Credential: "license", Reviewed: "2025-01-01"}, State: tx, Specialty: perf},
		},
		Boards: []*resolve.Board{board},
		Certifications: []*resolve.Certification{
			{Meta: resolve.Meta{Path: "/certifications/nbrc-rrt/"}, Certification: &model.Certification{Name: "Registered Respiratory Therapist", Acronym: "RRT", Reviewed: "2026-11-02"}, Issuer: nbrc},
			{Meta: resolve.Meta{Path: "/certifications/x/"}, Certification: &model.Certification{Name: "X", Reviewed: "2026-11-02"}},
		},
	}
}

func TestRecent(t *testing.T) {
	for _, tc := range []struct {
		n     int
		paths []string
	}{
		{0, []string{}},
		{2, []string{"/licenses/tx-a/", "/licenses/tx-b/"}},
		{4, []string{"/licenses/tx-a/", "/licenses/tx-b/", "/certifications/nbrc-rrt/", "/certifications/x/"}},
		{99, []string{"/licenses/tx-a/", "/licenses/tx-b/", "/certifications/nbrc-rrt/", "/certifications/x/", "/boards/tx-board/", "/licenses/tx-old/"}},
	} {
		var got []string = []string{}
		for _, e := range Recent(graph("B"), tc.n) {
			got = append(got, e.Path)
		}
		if !reflect.DeepEqual(got, tc.paths) {
			t.Errorf("Recent(%d) = %q, want %q", tc.n, got, tc.paths)
		}
	}
	es := Recent(graph("B"), 99)
	for _, tc := range []struct {
		i                        int
		title, summary, category string
	}{
		{1, "B (Texas)", "Texas license for perfusion, issued by the Texas Medical Board.", "License"},
		{0, "A (Texas)", "Texas permit for perfusion.", "License"},
		{2, "Registered Respiratory Therapist (RRT)", "National certification awarded by the National Board for Respiratory Care.", "Certification"},
		{3, "X", "National certification.", "Certification"},
		{4, "Texas Medical Board", "Licensing board or agency in Texas.", "Board"},
	} {
		e := es[tc.i]
		if e.Title != tc.title || e.Summary != tc.summary || e.Category != tc.category {
			t.Errorf("entry %d = %+v", tc.i, e)
		}
	}
}

// parsedFeed reads back what a feed reader needs.
type parsedFeed struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Author  string   `xml:"author>name"`
	Links   []struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	} `xml:"link"`
	Entries []struct {
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Summary string `xml:"summary"`
		Link    struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
	} `xml:"entry"`
}

func TestAtom(t *testing.T) {
	for _, tc := range []struct {
		name    string
		entries []Entry
		updated string
		titles  []string
	}{
		{name: "hostile title", entries: Recent(graph(hostile), 3), updated: "2026-11-24T00:00:00Z", titles: []string{"A (Texas)", hostile + " (Texas)", "Registered Respiratory Therapist (RRT)"}},
		{name: "empty", updated: "1970-01-01T00:00:00Z"},
		{name: "control character", entries: []Entry{{Title: "a\x00b", Path: "/x/", Updated: "2026-01-02"}}, updated: "2026-01-02T00:00:00Z", titles: []string{"a\uFFFDb"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data, err := Atom(site, "/feed.xml", tc.entries)
			if err != nil {
				t.Fatal(err)
			}
			if bytes.Contains(data, []byte("<script")) || bytes.Contains(data, []byte("<img")) {
				t.Errorf("unescaped markup:\n%s", data)
			}
			if !bytes.HasPrefix(data, []byte(`<?xml version="1.0" encoding="UTF-8"?>`)) {
				t.Error("no XML declaration")
			}
			var f parsedFeed
			if err := xml.Unmarshal(data, &f); err != nil {
				t.Fatalf("%v\n%s", err, data)
			}
			if f.ID != "https://licensure.example.org/" || f.Updated != tc.updated || f.Author != "Licensure" || f.Title != "Licensure: recently reviewed records" {
				t.Errorf("feed head %+v", f)
			}
			if len(f.Links) != 2 || f.Links[0].Rel != "self" || f.Links[0].Href != "https://licensure.example.org/feed.xml" {
				t.Errorf("links %+v", f.Links)
			}
			var titles []string
			for _, e := range f.Entries {
				titles = append(titles, e.Title)
				if !strings.HasPrefix(e.ID, "https://licensure.example.org/") || e.Link.Href != e.ID || len(e.Updated) != len("2006-01-02T15:04:05Z") {
					t.Errorf("entry %+v", e)
				}
			}
			if !reflect.DeepEqual(titles, tc.titles) {
				t.Errorf("titles %q, want %q", titles, tc.titles)
			}
		})
	}
}

func TestAtomRejectsBadDate(t *testing.T) {
	if _, err := Atom(site, "/feed.xml", []Entry{{Path: "/x/", Updated: "soon"}}); err == nil {
		t.Error("no error")
	}
}

func TestSitemap(t *testing.T) {
	for _, tc := range []struct {
		name  string
		pages []Page
		want  []string // loc|lastmod
		err   bool
	}{
		{name: "pages", pages: []Page{{Path: "/"}, {Path: "/licenses/x/", Modified: "2026-11-24"}, {Path: "/search/?q=<b>&x"}},
			want: []string{"https://licensure.example.org/|", "https://licensure.example.org/licenses/x/|2026-11-24", "https://licensure.example.org/search/?q=<b>&x|"}},
		{name: "relative path", pages: []Page{{Path: "x/"}}, err: true},
		{name: "too many", pages: make([]Page, MaxSitemapURLs+1), err: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data, err := Sitemap("https://licensure.example.org/", tc.pages)
			if tc.err {
				if err == nil {
					t.Error("no error")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if bytes.Contains(data, []byte("<b>")) || !bytes.Contains(data, []byte("&amp;x")) {
				t.Errorf("not escaped:\n%s", data)
			}
			var u struct {
				XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
				URLs    []struct {
					Loc     string `xml:"loc"`
					LastMod string `xml:"lastmod"`
				} `xml:"url"`
			}
			if err := xml.Unmarshal(data, &u); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, x := range u.URLs {
				got = append(got, x.Loc+"|"+x.LastMod)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %q", got)
			}
		})
	}
}

func TestRobots(t *testing.T) {
	for _, base := range []string{"https://licensure.example.org", "https://licensure.example.org/"} {
		want := "User-agent: *\nAllow: /\n\nSitemap: https://licensure.example.org/sitemap.xml\n"
		if got := string(Robots(base, "/sitemap.xml")); got != want {
			t.Errorf("Robots(%q) = %q", base, got)
		}
	}
}
