package linkcheck

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"io"
	"path"
	"slices"
	"strings"
	"sync"
)

// Collector checks a site's links while it is written. Hand it every
// .html file with Page and name every other file with File, as each is
// written, from any number of goroutines; once all are written, Check
// reports the problems.
//
// Page scans the page on the caller's goroutine and keeps none of it but
// its path, its ids and the internal targets it links to. Each distinct
// target (a site path, or a path and a fragment) is kept once, in a map
// spread over shards by a hash, each shard with its own lock; a page keeps
// the numbers of its targets, 4 bytes each, and the text of the few links
// that are not spelled as their target. Each worker remembers the targets
// it has met, so most links take no lock, and a link spelled as one of
// them, such as /licenses/x/, is not resolved again. Links within the page itself,
// such as "#main", are checked right away and kept only if broken; links
// to other hosts are dropped.
type Collector struct {
	base   []byte // Options.BaseURL without its trailing slash
	seed   maphash.Seed
	shards [shardCount]shard
	states sync.Pool // of *pageState

	mu       sync.Mutex
	pages    []pageLinks // by page number
	other    []otherLink // of all pages
	problems []Problem   // found by Page
}

const (
	shardBits  = 6
	shardCount = 1 << shardBits
)

type shard struct {
	mu sync.Mutex
	// files maps each file's path to its ids, if a page: each id
	// preceded by its length as a uvarint, in sorted order.
	files   map[string]string
	targets map[string]*linkTarget
	list    []*linkTarget // by number >> shardBits
	_       [64 - 48]byte // a cache line each
}

// linkTarget is one distinct target of internal links.
type linkTarget struct {
	key        string // path + "#" + frag, as target.key
	path, frag string // substrings of key
	n          uint32 // its number: index in its shard's list, then shard
	reason     string // why it does not resolve, as Check last found
}

// pageLinks is a page and the targets it links to.
type pageLinks struct {
	path string
	// targets are the numbers of the targets the page links to with the
	// target's key, or, with the based bit set, with Options.BaseURL
	// then the key; otherLink has the page's other links.
	targets []uint32
}

// based marks, in pageLinks.targets, a link that is the base URL then
// the key.
const based = 1 << 31

// otherLink is a page's link to a target that is neither the key nor
// the base URL then the key: it has a query, spaces, escapes or a
// relative path.
type otherLink struct {
	page, target uint32
	link         string
}

// NewCollector returns an empty collector.
func NewCollector(opts Options) *Collector {
	c := &Collector{base: []byte(strings.TrimSuffix(opts.BaseURL, "/")), seed: maphash.MakeSeed()}
	for i := range c.shards {
		c.shards[i].files = map[string]string{}
		c.shards[i].targets = map[string]*linkTarget{}
	}
	c.states.New = func() any {
		st := &pageState{c: c}
		st.emitFn = st.emit
		return st
	}
	return c
}

// File records that the site has a file at path, such as
// "css/site.0123.css", which links may point to. HTML files go to Page.
func (c *Collector) File(path string) {
	c.addFile(strings.Clone(path), "")
}

// Page scans the HTML page written at path, such as
// "licenses/x/index.html", for its links and ids. It is safe for
// concurrent use and does not keep html. Each path is given once.
func (c *Collector) Page(path string, html []byte) {
	path = strings.Clone(path)
	c.mu.Lock()
	n := len(c.pages)
	c.pages = append(c.pages, pageLinks{path: path})
	c.mu.Unlock()

	st := c.states.Get().(*pageState)
	st.page = path
	st.r.base, st.r.self = c.base, urlPath(path)
	st.r.clean = cleanPath([]byte(st.r.self))
	st.s.scan(html, st.emitFn)

	// Ids: duplicates, then the links to the page itself.
	slices.SortFunc(st.ids, bytes.Compare)
	enc := st.enc[:0]
	for i := 0; i < len(st.ids); {
		j := i + 1
		for j < len(st.ids) && bytes.Equal(st.ids[j], st.ids[i]) {
			j++
		}
		if j-i > 1 {
			c.problem(path, "#"+string(st.ids[i]), fmt.Sprintf("id given to %d elements", j-i))
		}
		enc = binary.AppendUvarint(enc, uint64(len(st.ids[i])))
		enc = append(enc, st.ids[i]...)
		i = j
	}
	for _, link := range st.anchors {
		_, _, t := st.r.resolve(link)
		if _, ok := slices.BinarySearchFunc(st.ids, t.frag(), bytes.Compare); !ok {
			c.problem(path, string(link), fmt.Sprintf("no element with id %q in %s", t.frag(), path))
		}
	}
	c.addFile(path, string(enc))
	targets := slices.Clone(st.targets)
	c.mu.Lock()
	c.pages[n].targets = targets
	for _, o := range st.other {
		o.page = uint32(n)
		c.other = append(c.other, o)
	}
	c.mu.Unlock()

	st.enc = enc
	clear(st.ids)
	clear(st.anchors)
	clear(st.other)
	st.ids, st.anchors, st.targets, st.other = st.ids[:0], st.anchors[:0], st.targets[:0], st.other[:0]
	st.page, st.r.self = "", ""
	c.states.Put(st)
}

