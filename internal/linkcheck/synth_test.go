package linkcheck

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"testing/fstest"
)

// synthBase is the base URL of synthetic sites.
const synthBase = "https://synthetic.example.org"

// synthSite returns a site shaped like the generator's output for the
// given number of licenses, with the layout of the repository's templates
// (chrome_test.go) on every page, record pages linking to each other and
// list pages linking to many records. It has no broken links.
func synthSite(licenses int) siteFiles {
	ch, err := layoutOnce()
	if err != nil {
		panic(err) // the repository's templates or static files are broken
	}
	s := &synth{fs: siteFiles{}, chrome: ch}
	n := func(per10k int) int { return max(1, licenses*per10k/10000) }
	states := 56
	boards, certs, issuers := n(1700), n(2000), n(250)
	specialties, occupations, families := n(200), n(400), n(20)

	lic := func(i int) string { return fmt.Sprintf("/licenses/st%d-license-of-some-length-%d/", i%states, i) }
	state := func(i int) string { return fmt.Sprintf("/states/st%d/", i%states) }
	board := func(i int) string {
		i %= boards
		return fmt.Sprintf("/boards/st%d-board-of-occupational-practice-%d/", i%states, i)
	}
	cert := func(i int) string {
		i %= certs
		return fmt.Sprintf("/certifications/issuer%d-cert%d/", i%issuers, i)
	}
	spec := func(i int) string { return fmt.Sprintf("/specialties/specialty-number-%d/", i%specialties) }
	occ := func(i int) string {
		i %= occupations
		return fmt.Sprintf("/occupations/%02d-%04d.00/", i%60, i)
	}
	fam := func(i int) string { return fmt.Sprintf("/families/family-%d/", i%families) }

	row := func(b *strings.Builder, i int) {
		fmt.Fprintf(b, `<tr><td><a href="%s">License title number %d</a></td><td><a href="%s">State %d</a></td><td><a href="%s">Board</a></td><td>certificate</td></tr>`+"\n",
			lic(i), i, state(i), i%states, board(i))
	}
	item := func(b *strings.Builder, i int) {
		fmt.Fprintf(b, `<li><a href="%s">License title number %d</a> <span class="detail">State %d</span></li>`, lic(i), i, i%states)
	}

	for i := range licenses {
		var b strings.Builder
		fmt.Fprintf(&b, `<nav aria-label="Breadcrumb" class="crumbs"><ol><li><a href="/">Home</a></li><li><a href="/licenses/">Licenses</a></li></ol></nav>
<article class="record">
<header>
  <p class="kicker"><a href="%[1]s">State</a> · <a href="%[2]s">Specialty</a> · certificate</p>
  <h1>License title number %[3]d</h1>
</header>
<dl class="facts">
  <dt>Issued by</dt><dd><a href="%[4]s">Board of occupational practice</a></dd>
  <dt>State</dt><dd><a href="%[1]s">State</a> (ST)</dd>
  <dt>Specialty</dt><dd><a href="%[2]s">Specialty</a></dd>
  <dt>Occupation</dt><dd><a href="%[5]s">Clinical Technicians</a>; <a href="%[6]s">Community Technicians</a></dd>
  <dt>Family</dt><dd><a href="%[7]s">Family</a></dd>
  <dt>Law</dt><dd><a href="https://law-st%[3]d.example.org/chapter-%[3]d" rel="noopener">State Code ch. %[3]d § 25 et seq.</a></dd>
</dl>
<section class="prose" aria-label="Summary"><p>The state requires a certificate to practise this occupation or to use the title
of the license. The <a href="%[4]s">Board of occupational practice</a>
issues it and renews it every year.</p>
<p>Applicants need:</p>
<ul>
<li>completion of an accredited program of at least 6 months;</li>
<li>a passing score on the written and practical examinations, usually taken through the
<a href="%[8]s">Registered Technologist II (RT)</a>;</li>
<li>one year of supervised clinical experience before the first renewal.</li>
</ul>
<p>The board also recognises the <a href="%[9]s">CT</a> credential.
Holders complete 20 hours of continuing education each renewal cycle, and a
practitioner licensed in another state may qualify by endorsement without a new examination.</p>
</section>
<section aria-labelledby="requirements">
<h2 id="requirements">Requirements</h2>
<dl class="facts">
  <dt>Education</dt><dd><p>High school diploma or equivalent.</p></dd>
  <dt>Examination</dt><dd>Written and practical examinations</dd>
  <dt>Experience</dt><dd>One year of supervised clinical experience</dd>
  <dt>Continuing education</dt><dd>20 contact hours every two years</dd>
  <dt>Renewal</dt><dd>Every year</dd>
  <dt>Fees</dt><dd><span class="missing">Not yet documented. <a href="/contributing/#fees">Help document it</a>.</span></dd>
</dl>
</section>
<section aria-labelledby="certifications">
<h2 id="certifications">Certifications</h2>
<ul class="cert-roles">
  <li><a href="%[8]s">Registered Technologist II (RT)</a> <span class="role role-required">Required</span> · Issuer</li><li><a href="%[9]s">Certified Technician II (CT)</a> <span class="role role-alternative">One route of several</span> · Society</li><li><a href="%[10]s">Registered Therapist (RTT)</a> <span class="role role-accepted">Accepted</span> · Council</li>
</ul>
</section>
<section aria-labelledby="sources">
  <h2 id="sources">Sources</h2>
  <ol class="sources">
    <li><a href="https://law-st%[3]d.example.org/chapter-%[3]d" rel="noopener">State Code, licensure</a></li><li><a href="https://board-%[3]d.example.org/licenses/license-%[3]d" rel="noopener">Board, application</a></li><li><a href="https://board-%[3]d.example.org/rules" rel="noopener">Board, rules and regulations</a></li>
  </ol>
</section>
</article>
<aside class="record-footer" aria-label="About this record">
  <p>Last reviewed <time datetime="2026-04-05">5 April 2026</time>. See also <a href="%[11]s#requirements">the next license's requirements</a>.</p>
</aside>
`, state(i), spec(i), i, board(i), occ(i), occ(i+1), fam(i), cert(i), cert(i+1), cert(i+2), lic((i+1)%licenses))
		s.page(lic(i), "License title number "+fmt.Sprint(i), b.String())
	}
	lists := []struct {
		count int
		url   func(int) string
		table bool
	}{
		{states, state, false},
		{boards, board, false},
		{certs, cert, false},
		{specialties, spec, true},
		{occupations, occ, true},
		{families, fam, true},
	}
	for _, l := range lists {
		members := make([][]int, l.count)
		for i := range licenses {
			members[i%l.count] = append(members[i%l.count], i)
		}
		for j := range l.count {
			var b strings.Builder
			b.WriteString(`<nav aria-label="Breadcrumb" class="crumbs"><ol><li><a href="/">Home</a></li></ol></nav><h1>List</h1>`)
			fmt.Fprintf(&b, `<p><a href="%s">Related</a> · <a href="#licenses">Licenses</a></p><section aria-labelledby="licenses"><h2 id="licenses">Licenses</h2>`, state(j))
			if l.table {
				b.WriteString(`<table class="license-table"><thead><tr><th>License</th><th>State</th><th>Board</th><th>Kind</th></tr></thead><tbody>`)
				for _, i := range members[j] {
					row(&b, i)
				}
				b.WriteString(`</tbody></table>`)
			} else {
				b.WriteString(`<ul class="record-list">`)
				for _, i := range members[j] {
					item(&b, i)
				}
				b.WriteString(`</ul>`)
			}
			b.WriteString(`</section>`)
			s.page(l.url(j), "List", b.String())
		}
		var b strings.Builder
		b.WriteString(`<ul class="record-list index-list">`)
		for j := range l.count {
			fmt.Fprintf(&b, `<li><a href="%s">Entry %d</a></li>`, l.url(j), j)
		}
		b.WriteString(`</ul>`)
		s.page(l.url(0)[:strings.IndexByte(l.url(0)[1:], '/')+2], "Index", b.String())
	}
	for j := range issuers {
		s.page(fmt.Sprintf("/issuers/issuer%d/", j), "Issuer", fmt.Sprintf(`<h1>Issuer</h1><p><a href="%s">A certification</a></p>`, cert(j)))
	}
	var b strings.Builder
	b.WriteString(`<ul class="record-list index-list">`)
	for i := range licenses {
		item(&b, i)
	}
	b.WriteString(`</ul>`)
	s.page("/licenses/", "Licenses", b.String())
	s.page("/", "Home", `<h1>Licensure</h1><p><a href="/states/">States</a> <a href="/licenses/">Licenses</a></p>`)
	s.page("/contributing/", "Contributing", `<h2 id="fees">Fees</h2><p><a href="/about/">About</a></p>`)
	for _, p := range append([]string{"/about/", "/methodology/", "/data/", "/maintainers/", "/schema/", "/search/", "/issuers/"}, s.chrome.pages...) {
		if _, ok := s.fs[strings.TrimPrefix(p, "/")+"index.html"]; !ok {
			s.page(p, "Page", `<h1>Page</h1><p><a href="/">Home</a></p>`)
		}
	}
	s.fs["404.html"] = []byte(s.chrome.layout("/404.html", "Not found", `<h1>Not found</h1>`))
	for _, f := range append([]string{"data/all.json", "data/licenses.csv", "search/index.json"}, s.chrome.files...) {
		s.fs[f] = []byte("x")
	}
	return s.fs
}

