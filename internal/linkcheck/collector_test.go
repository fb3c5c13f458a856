package linkcheck

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"io"
	"io/fs"
	"net/url"
	"path"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
)

// collect feeds every file of site to a new collector, the pages from
// several goroutines, and checks.
func collect(site siteFiles, opts Options) []Problem {
	c := NewCollector(opts)
	names := make([]string, 0, len(site))
	for name := range site {
		names = append(names, name)
	}
	slices.Sort(names)
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := w; i < len(names); i += 4 {
				c.Add(names[i], site[names[i]])
			}
		})
	}
	wg.Wait()
	return c.Check()
}

// fixture is a small synthetic site with every kind of problem added.
func fixture() siteFiles {
	site := synthSite(300)
	site["states/st1/index.html"] = append(site["states/st1/index.html"], `
		<a href="/licenses/gone/">gone</a> <a href="/licenses/gone/">twice</a> <a href="/licenses/gone">no slash</a>
		<a href="https://synthetic.example.org/licenses/gone/">absolute</a> <a href=" /licenses/gone/ ">spaces</a>
		<a href="/licenses/gone/?q=1">query</a> <a href="../../licenses/gone/">relative</a> <a href="/licenses/%67one/">escaped</a>
		<a href="/states/st2/#nowhere">anchor</a> <a href="/states/st2/#licenses">good anchor</a> <a href="/states/st2#licenses">file form</a>
		<a href="#nowhere">own</a> <a href="#licenses">own ok</a> <a href="/states/st1/#nowhere">own, absolute</a> <a href="#top">top</a>
		<a href="">empty</a> <a href="javascript:void(0)">js</a> <a href="VBScript:x">vb</a> <a href="/a%zz">malformed</a> <a href="https://h:x/">bad port</a>
		<a href="1a:b">colon</a> <h3 id="dup">1</h3><h3 id="dup">2</h3><h3 id="dup">3</h3> <a name="licenses">dup with name</a>
		<a href="/css/site.565d6ba538.css#x">fragment on a file</a> <img src="/img/missing.png"> <a href="/licenses/?a=1&amp;b=2#licenses">entity</a>
		<a href="/states/st2/#&lt;script&gt;">escaped anchor</a> <a href="https://synthetic.example.org/states/st2/#nope">absolute anchor</a>
		<a href="/licenses/a//b/">double slash</a> <a href="/licenses/./x/../">dots</a> <a href="//other.example/x">other host</a>`...)
	site["licenses/index.html"] = append(site["licenses/index.html"], `<a href="/licenses/gone/">gone</a><a href="/states/st2/#nowhere">anchor</a>`...)
	site["notes.html"] = []byte(`<a href="#n1">1</a><p id="n1"></p><a href="notes.html#n2">2</a><a href="/notes.html#n1">3</a><a href="/notes#n1">4</a>`)
	site["docs/guide.pdf"] = []byte("%PDF")
	site["static/page.html"] = []byte(`<a href="../docs/guide.pdf#page=2">pdf</a><a href="./">self folder</a><a href="/static/">folder</a>`)
	return site
}

// TestCollectorAgreesWithOldCheck holds the collector, and Check on top
// of it, to the findings of the check as it was before.
func TestCollectorAgreesWithOldCheck(t *testing.T) {
	for _, tc := range []struct {
		name string
		site siteFiles
		base string
	}{
		{"fixture", fixture(), synthBase + "/"},
		{"fixture without base URL", fixture(), ""},
		{"fixture with another base URL", fixture(), "https://licensure.example.org"},
		{"clean site", synthSite(100), synthBase},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opts := Options{BaseURL: tc.base}
			want, err := oldCheck(tc.site.mapFS(), opts)
			if err != nil {
				t.Fatal(err)
			}
			if tc.name == "fixture" && len(want) < 25 {
				t.Fatalf("the fixture should have many problems, has %d: %v", len(want), want)
			}
			got, err := Check(tc.site.mapFS(), opts)
			if err != nil {
				t.Fatal(err)
			}
			if diff := diffProblems(got, want); diff != "" {
				t.Errorf("Check differs from the old check:\n%s", diff)
			}
			if diff := diffProblems(collect(tc.site, opts), want); diff != "" {
				t.Errorf("Collector differs from the old check:\n%s", diff)
			}
		})
	}
}

