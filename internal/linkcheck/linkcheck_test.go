package linkcheck

import (
	"reflect"
	"slices"
	"testing"
	"testing/fstest"
)

func site(pages map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{
		"index.html":              {Data: []byte(`<h1 id="top-heading">Home</h1>`)},
		"licenses/x/index.html":   {Data: []byte(`<h2 id="requirements">R</h2><h2 id='sources'>S</h2><a name="legacy"></a>`)},
		"css/site.0123456789.css": {Data: []byte("body{}")},
		"data/licenses.csv":       {Data: []byte("id\n")},
		"feed.xml":                {Data: []byte("<feed/>")},
		"docs/guide.pdf":          {Data: []byte("%PDF")},
		"404.html":                {Data: []byte(`<a href="/">Home</a>`)},
	}
	for name, body := range pages {
		fsys[name] = &fstest.MapFile{Data: []byte(body)}
	}
	return fsys
}

func TestCheck(t *testing.T) {
	for _, tc := range []struct {
		name string
		page string // the body of states/tx/index.html
		want []Problem
	}{
		{name: "good links", page: `<link rel="stylesheet" href="/css/site.0123456789.css"><link rel="alternate" href="/feed.xml">
			<a href="/">Home</a> <a href="/licenses/x/">x</a> <a href="/licenses/x">no slash</a> <a href="/licenses/x/#requirements">req</a>
			<a href="/licenses/x/#legacy">name</a> <a href='/licenses/x/#sources'>single quotes</a> <a href=/licenses/x/>unquoted</a>
			<a href="../../licenses/x/">relative</a> <a href="#here">here</a> <a id="here"></a> <a href="#top">top</a> <a href="?q=rrt">query</a>
			<form action="/licenses/x/"></form> <a href="/data/licenses.csv">csv</a> <a href="/docs/guide.pdf#page=2">pdf page</a>
			<a href="https://example.org/nowhere/">external</a> <a href="//example.org/x">protocol-relative</a> <a href="mailto:a@example.org">mail</a>
			<img src="data:image/png;base64,AAAA" alt=""> <a href="/licenses/x/?a=1&amp;b=2#requirements">entity</a> <a href="/licenses/%78/">escaped</a>
			<a href="https://licensure.example.org/licenses/x/">own site, absolute</a> <a href="https://licensure.example.org">own root</a>
			<a href="https://licensure.example.org.evil.example/nowhere/">lookalike host</a>`},
		{name: "missing page", page: `<a href="/licenses/y/">y</a> <a href="/licenses/y">y</a> <img src="/img/x.png"> <script src="/js/gone.js"></script>`,
			want: []Problem{
				{"states/tx/index.html", "/img/x.png", "no such page or file"},
				{"states/tx/index.html", "/js/gone.js", "no such page or file"},
				{"states/tx/index.html", "/licenses/y", "no such page or file"},
				{"states/tx/index.html", "/licenses/y/", "no such page or file"},
			}},
		{name: "missing anchor", page: `<a href="/licenses/x/#fees">fees</a> <a href="#nowhere">x</a> <a href="/#top-heading">ok</a>`,
			want: []Problem{
				{"states/tx/index.html", "#nowhere", `no element with id "nowhere" in states/tx/index.html`},
				{"states/tx/index.html", "/licenses/x/#fees", `no element with id "fees" in licenses/x/index.html`},
			}},
		{name: "absolute link to own site", page: `<link rel="canonical" href="https://licensure.example.org/states/texas/">`,
			want: []Problem{{"states/tx/index.html", "https://licensure.example.org/states/texas/", "no such page or file"}}},
		{name: "empty, script and duplicate id", page: `<a href="">e</a><a href="javascript:alert(1)">j</a><a href=" JavaScript:alert(1)">J</a><h2 id="a">a</h2><h2 id="a">b</h2>`,
			want: []Problem{
				{"states/tx/index.html", "", "empty link"},
				{"states/tx/index.html", " JavaScript:alert(1)", "script URL"},
				{"states/tx/index.html", "#a", "id given to 2 elements"},
				{"states/tx/index.html", "javascript:alert(1)", "script URL"},
			}},
		{name: "hostile escaped text is not a link", page: `<h1>&lt;script&gt;alert(1)&lt;/script&gt;&#34;&gt;&lt;img src=x onerror=alert(1)&gt;</h1>
			<p title="&#34;&gt;&lt;img src=/nope onerror=alert(1)&gt;">t</p>
			<a href="/licenses/x/#&lt;script&gt;">escaped fragment</a>`,
			want: []Problem{{"states/tx/index.html", "/licenses/x/#<script>", `no element with id "<script>" in licenses/x/index.html`}}},
		{name: "script, style and comments are skipped", page: `<script type="application/ld+json">{"a":"<a href=\"/nowhere/\">"}</script>
			<style>a[href="/nowhere/"]{}</style><!-- <a href="/nowhere/"> --><title><a href="/nowhere/"></title><script src="/css/site.0123456789.css"></script>`},
		{name: "same problem twice is reported once", page: `<a href="/gone/">1</a><a href="/gone/">2</a>`,
			want: []Problem{{"states/tx/index.html", "/gone/", "no such page or file"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Check(site(map[string]string{"states/tx/index.html": tc.page}), Options{BaseURL: "https://licensure.example.org/"})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %v\nwant %v", got, tc.want)
			}
		})
	}
}

