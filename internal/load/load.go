// Package load reads a content folder into typed records.
//
// Load reads through an fs.FS, so tests hand in fstest.MapFS or an unpacked
// txtar archive. It reports every structural problem at once, each at its
// file:line:col: unreadable or hostile files (symbolic links and special
// files at their own path, when read through package safefs; files over
// MaxFileSize), YAML syntax, duplicate keys, unknown fields (with a "did
// you mean"), wrong types, missing required fields, bad formats, bad IDs,
// Markdown over its limits (mdlimits.go) and links whose scheme the site
// refuses, in every Markdown link form. Values quoted in a message are
// cut to a short excerpt (diag.Excerpt). It never reports on references between
// records, which need the whole content: that is package check's job, from
// the Refs each record carries.
//
// A record with errors is still returned, as far as it decoded, so that
// later checks can report on it too; callers stop when the list has errors.
package load

import (
	"errors"
	"io/fs"
	"path"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"unsafe"

	"github.com/licensure/licensure/internal/diag"
	"github.com/licensure/licensure/internal/fastyaml"
	"github.com/licensure/licensure/internal/model"
	"github.com/licensure/licensure/internal/par"
	"github.com/licensure/licensure/internal/safefs"
	"github.com/licensure/licensure/internal/schema"
)

// Load reads the content folder fsys. prefix is prepended to file names in
// diagnostics and records, usually "content/".
func Load(fsys fs.FS, prefix string) (*Content, *diag.List) {
	return load(fsys, prefix, false)
}

// load is Load, with package fastyaml and yaml.v3 where it declines or (for
// tests that compare the two, yamlV3Only) with yaml.v3 alone.
func load(fsys fs.FS, prefix string, yamlV3Only bool) (*Content, *diag.List) {
	l := &loader{fsys: fsys, prefix: prefix, diags: &diag.List{}, yamlV3Only: yamlV3Only}
	c := &Content{Records: make(map[string][]*Record, len(model.Kinds))}
	w := l.newWorker()
	c.SitePos = l.singleton(w, "site.yaml", &c.Site)
	var states model.States
	c.StatesPos = l.singleton(w, "states.yaml", &states)
	c.States = states.States
	files := make([][]string, len(model.Kinds))
	for i, k := range model.Kinds {
		files[i] = l.recordFiles(k)
	}
	for i, records := range l.records(files) {
		c.Records[model.Kinds[i].Name] = records
	}
	c.Pages = l.pages(w)
	return c, l.diags
}

type loader struct {
	fsys       fs.FS
	prefix     string
	diags      *diag.List
	yamlV3Only bool // parse with yaml.v3 alone, never with package fastyaml
}

// worker holds what one goroutine of the loader reuses from file to file,
// and the blocks of memory the records it loads keep.
type worker struct {
	buf   []byte
	lines []string
	fast  *fastyaml.Parser // nil when the loader is yamlV3Only
	dec   decoder
	roots map[*schema.Type]*pathNode
	paths pathList
	keep  blocks
}

func (l *loader) newWorker() *worker {
	w := &worker{roots: map[*schema.Type]*pathNode{}}
	if !l.yamlV3Only {
		w.fast = &fastyaml.Parser{Text: w.keep.string}
	}
	return w
}

// root returns the path of the top of a file of type t.
func (w *worker) root(t *schema.Type) *pathNode {
	n := w.roots[t]
	if n == nil {
		n = &pathNode{id: w.paths.add(""), list: &w.paths}
		w.roots[t] = n
	}
	return n
}

// singleton decodes a single-file setting such as site.yaml into v and
// returns the positions of its fields.
func (l *loader) singleton(w *worker, name string, v any) map[string]diag.Pos {
	file := l.prefix + name
	src, ok := l.readInto(w, name, file, l.diags)
	if !ok {
		return nil
	}
	text := string(src)
	w.lines = splitLines(w.lines, text)
	root, ok := parseYAML(w.fast, file, text, w.lines, 0, l.diags)
	if !ok {
		return nil
	}
	t := schema.Of(reflect.TypeOf(v).Elem())
	d := w.decoder(file, l.diags)
	d.value(root, reflect.ValueOf(v).Elem(), t, w.root(t))
	return d.positions(&w.keep).Map()
}