// pageState is what Page needs while it scans one page; Page reuses them,
// and their caches of targets outlive the page.
type pageState struct {
	c       *Collector
	s       scanner
	r       resolver
	emitFn  func(attr)
	page    string
	ids     [][]byte // the page's ids, pointing into the page
	anchors [][]byte // the page's links to its own #fragments
	targets []uint32 // as pageLinks.targets
	other   []otherLink
	enc     []byte
	cache   [cacheSize]cached
}

// cacheSize is how many targets a pageState remembers, by the hash of
// their key.
const cacheSize = 4096

type cached struct {
	hash uint64
	t    *linkTarget
	// exact is set once a link spelled as t.key led to t. Such a link
	// starts with a slash, so it leads there from any page: the same
	// text needs no resolving.
	exact bool
}

// emit takes one link or id of the page.
func (st *pageState) emit(a attr) {
	if a.kind == attrID {
		st.ids = append(st.ids, a.val)
		return
	}
	link := a.val
	var h uint64 // the hash of link, if it may be a target's key
	if len(link) > 1 && link[0] == '/' {
		h = maphash.Bytes(st.c.seed, link)
		if e := &st.cache[h%cacheSize]; e.exact && e.hash == h && e.t.key == string(link) && e.t.path != st.r.self {
			st.addTarget(e.t.n)
			return
		}
	}
	v, reason, t := st.r.resolve(link)
	switch v {
	case broken:
		st.c.problem(st.page, string(link), reason)
	case internal:
		if string(t.path()) == st.r.self {
			// The page itself, which exists; its ids are known once it
			// is scanned.
			if f := t.frag(); len(f) > 0 && string(f) != "top" {
				st.anchors = append(st.anchors, link)
			}
			return
		}
		st.link(link, h, t)
	}
}

// link records that the page links, with link, to the internal target t;
// h is the hash of link if not 0.
func (st *pageState) link(link []byte, h uint64, t target) {
	exact := bytes.Equal(link, t.key)
	if !exact || h == 0 {
		h = maphash.Bytes(st.c.seed, t.key)
	}
	e := &st.cache[h%cacheSize]
	if e.t == nil || e.hash != h || e.t.key != string(t.key) {
		*e = cached{hash: h, t: st.c.target(h, t)}
	}
	n, base := e.t.n, st.c.base
	switch {
	case exact:
		e.exact = true
	case len(link) == len(base)+len(t.key) && bytes.HasPrefix(link, base) && bytes.Equal(link[len(base):], t.key):
		n |= based
	default:
		if k := len(st.other); k == 0 || st.other[k-1].target != n || st.other[k-1].link != string(link) {
			st.other = append(st.other, otherLink{target: n, link: string(link)})
		}
		return
	}
	st.addTarget(n)
}

// addTarget records that the page links to target n, unless that was its
// last link too.
func (st *pageState) addTarget(n uint32) {
	if k := len(st.targets); k == 0 || st.targets[k-1] != n {
		st.targets = append(st.targets, n)
	}
}

// target returns the target t, whose key hashes to h, adding it if new.
func (c *Collector) target(h uint64, t target) *linkTarget {
	sh := &c.shards[h%shardCount]
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if lt := sh.targets[string(t.key)]; lt != nil {
		return lt
	}
	key := string(t.key)
	lt := &linkTarget{key: key, path: key[t.start:t.end], n: uint32(len(sh.list))<<shardBits | uint32(h%shardCount)}
	if lt.n>>shardBits != uint32(len(sh.list)) || lt.n&based != 0 {
		panic("linkcheck: too many link targets")
	}
	if len(key) > t.end {
		lt.frag = key[t.end+1:]
	}
	sh.targets[key] = lt
	sh.list = append(sh.list, lt)
	return lt
}

func (c *Collector) problem(page, link, reason string) {
	c.mu.Lock()
	c.problems = append(c.problems, Problem{page, link, reason})
	c.mu.Unlock()
}

func (c *Collector) addFile(path, ids string) {
	sh := &c.shards[maphash.String(c.seed, path)%shardCount]
	sh.mu.Lock()
	sh.files[path] = ids
	sh.mu.Unlock()
}