// siteFiles are the files of a site by path.
type siteFiles map[string][]byte

// mapFS returns the site as an fs.FS. fstest.MapFS lists a folder by
// going through every file, so keep it for small sites.
func (s siteFiles) mapFS() fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range s {
		fsys[name] = &fstest.MapFile{Data: data}
	}
	return fsys
}

// fs returns the site as an fs.FS that lists folders quickly, unlike
// fstest.MapFS, which goes through every file to list one folder.
func (s siteFiles) fs() fs.FS {
	m := memFS{MapFS: s.mapFS(), dirs: map[string][]fs.DirEntry{}}
	seen := map[string]bool{}
	for name := range s {
		for name != "." {
			dir := path.Dir(name)
			if !seen[name] {
				seen[name] = true
				info, err := fs.Stat(m.MapFS, name)
				if err != nil {
					panic(err)
				}
				m.dirs[dir] = append(m.dirs[dir], fs.FileInfoToDirEntry(info))
			}
			name = dir
		}
	}
	for _, entries := range m.dirs {
		slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	}
	return m
}

type memFS struct {
	fstest.MapFS
	dirs map[string][]fs.DirEntry
}

func (m memFS) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, ok := m.dirs[name]
	if !ok {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	return slices.Clone(entries), nil
}

type synth struct {
	fs     siteFiles
	chrome *chrome
}

func (s *synth) page(url, title, main string) {
	file := strings.TrimPrefix(url, "/") + "index.html"
	s.fs[file] = []byte(s.chrome.layout(url, title, main))
}