// records reads the record files of every kind (files[i] are those of
// model.Kinds[i]) in one parallel pass, so that no core waits for the
// last file of a kind before the next kind starts, and returns each
// kind's records sorted by ID.
func (l *loader) records(files [][]string) [][]*Record {
	type job struct{ kind, file int }
	var jobs []job
	records := make([][]*Record, len(files))
	lists := make([][]diag.List, len(files))
	for k, names := range files {
		records[k] = make([]*Record, len(names))
		lists[k] = make([]diag.List, len(names))
		for i := range names {
			jobs = append(jobs, job{k, i})
		}
	}
	_ = par.ForEach(len(jobs), runtime.GOMAXPROCS(0), l.newWorker, func(w *worker, j int) error {
		k, i := jobs[j].kind, jobs[j].file
		records[k][i] = l.record(w, model.Kinds[k], files[k][i], &lists[k][i])
		return nil
	})
	for k := range records {
		for i := range lists[k] {
			l.diags.Merge(&lists[k][i])
		}
		records[k] = slices.DeleteFunc(records[k], func(r *Record) bool { return r == nil })
		if !slices.IsSortedFunc(records[k], byID) {
			slices.SortFunc(records[k], byID)
		}
	}
	return records
}

func byID(a, b *Record) int { return strings.Compare(a.ID, b.ID) }

// recordFiles lists the YAML files of a kind's folder, reporting entries
// that cannot be records. A missing folder is an empty kind.
func (l *loader) recordFiles(k model.Kind) []string {
	entries, ok := l.readDir(k.Name)
	if !ok {
		return nil
	}
	var names []string
	ids := map[string]string{}
	for _, e := range entries {
		name, file := e.Name(), l.prefix+k.Name+"/"+e.Name()
		if !l.usableEntry(e, file, ".yaml") {
			continue
		}
		id := strings.TrimSuffix(name, ".yaml")
		if !validID(k.Name, id) {
			l.diags.Add(diag.Diagnostic{File: file, Message: "invalid record ID " + quote(id), Hint: idHint(k)})
			continue
		}
		if other, dup := ids[strings.ToLower(id)]; dup {
			l.diags.Errorf(file, diag.Pos{}, "ID %s differs from %s only in letter case", quote(id), quote(other))
			continue
		}
		ids[strings.ToLower(id)] = id
		names = append(names, name)
	}
	return names
}

// usableEntry reports whether a directory entry is a regular file with the
// extension, reporting anything else found in a content folder.
func (l *loader) usableEntry(e fs.DirEntry, file, ext string) bool {
	switch {
	case strings.HasPrefix(e.Name(), ".") && e.Type()&fs.ModeSymlink == 0:
		return false // editor swap files, .gitkeep
	case safefs.EntryErr(e) != nil:
		l.diags.Errorf(file, diag.Pos{}, "%v", safefs.EntryErr(e))
	case e.IsDir():
		l.diags.Errorf(file, diag.Pos{}, "unexpected folder in a content folder")
	case path.Ext(e.Name()) != ext:
		l.diags.Add(diag.Diagnostic{File: file, Message: "not a " + ext + " file", Hint: "content/" + path.Dir(file[len(l.prefix):]) + " holds only " + ext + " files"})
	default:
		return true
	}
	return false
}

func idHint(k model.Kind) string {
	if k.Name == "occupations" {
		return "name the file after its O*NET-SOC code, such as 29-1126.00.yaml"
	}
	return "use lower-case letters, digits and single hyphens, such as oh-respiratory-care-professional.yaml"
}

// record reads and decodes one record file.
func (l *loader) record(w *worker, k model.Kind, name string, diags *diag.List) *Record {
	file := l.prefix + k.Name + "/" + name
	src, ok := l.readInto(w, file[len(l.prefix):], file, diags)
	if !ok {
		return nil
	}
	// The text is the worker's buffer, which the next file overwrites. No
	// part of it outlives this call: fastyaml.Parse and yaml.v3 both copy
	// every value out of it, keys included; the lines cut from it serve
	// only diagnostics made now, whose messages are built anew; and
	// TestBufferReuse loads with the buffer scribbled over after each file.
	text := unsafe.String(unsafe.SliceData(src), len(src))
	w.lines = splitLines(w.lines, text)
	root, ok := parseYAML(w.fast, file, text, w.lines, 0, diags)
	if !ok {
		return nil
	}
	value := w.keep.value(k.Type)
	t := schema.Of(k.Type)
	d := w.decoder(file, diags)
	d.value(root, value.Elem(), t, w.root(t))
	r := w.keep.record()
	*r = Record{Kind: k, ID: strings.TrimSuffix(name, ".yaml"), File: file, Value: value.Interface(), Pos: d.positions(&w.keep), Refs: d.takeRefs(&w.keep)}
	if scribble {
		for i := range src {
			src[i] = '#'
		}
	}
	return r
}