func diffProblems(got, want []Problem) string {
	var b strings.Builder
	for _, p := range got {
		if !slices.Contains(want, p) {
			fmt.Fprintf(&b, "+ %v\n", p)
		}
	}
	for _, p := range want {
		if !slices.Contains(got, p) {
			fmt.Fprintf(&b, "- %v\n", p)
		}
	}
	if b.Len() == 0 && !reflect.DeepEqual(got, want) {
		fmt.Fprintf(&b, "same problems, different order or count:\n%v\n%v", got, want)
	}
	return b.String()
}

func TestCollector(t *testing.T) {
	const base = "https://licensure.example.org/"
	type page struct{ path, html string }
	for _, tc := range []struct {
		name  string
		pages []page
		files []string
		want  []Problem
	}{
		{name: "links between pages", pages: []page{
			{"index.html", `<a href="/a/">a</a> <a href="/a/#x">x</a> <a href="/b.html#y">y</a> <link rel="stylesheet" href="/css/s.css">`},
			{"a/index.html", `<h1 id="x"></h1><a href="/">home</a> <a href="../b.html">b</a> <a href="https://licensure.example.org/a/">self</a>`},
			{"b.html", `<a id="y" href="https://licensure.example.org/">home</a> <a href="https://licensure.example.org/a/#x">a</a>`},
		}, files: []string{"css/s.css"}},
		{name: "missing targets, each page reported", pages: []page{
			{"index.html", `<a href="/gone/">1</a><a href="/gone/">again</a><a href="https://licensure.example.org/gone/">2</a><a href="/gone/?x">3</a>`},
			{"a/index.html", `<a href="/gone/">1</a><a href="../gone/">4</a>`},
		}, want: []Problem{
			{"a/index.html", "../gone/", "no such page or file"},
			{"a/index.html", "/gone/", "no such page or file"},
			{"index.html", "/gone/", "no such page or file"},
			{"index.html", "/gone/?x", "no such page or file"},
			{"index.html", "https://licensure.example.org/gone/", "no such page or file"},
		}},
		{name: "anchors on other pages", pages: []page{
			{"index.html", `<a href="/a/#x">x</a><a href="/a/#y">y</a><a href="/a#y">y</a><a href="/a/#top">top</a><a href="/f.txt#z">file</a>`},
			{"a/index.html", `<h1 id="x"></h1>`},
		}, files: []string{"f.txt"}, want: []Problem{
			{"index.html", "/a#y", `no element with id "y" in a/index.html`},
			{"index.html", "/a/#y", `no element with id "y" in a/index.html`},
		}},
		{name: "anchors on the page itself", pages: []page{
			{"a/index.html", `<a href="#x">x</a><a href="#y">y</a><a href="/a/#y">y</a><a href="https://licensure.example.org/a/#y">y</a><a href="?q#y">q</a><p id="x">`},
		}, want: []Problem{
			{"a/index.html", "#y", `no element with id "y" in a/index.html`},
			{"a/index.html", "/a/#y", `no element with id "y" in a/index.html`},
			{"a/index.html", "?q#y", `no element with id "y" in a/index.html`},
			{"a/index.html", "https://licensure.example.org/a/#y", `no element with id "y" in a/index.html`},
		}},
		{name: "page problems", pages: []page{
			{"index.html", `<a href="">e</a><a href="javascript:x">j</a><a href="/%zz/">m</a><p id="d"><p id="d"><a href="mailto:a@b.c">mail</a><a href="//cdn.example/x.js">cdn</a>`},
		}, want: []Problem{
			{"index.html", "", "empty link"},
			{"index.html", "#d", "id given to 2 elements"},
			{"index.html", "/%zz/", "malformed URL"},
			{"index.html", "javascript:x", "script URL"},
		}},
		{name: "a file named like a folder", pages: []page{
			{"index.html", `<a href="/x">file x</a><a href="/x/">folder x</a>`},
		}, files: []string{"x"}, want: []Problem{{"index.html", "/x/", "no such page or file"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := NewCollector(Options{BaseURL: base})
			var wg sync.WaitGroup
			for _, p := range tc.pages {
				wg.Go(func() { c.Page(p.path, []byte(p.html)) })
			}
			for _, f := range tc.files {
				c.File(f)
			}
			wg.Wait()
			got := c.Check()
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %v\nwant %v", got, tc.want)
			}
			if again := c.Check(); !reflect.DeepEqual(again, got) {
				t.Errorf("second Check: %v", again)
			}
			// The same site through the old check.
			fsys := fstest.MapFS{}
			for _, p := range tc.pages {
				fsys[p.path] = &fstest.MapFile{Data: []byte(p.html)}
			}
			for _, f := range tc.files {
				fsys[f] = &fstest.MapFile{}
			}
			old, err := oldCheck(fsys, Options{BaseURL: base})
			if err != nil {
				t.Fatal(err)
			}
			if diff := diffProblems(got, old); diff != "" {
				t.Errorf("differs from the old check:\n%s", diff)
			}
		})
	}
}