// Check returns the problems of the links collected so far: internal
// links whose target is not a file of the site, #fragments that are not an
// id of their target page, and what Page found. Call it once every file is
// written.
func (c *Collector) Check() []Problem {
	for i := range c.shards {
		c.shards[i].mu.Lock()
		defer c.shards[i].mu.Unlock()
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	type dest struct {
		file, ids string
		exists    bool
	}
	dests := map[string]dest{} // by target path
	anyBroken := false
	for i := range c.shards {
		for _, lt := range c.shards[i].list {
			d, ok := dests[lt.path]
			if !ok {
				d.file, d.ids, d.exists = c.resolveFile(lt.path)
				dests[lt.path] = d
			}
			switch {
			case !d.exists:
				lt.reason = "no such page or file"
			case lt.frag != "" && lt.frag != "top" && strings.HasSuffix(d.file, ".html") && !hasID(d.ids, lt.frag):
				lt.reason = fmt.Sprintf("no element with id %q in %s", lt.frag, d.file)
			default:
				lt.reason = ""
				continue
			}
			anyBroken = true
		}
	}
	out := slices.Clone(c.problems)
	if anyBroken { // else no need to go through every link
		for _, p := range c.pages {
			for _, n := range p.targets {
				if lt := c.byNumber(n &^ based); lt.reason != "" {
					link := lt.key
					if n&based != 0 {
						link = string(c.base) + lt.key
					}
					out = append(out, Problem{p.path, link, lt.reason})
				}
			}
		}
		for _, o := range c.other {
			if lt := c.byNumber(o.target); lt.reason != "" {
				out = append(out, Problem{c.pages[o.page].path, o.link, lt.reason})
			}
		}
	}
	slices.SortFunc(out, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.Page, b.Page), cmp.Compare(a.Link, b.Link), cmp.Compare(a.Reason, b.Reason))
	})
	return slices.Compact(out)
}

// byNumber returns the target numbered n.
func (c *Collector) byNumber(n uint32) *linkTarget {
	return c.shards[n%shardCount].list[n>>shardBits]
}

// resolveFile maps a site path to the file served there and that file's
// ids; the caller holds every shard's lock.
func (c *Collector) resolveFile(p string) (file, ids string, ok bool) {
	lookup := func(f string) (string, string, bool) {
		ids, ok := c.shards[maphash.String(c.seed, f)%shardCount].files[f]
		return f, ids, ok
	}
	clean := strings.TrimPrefix(path.Clean("/"+p), "/")
	if strings.HasSuffix(p, "/") {
		return lookup(path.Join(clean, "index.html"))
	}
	if file, ids, ok := lookup(clean); ok {
		return file, ids, ok
	}
	return lookup(path.Join(clean, "index.html"))
}

// hasID reports whether the encoded ids hold id.
func hasID(ids, id string) bool {
	for len(ids) > 0 {
		n, k := binary.Uvarint([]byte(ids[:min(len(ids), binary.MaxVarintLen64)]))
		if k <= 0 || uint64(len(ids)-k) < n {
			return false
		}
		if ids[k:k+int(n)] == id {
			return true
		}
		ids = ids[k+int(n):]
	}
	return false
}

// FileWriter writes one file of a site; *output.Dir is one.
type FileWriter interface {
	WriteFile(name string, data []byte) error
}

// fileCreator is a FileWriter that can also stream a file: the file
// counts as written once the io.WriteCloser that Create returns is
// closed without error.
type fileCreator interface {
	FileWriter
	Create(name string) (io.WriteCloser, error)
}

// Tee returns a FileWriter that writes each file through w and, once it
// is written, hands it to c with Add. If w also has a method
//
//	Create(name string) (io.WriteCloser, error)
//
// so does the FileWriter Tee returns: a file streamed through it is
// handed to c when it is closed (and an HTML file is kept in a buffer
// until then). The FileWriter is as safe for concurrent use as w is.
func (c *Collector) Tee(w FileWriter) FileWriter {
	if fc, ok := w.(fileCreator); ok {
		return teeCreator{tee{fc, c}, fc}
	}
	return tee{w, c}
}

type tee struct {
	w FileWriter
	c *Collector
}

func (t tee) WriteFile(name string, data []byte) error {
	if err := t.w.WriteFile(name, data); err != nil {
		return err
	}
	t.c.Add(name, data)
	return nil
}

type teeCreator struct {
	tee
	fc fileCreator
}

func (t teeCreator) Create(name string) (io.WriteCloser, error) {
	f, err := t.fc.Create(name)
	if err != nil {
		return nil, err
	}
	tf := &teeFile{WriteCloser: f, c: t.c, name: name}
	if strings.HasSuffix(name, ".html") {
		tf.html = new(bytes.Buffer)
	}
	return tf, nil
}

// teeFile is a file streamed through a Tee.
type teeFile struct {
	io.WriteCloser
	c      *Collector
	name   string
	html   *bytes.Buffer // what is written, for an HTML file
	closed bool
}

func (f *teeFile) Write(p []byte) (int, error) {
	n, err := f.WriteCloser.Write(p)
	if f.html != nil {
		f.html.Write(p[:n])
	}
	return n, err
}

func (f *teeFile) Close() error {
	if err := f.WriteCloser.Close(); err != nil || f.closed {
		return err
	}
	f.closed = true
	if f.html != nil {
		f.c.Page(f.name, f.html.Bytes())
		f.html = nil
	} else {
		f.c.File(f.name)
	}
	return nil
}

// Add hands c one file of the site: Page for a .html file, File for any
// other.
func (c *Collector) Add(name string, data []byte) {
	if strings.HasSuffix(name, ".html") {
		c.Page(name, data)
	} else {
		c.File(name)
	}
}