// scribble, set by TestBufferReuse, overwrites each record file's text once
// it is loaded, so that anything left pointing into it shows.
var scribble bool

// readInto reads a file within the size limit into the worker's buffer,
// which it returns, and checks its bytes.
func (l *loader) readInto(w *worker, name, file string, diags *diag.List) ([]byte, bool) {
	src, err := readFile(l.fsys, name, w.buf[:0])
	if src != nil {
		w.buf = src[:0]
	}
	if err != nil {
		l.readErr(diags, file, err)
		return nil, false
	}
	return src, checkBytes(file, src, diags)
}

// readErr reports why a file or folder could not be read: a symbolic link
// or a special file at its own path (which may be a folder on the way),
// a file over the size limit, or what the system said.
func (l *loader) readErr(diags *diag.List, file string, err error) {
	var big tooLarge
	switch {
	case errors.As(err, &big) && big > MaxFileSize:
		diags.Errorf(file, diag.Pos{}, "file is %d bytes, over the limit of %d", int64(big), MaxFileSize)
	case errors.As(err, &big):
		diags.Errorf(file, diag.Pos{}, "file is over the limit of %d bytes", MaxFileSize)
	default:
		if msg, ok := safefs.Describe(err); ok {
			at, _ := safefs.Offender(err)
			diags.Errorf(l.prefix+at, diag.Pos{}, "%s", msg)
			return
		}
		diags.Errorf(file, diag.Pos{}, "cannot read: %v", unwrapPath(err))
	}
}

// readDir lists a folder of the content. A missing folder is empty; any
// other failure, such as a folder that is a symbolic link, is reported.
func (l *loader) readDir(name string) ([]fs.DirEntry, bool) {
	entries, err := fs.ReadDir(l.fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false
	}
	if err != nil {
		l.readErr(l.diags, l.prefix+name, err)
		return nil, false
	}
	return entries, true
}

// tooLarge is the size of a file over MaxFileSize, as its Stat says, or
// 0 when Stat says less than what was read.
type tooLarge int64

func (e tooLarge) Error() string { return "file too large" }

// readFile reads a file into buf, reusing its space, and fails once it
// has read more than MaxFileSize bytes, whatever the file's size claims.
func readFile(fsys fs.FS, name string, buf []byte) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if cap(buf) < 64<<10 {
		buf = make([]byte, 0, 64<<10)
	}
	buf, err = safefs.ReadLimited(f, buf, MaxFileSize)
	if errors.Is(err, safefs.ErrTooLarge) {
		big := tooLarge(0)
		if info, serr := f.Stat(); serr == nil && info.Size() > MaxFileSize {
			big = tooLarge(info.Size())
		}
		return buf, big
	}
	return buf, err
}

func unwrapPath(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

func quote(s string) string { return `"` + s + `"` }

// fieldString reads the string field whose YAML key is key from a record.
func fieldString(v any, key string) string {
	rv := reflect.ValueOf(v).Elem()
	if f, ok := schema.Of(rv.Type()).Field(key); ok && f.Type.Shape == schema.String {
		return rv.Field(f.Index).String()
	}
	return ""
}

// LoadRecord reads the one record file name (such as "oh-x.yaml") of kind k,
// for a rebuild after an edit to that file alone. It returns nil and the
// problems when the file cannot be decoded at all.
func LoadRecord(fsys fs.FS, prefix string, k model.Kind, name string) (*Record, *diag.List) {
	l := &loader{fsys: fsys, prefix: prefix, diags: &diag.List{}}
	w := l.newWorker()
	w.keep.exact = true
	return l.record(w, k, name, l.diags), l.diags
}
