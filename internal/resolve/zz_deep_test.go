package resolve_test

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/licensure/licensure/internal/load"
	"github.com/licensure/licensure/internal/resolve"
	"github.com/licensure/licensure/internal/resolve/zzorig"
	"github.com/licensure/licensure/internal/sitetest"
	"github.com/licensure/licensure/internal/synth"
)

// walk compares a and b, values of parallel types, by field name.
func walk(a, b reflect.Value, path string, depth int) error {
	if a.Kind() != b.Kind() {
		return fmt.Errorf("%s: kind %v vs %v", path, a.Kind(), b.Kind())
	}
	switch a.Kind() {
	case reflect.Pointer:
		if a.IsNil() != b.IsNil() {
			return fmt.Errorf("%s: nil %v vs %v", path, a.IsNil(), b.IsNil())
		}
		if a.IsNil() {
			return nil
		}
		if depth > 0 {
			// A pointer to another record: compare its ID only.
			if f := a.Elem().FieldByName("ID"); f.IsValid() && a.Elem().Kind() == reflect.Struct {
				if f.String() != b.Elem().FieldByName("ID").String() {
					return fmt.Errorf("%s: -> %s vs %s", path, f.String(), b.Elem().FieldByName("ID").String())
				}
				return nil
			}
		}
		if a.Elem().Type().PkgPath() == "github.com/licensure/licensure/internal/model" {
			if !reflect.DeepEqual(a.Interface(), b.Interface()) {
				return fmt.Errorf("%s: model differs", path)
			}
			if a.Pointer() != b.Pointer() {
				return fmt.Errorf("%s: model pointer differs", path)
			}
			return nil
		}
		return walk(a.Elem(), b.Elem(), path, depth+1)
	case reflect.Slice:
		if a.IsNil() != b.IsNil() || a.Len() != b.Len() {
			return fmt.Errorf("%s: slice nil %v/%v len %d/%d", path, a.IsNil(), b.IsNil(), a.Len(), b.Len())
		}
		for i := range a.Len() {
			if err := walk(a.Index(i), b.Index(i), fmt.Sprintf("%s[%d]", path, i), depth); err != nil {
				return err
			}
		}
	case reflect.Struct:
		if a.Type().PkgPath() != "github.com/licensure/licensure/internal/resolve" && a.Type().PkgPath() != "github.com/licensure/licensure/internal/resolve/zzorig" {
			if !reflect.DeepEqual(a.Interface(), b.Interface()) {
				return fmt.Errorf("%s: %v vs %v", path, a.Interface(), b.Interface())
			}
			return nil
		}
		for i := range a.NumField() {
			f := a.Type().Field(i)
			if !f.IsExported() {
				continue
			}
			bf := b.FieldByName(f.Name)
			if err := walk(a.Field(i), bf, path+"."+f.Name, depth); err != nil {
				return err
			}
		}
	default:
		if !reflect.DeepEqual(a.Interface(), b.Interface()) {
			return fmt.Errorf("%s: %v vs %v", path, a.Interface(), b.Interface())
		}
	}
	return nil
}

func TestZZDeep(t *testing.T) {
	var contents []*load.Content
	c, _ := load.Load(sitetest.FS(sitetest.Base()), "content/")
	contents = append(contents, c)
	c, _ = load.Load(os.DirFS("../../content"), "content/")
	contents = append(contents, c)
	dir := filepath.Join(t.TempDir(), "content")
	synth.Write(dir, synth.Options{Licenses: 2000, Seed: 3, Today: time.Now()})
	c, _ = load.Load(os.DirFS(dir), "content/")
	contents = append(contents, c)
	empty := &load.Content{Records: map[string][]*load.Record{}}
	contents = append(contents, empty)
	for i, c := range contents {
		a := zzorig.Resolve(c)
		b := resolve.Resolve(c)
		if err := walk(reflect.ValueOf(a), reflect.ValueOf(b), "g", 0); err != nil {
			t.Errorf("content %d: %v", i, err)
		}
		for _, l := range b.Licenses {
			for _, k := range []string{"license", "board"} {
				la, oka := a.Lookup(k, l.ID)
				lb, okb := b.Lookup(k, l.ID)
				if la.URL != lb.URL || la.Title != lb.Title || oka != okb {
					t.Errorf("lookup differs")
				}
			}
		}
	}
}