func TestCheckPageLocations(t *testing.T) {
	for _, tc := range []struct {
		file, link string
		ok         bool
	}{
		{"index.html", "licenses/x/", true},
		{"index.html", "./licenses/x/#requirements", true},
		{"licenses/x/index.html", "../x/", true},
		{"licenses/x/index.html", "../../../../index.html", true}, // ".." stops at the root
		{"licenses/x/index.html", "requirements", false},
		{"404.html", "licenses/x/", true},
		{"404.html", "/404.html", true},
		{"notes.html", "#top-heading", true},
		{"notes.html", "#missing", false},
	} {
		problems, err := Check(site(map[string]string{tc.file: `<a href="` + tc.link + `">l</a><h1 id="top-heading"></h1>`}), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if ok := len(problems) == 0; ok != tc.ok {
			t.Errorf("%s → %s: problems %v", tc.file, tc.link, problems)
		}
	}
}

func TestProblemString(t *testing.T) {
	p := Problem{"a/index.html", "/b/", "no such page or file"}
	if got, want := p.String(), `a/index.html: "/b/": no such page or file`; got != want {
		t.Errorf("got %s", got)
	}
}

func TestScan(t *testing.T) {
	for _, tc := range []struct {
		name, doc string
		links     []string
		ids       []string
	}{
		{name: "upper case and bare attributes", doc: `<A HREF="/a/" download ID=x><INPUT required id='y'>`, links: []string{"/a/"}, ids: []string{"x", "y"}},
		{name: "spaces around =", doc: `<a href = "/a/" id =z>`, links: []string{"/a/"}, ids: []string{"z"}},
		{name: "self-closing", doc: `<img src="/i.png"/><br/><a href=/b/>`, links: []string{"/i.png", "/b/"}},
		{name: "entities", doc: `<a href="/s/?a=1&amp;b=&#34;x&#34;" id="&lt;i&gt;">`, links: []string{`/s/?a=1&b="x"`}, ids: []string{"<i>"}},
		{name: "quote of the other kind inside", doc: `<a href='/a/"b' title="it's">`, links: []string{`/a/"b`}},
		{name: "script content skipped up to its own end tag", doc: `<script>if (a</b) x = "</scripty><a href='/no/'>";</script ><a href="/yes/">`, links: []string{"/yes/"}},
		{name: "script end tag in other case", doc: `<SCRIPT src="/s.js"></Script><a href="/yes/">`, links: []string{"/s.js", "/yes/"}},
		{name: "unterminated comment hides the rest", doc: `<a href="/a/"><!-- <a href="/b/">`, links: []string{"/a/"}},
		{name: "unterminated tag", doc: `<a href="/a/`, links: nil},
		{name: "stray less-than and end tags", doc: `a < b </p> <!DOCTYPE html> <3 <a href="/c/">`, links: []string{"/c/"}},
		{name: "name counts only on a", doc: `<a name="top-a"></a><input name="q">`, ids: []string{"top-a"}},
		{name: "unclosed script", doc: `<script>var a = "<a href='/no/'>"`, links: nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			links, ids := scanDoc(tc.doc)
			if !reflect.DeepEqual(links, tc.links) {
				t.Errorf("links %q, want %q", links, tc.links)
			}
			slices.Sort(ids)
			ids = slices.Compact(ids)
			if !reflect.DeepEqual(ids, tc.ids) {
				t.Errorf("ids %q, want %q", ids, tc.ids)
			}
		})
	}
}

// scanDoc returns the links and ids the scanner finds in doc.
func scanDoc(doc string) (links, ids []string) {
	var s scanner
	s.scan([]byte(doc), func(a attr) {
		if a.kind == attrID {
			ids = append(ids, string(a.val))
		} else {
			links = append(links, string(a.val))
		}
	})
	return links, ids
}
