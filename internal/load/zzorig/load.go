// Package load reads a content folder into typed records.
//
// Load reads through an fs.FS, so tests hand in fstest.MapFS or an unpacked
// txtar archive. It reports every structural problem at once, each at its
// file:line:col: unreadable or hostile files, YAML syntax, duplicate keys,
// unknown fields (with a "did you mean"), wrong types, missing required
// fields, bad formats and bad IDs. It never reports on references between
// records, which need the whole content: that is package check's job, from
// the Refs each record carries.
//
// A record with errors is still returned, as far as it decoded, so that
// later checks can report on it too; callers stop when the list has errors.
package zzorig

import (
	"io/fs"
	"path"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/licensure/licensure/internal/diag"
	"github.com/licensure/licensure/internal/model"
	"github.com/licensure/licensure/internal/schema"
)

// Load reads the content folder fsys. prefix is prepended to file names in
// diagnostics and records, usually "content/".
func Load(fsys fs.FS, prefix string) (*Content, *diag.List) {
	l := &loader{fsys: fsys, prefix: prefix, diags: &diag.List{}}
	c := &Content{Records: map[string][]*Record{}}
	c.SitePos = l.singleton("site.yaml", &c.Site)
	var states model.States
	c.StatesPos = l.singleton("states.yaml", &states)
	c.States = states.States
	for _, k := range model.Kinds {
		c.Records[k.Name] = l.kind(k)
	}
	c.Pages = l.pages()
	return c, l.diags
}

type loader struct {
	fsys   fs.FS
	prefix string
	diags  *diag.List
}

// singleton decodes a single-file setting such as site.yaml into v and
// returns the positions of its fields.
func (l *loader) singleton(name string, v any) map[string]diag.Pos {
	file := l.prefix + name
	src, ok := l.read(name, file)
	if !ok {
		return nil
	}
	lines := splitLines(src)
	root, ok := parseYAML(file, src, lines, 0, l.diags)
	if !ok {
		return nil
	}
	d := newDecoder(file, lines, l.diags)
	d.value(root, reflect.ValueOf(v).Elem(), schema.Of(reflect.TypeOf(v).Elem()), "")
	return d.pos
}

// kind reads every record of a kind, in parallel, sorted by ID.
func (l *loader) kind(k model.Kind) []*Record {
	names := l.recordFiles(k)
	records := make([]*Record, len(names))
	lists := make([]diag.List, len(names))
	var wg sync.WaitGroup
	work := make(chan int)
	for range min(runtime.GOMAXPROCS(0), max(len(names), 1)) {
		wg.Go(func() {
			for i := range work {
				records[i] = l.record(k, names[i], &lists[i])
			}
		})
	}
	for i := range names {
		work <- i
	}
	close(work)
	wg.Wait()
	for i := range lists {
		l.diags.Merge(&lists[i])
	}
	records = slices.DeleteFunc(records, func(r *Record) bool { return r == nil })
	slices.SortFunc(records, func(a, b *Record) int { return strings.Compare(a.ID, b.ID) })
	return records
}

// recordFiles lists the YAML files of a kind's folder, reporting entries
// that cannot be records. A missing folder is an empty kind.
func (l *loader) recordFiles(k model.Kind) []string {
	entries, err := fs.ReadDir(l.fsys, k.Name)
	if err != nil {
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
	case strings.HasPrefix(e.Name(), "."):
		return false // editor swap files, .gitkeep
	case e.Type()&fs.ModeSymlink != 0:
		l.diags.Errorf(file, diag.Pos{}, "symbolic links are not allowed in content")
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
func (l *loader) record(k model.Kind, name string, diags *diag.List) *Record {
	file := l.prefix + k.Name + "/" + name
	src, ok := l.readInto(k.Name+"/"+name, file, diags)
	if !ok {
		return nil
	}
	lines := splitLines(src)
	root, ok := parseYAML(file, src, lines, 0, diags)
	if !ok {
		return nil
	}
	value := reflect.New(k.Type)
	d := newDecoder(file, lines, diags)
	d.value(root, value.Elem(), schema.Of(k.Type), "")
	return &Record{Kind: k, ID: strings.TrimSuffix(name, ".yaml"), File: file, Value: value.Interface(), Pos: d.pos, Refs: d.refs}
}

func (l *loader) read(name, file string) ([]byte, bool) {
	return l.readInto(name, file, l.diags)
}

// readInto reads a file within the size limit and checks its bytes.
func (l *loader) readInto(name, file string, diags *diag.List) ([]byte, bool) {
	info, err := fs.Stat(l.fsys, name)
	if err != nil {
		diags.Errorf(file, diag.Pos{}, "cannot read: %v", unwrapPath(err))
		return nil, false
	}
	if info.Size() > MaxFileSize {
		diags.Errorf(file, diag.Pos{}, "file is %d bytes, over the limit of %d", info.Size(), MaxFileSize)
		return nil, false
	}
	src, err := fs.ReadFile(l.fsys, name)
	if err != nil {
		diags.Errorf(file, diag.Pos{}, "cannot read: %v", unwrapPath(err))
		return nil, false
	}
	return src, checkBytes(file, src, diags)
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
	return l.record(k, name, l.diags), l.diags
}