// TestPageKeepsNoHTML overwrites each page once Page returns: the
// findings must not change.
func TestPageKeepsNoHTML(t *testing.T) {
	site := fixture()
	want := collect(site, Options{BaseURL: synthBase})
	c := NewCollector(Options{BaseURL: synthBase})
	for name, data := range site {
		buf := bytes.Clone(data)
		c.Add(name, buf)
		for i := range buf {
			buf[i] = 'X'
		}
	}
	if got := c.Check(); !reflect.DeepEqual(got, want) {
		t.Errorf("findings changed with the pages overwritten:\n%s", diffProblems(got, want))
	}
}

func TestTee(t *testing.T) {
	c := NewCollector(Options{})
	written := map[string]string{}
	fail := errors.New("disk full")
	w := c.Tee(writerFunc(func(name string, data []byte) error {
		if name == "full.html" {
			return fail
		}
		written[name] = string(data)
		return nil
	}))
	for name, data := range map[string]string{"index.html": `<a href="/s.css">s</a><a href="/full.html">f</a>`, "s.css": "a{}"} {
		if err := w.WriteFile(name, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.WriteFile("full.html", nil); !errors.Is(err, fail) {
		t.Errorf("error %v, want %v", err, fail)
	}
	if len(written) != 2 {
		t.Errorf("written %v", written)
	}
	want := []Problem{{"index.html", "/full.html", "no such page or file"}}
	if got := c.Check(); !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

type writerFunc func(string, []byte) error

// TestTeeCreate streams files through a Tee of a writer that can Create.
func TestTeeCreate(t *testing.T) {
	c := NewCollector(Options{})
	w := c.Tee(&memCreator{files: map[string]string{}})
	fc, ok := w.(interface {
		Create(string) (io.WriteCloser, error)
	})
	if !ok {
		t.Fatal("the Tee of a writer with Create has no Create")
	}
	for name, parts := range map[string][]string{
		"index.html":    {`<a href="/data/all.json">`, `data</a><a href="/a/#x">a</a><a href="/b/">b</a>`},
		"data/all.json": {"[", "]"},
		"a/index.html":  {`<p id="`, `x">`},
		"b/index.html":  {`unclosed`},
		"c/index.html":  {`failed`},
	} {
		f, err := fc.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range parts {
			if _, err := io.WriteString(f, p); err != nil {
				t.Fatal(err)
			}
		}
		if name != "b/index.html" {
			if err := f.Close(); (err != nil) != (name == "c/index.html") {
				t.Fatal(name, err)
			}
		}
	}
	want := []Problem{{"index.html", "/b/", "no such page or file"}}
	if got := c.Check(); !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// memCreator keeps the files written to it; Close fails for c/index.html.
type memCreator struct {
	mu    sync.Mutex
	files map[string]string
}

func (m *memCreator) WriteFile(name string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files[name] = string(data)
	return nil
}

func (m *memCreator) Create(name string) (io.WriteCloser, error) {
	return &memFile{m: m, name: name}, nil
}

type memFile struct {
	bytes.Buffer
	m    *memCreator
	name string
}

func (f *memFile) Close() error {
	if f.name == "c/index.html" {
		return errors.New("disk full")
	}
	return f.m.WriteFile(f.name, f.Bytes())
}

func (f writerFunc) WriteFile(name string, data []byte) error { return f(name, data) }

func TestCheckReadError(t *testing.T) {
	_, err := Check(errFS{fstest.MapFS{"index.html": {Data: []byte("x")}}}, Options{})
	if err == nil || !strings.HasPrefix(err.Error(), "linkcheck: ") {
		t.Errorf("error %v", err)
	}
}

type errFS struct{ fstest.MapFS }

func (f errFS) ReadFile(name string) ([]byte, error) { return fs.ReadFile(fsOnly{f}, name) }

type fsOnly struct{ fs.FS }

func (f errFS) Open(name string) (fs.File, error) {
	if strings.HasSuffix(name, ".html") {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return f.MapFS.Open(name)
}

// links are links of every shape the resolver distinguishes.
var links = []string{
	"/", "/a/", "/a", "/a/b.html", "/a/b/../c", "/a//b", "/./", "/a/.", "/a/..", "/..", "/../a/", "/a/./b/", "/.well-known/x",
	"#x", "#", "#top", "?q", "?", "?q#x", "/a/?q#f", "/a/#f#g", "/a/#f?g", "/a/?", "/a/#", "/a?b/c#d",
	"//host/x", "//host", "//", "//?x", "//#x", "//:80/", "///x", "//ho st/x", "//h@x/", "//[::1]/", "//h:80/", "//h:x/",
	"https://h/x", "HTTPS://h/x", "https://h:80/x", "https://h:x/", "https://h:1:2/", "https://[::1]/", "https://[::1", "http://a@b/", "https://h?x", "https://h#x",
	"https://h/%41", "https://h/%zz", "https://h/a b", "https:/x", "https:x", "https:", "https://", "https://%41/", "https://h_~.-9/",
	"mailto:x@y", "mailto:%zz", "tel:+1", "data:image/png;base64,AA==", "javascript:alert(1)", "JavaScript:x", " javascript:x", "vbscript:x",
	"javascript://h/x", "javascript://%zz/", "java script:x", "1a:b", ":x", "a:b", "a+b.c-d:x", "x/y", "../x", "./x#f", "x:y/z", "./x:y", "a/b:c",
	"/a%20b/", "/a%zz", "#%41", "#%zz", "/a b/", " /x/ ", "\t#x\n", "/é/", "/\x01/", "/a\x7f", "*", "/%23/", "/%23/#x", "/a#b%23", "/x/#%23",
	"https://base.example/x", "https://base.example", "https://base.example/", "https://base.example?x", "https://base.example#f", "https://base.example/#f",
	"https://base.example.evil/x", "https://base.example//x", "https://base.example/a/../b", "https://base.example%2Fx", "HTTPS://base.example/x",
	"", " ", "\u00a0/x/",
}

// refResolve is the old check's reading of a link, for comparison.
func refResolve(base, self, link string) (verdict, string, string, string) {
	base = strings.TrimSuffix(base, "/")
	link = strings.TrimSpace(link)
	if link == "" {
		return broken, "empty link", "", ""
	}
	if base != "" {
		if rest, ok := strings.CutPrefix(link, base); ok && (rest == "" || strings.ContainsAny(rest[:1], "/?#")) {
			link = "/" + strings.TrimPrefix(rest, "/")
		}
	}
	u, err := url.Parse(link)
	if err != nil {
		return broken, "malformed URL", "", ""
	}
	switch strings.ToLower(u.Scheme) {
	case "":
	case "javascript", "vbscript":
		return broken, "script URL", "", ""
	default:
		return external, "", "", ""
	}
	if u.Host != "" {
		return external, "", "", ""
	}
	p := (&url.URL{Path: self}).ResolveReference(u).Path
	clean := path.Clean("/" + p)
	if strings.HasSuffix(p, "/") && clean != "/" {
		clean += "/"
	}
	return internal, "", clean, u.Fragment
}

func checkResolve(t *testing.T, base, self, link string) {
	t.Helper()
	r := resolver{base: []byte(strings.TrimSuffix(base, "/")), self: self, clean: cleanPath([]byte(self))}
	v, reason, tg := r.resolve([]byte(link))
	wv, wreason, wpath, wfrag := refResolve(base, self, link)
	if v != wv || reason != wreason {
		t.Fatalf("%q on %s: verdict %d %q, want %d %q", link, self, v, reason, wv, wreason)
	}
	if v != internal {
		return
	}
	if string(tg.path()) != wpath || string(tg.frag()) != wfrag {
		t.Fatalf("%q on %s: path %q fragment %q, want %q %q", link, self, tg.path(), tg.frag(), wpath, wfrag)
	}
	wantKey := wpath
	if wfrag != "" {
		wantKey += "#" + wfrag
	}
	if !strings.Contains(wpath, "#") && string(tg.key) != wantKey {
		t.Fatalf("%q on %s: key %q, want %q", link, self, tg.key, wantKey)
	}
}

// TestResolve holds the resolver's fast paths to url.Parse and
// ResolveReference.
func TestResolve(t *testing.T) {
	for _, self := range []string{"/", "/a/", "/a/b/", "/notes.html", "/a/b.html", "/a//b/"} {
		for _, link := range links {
			checkResolve(t, "https://base.example/", self, link)
			checkResolve(t, "", self, link)
		}
	}
}

func FuzzResolve(f *testing.F) {
	for _, link := range links {
		f.Add(link)
	}
	f.Fuzz(func(t *testing.T, link string) {
		checkResolve(t, "https://base.example", "/a/b/", link)
		checkResolve(t, "https://base.example", "/", link)
	})
}

// docs are documents for the scanner.
var docs = []string{
	`<a href="/a/" id="x">`, `<A HREF="/a/" download ID=x><INPUT required id='y'>`, `<a href = "/a/" id =z>`,
	`<img src="/i.png"/><br/><a href=/b/>`, `<a href="/s/?a=1&amp;b=&#34;x&#34;" id="&lt;i&gt;">`, `<a href='/a/"b' title="it's">`,
	`<script>if (a</b) x = "</scripty><a href='/no/'>";</script ><a href="/yes/">`, `<SCRIPT src="/s.js"></Script><a href="/yes/">`,
	`<a href="/a/"><!-- <a href="/b/">`, `<a href="/a/`, `a < b </p> <!DOCTYPE html> <3 <a href="/c/">`, `<a name="top-a"></a><input name="q">`,
	`<script>var a = "<a href='/no/'>"`, `<a href>`, `<a href=>`, `<a id>`, `<a =x href=y>`, `<form action="/f/">`, `<a href="x" href="y">`,
	`<style>a{}</style><a href="/z/">`, `<title>t <a href="/no/"></title><textarea><a href="/no/"></textarea><a href="/y/">`,
	`<scrİpt><a href="/no/"></script><a href="/y/">`, `<a İd="k" actİon="/x/" hreF="/h/">`, `<ſcript><a href="/k/">`,
	`<a href="&#43;&amp;&#39;&quot;&lt;&gt;&nbsp;&#x41;&amp;lt;&notin;&#0;">`, `<a href="a&b&#">`, `<a href='&'>`,
	`<!--x--><a href="/1/"><!----><a href="/2/"><!-- --!><a href="/3/">`, `<a/href="/s/"/id="q">`, "<a\thref\n=\n'/t/'>",
	`<a HrEf="/1/" ACTION="/2/" srC="/3/" iD="i" NaMe="n" hre="x" hrefs="x" actio="x" ids="x" @ction="x" hr` + "\x05" + `f="x" i` + "\x04" + `="x">`,
	`<p name="x" NAME="y"><A NAME="z">`,
	`<script src="/a.js"/><a href="/no/"></script>`, `<title/><a href="/no/"></title>`, `<a href="/x/"id="i">`, `<p title=">" id="w">`,
}

// TestScanAgreesWithOldScan holds the scanner to the old one's findings.
func TestScanAgreesWithOldScan(t *testing.T) {
	for _, doc := range docs {
		checkScan(t, doc)
	}
	for name, data := range fixture() {
		if strings.HasSuffix(name, ".html") {
			checkScan(t, string(data))
		}
	}
}

func checkScan(t *testing.T, doc string) {
	t.Helper()
	links, ids := scanDoc(doc)
	old := oldScan(doc)
	if !slices.Equal(links, old.links) {
		t.Fatalf("%q: links %q, old scan %q", doc, links, old.links)
	}
	counts := map[string]int{}
	for _, id := range ids {
		counts[id]++
	}
	if !reflect.DeepEqual(counts, old.ids) && (len(counts) > 0 || len(old.ids) > 0) {
		t.Fatalf("%q: ids %v, old scan %v", doc, counts, old.ids)
	}
}

func FuzzScan(f *testing.F) {
	for _, doc := range docs {
		f.Add(doc)
	}
	f.Fuzz(checkScan)
}

func TestUnescape(t *testing.T) {
	for _, s := range []string{"", "a", "&", "&amp", "&amp;", "&#43;&#43", "&lt;&gt;&quot;&#34;&#39;", "x&notin;y&#43;", "&amp;amp;", "&#x2B;", "&#0;", "&#128;"} {
		if got, want := string(unescape(nil, []byte(s))), html.UnescapeString(s); got != want {
			t.Errorf("%q: %q, want %q", s, got, want)
		}
	}
}

func TestHasID(t *testing.T) {
	c := NewCollector(Options{})
	long := strings.Repeat("l", 300)
	c.Page("index.html", []byte(`<p id="a"><p id="bc"><p id="`+long+`"><p id="">`))
	file, ids, ok := c.resolveFile("/")
	if !ok || file != "index.html" {
		t.Fatal(file, ok)
	}
	for id, want := range map[string]bool{"a": true, "bc": true, long: true, "": true, "b": false, "abc": false, "l": false} {
		if got := hasID(ids, id); got != want {
			t.Errorf("hasID(%.10q) = %v", id, got)
		}
	}
}

// FuzzCollector checks one fuzzed page, among a few fixed files, with the
// collector and with the old check.
func FuzzCollector(f *testing.F) {
	for _, doc := range docs {
		f.Add(doc)
	}
	for _, link := range links {
		f.Add(`<a href="` + html.EscapeString(link) + `">` + `<p id="x">`)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		site := siteFiles{
			"index.html":     []byte(`<h1 id="top-heading">Home</h1><a href="/a/b/#x">`),
			"a/b/index.html": []byte(doc),
			"a/c.html":       []byte(`<p id="x"><p id="y"><a href="b/#y">`),
			"s.css":          []byte("a{}"),
		}
		opts := Options{BaseURL: "https://base.example/"}
		want, err := oldCheck(site.mapFS(), opts)
		if err != nil {
			t.Fatal(err)
		}
		if diff := diffProblems(collect(site, opts), want); diff != "" {
			t.Fatalf("%q:\n%s", doc, diff)
		}
	})
}

// TestCollectorRemembersOnlyExactLinks: a worker skips resolving a link
// spelled as a target's key only once that spelling led there, since a
// key can also be the decoded form of another link.
func TestCollectorRemembersOnlyExactLinks(t *testing.T) {
	site := siteFiles{
		"a/index.html": []byte(`<p id="A"><p id="%41">`),
		"b/index.html": []byte(`<p id="A">`),
		"x.html":       []byte(`<a href="/b/#%2541">1</a><a href="/b/#%41">2</a><a href="/b/#%41">3</a>`),
		"y.html":       []byte(`<a href="/b/#%41">4</a><a href="/b/#%2541">5</a><a href="/a/#%41">6</a><a href="/a/#%2541">7</a>`),
		"z.html":       []byte(`<a href="/b/#%41">8</a><a href="/z.html">self</a><a href="/b/#%2541">9</a>`),
	}
	want, err := oldCheck(site.mapFS(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(want) != 3 {
		t.Fatalf("the old check finds %v", want)
	}
	for _, order := range [][]string{{"x.html", "y.html", "z.html"}, {"z.html", "y.html", "x.html"}} {
		c := NewCollector(Options{})
		c.Page("a/index.html", site["a/index.html"])
		c.Page("b/index.html", site["b/index.html"])
		for _, p := range order {
			c.Page(p, site[p]) // one goroutine: the same worker state
		}
		if diff := diffProblems(c.Check(), want); diff != "" {
			t.Errorf("%v:\n%s", order, diff)
		}
	}
}
