package load_test

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/licensure/licensure/internal/diag"
	"github.com/licensure/licensure/internal/load"
	"github.com/licensure/licensure/internal/load/zzorig"
	"github.com/licensure/licensure/internal/model"
)

func diagStrings(l *diag.List) []string {
	var out []string
	for _, d := range l.Items() {
		out = append(out, d.String())
	}
	return out
}

func compareLoads(t *testing.T, fsys fstest.MapFS, dirfs string) string {
	var a *zzorig.Content
	var b *load.Content
	var da, db *diag.List
	if dirfs != "" {
		a, da = zzorig.Load(os.DirFS(dirfs), "content/")
		b, db = load.Load(os.DirFS(dirfs), "content/")
	} else {
		a, da = zzorig.Load(fsys, "content/")
		b, db = load.Load(fsys, "content/")
	}
	if x, y := diagStrings(da), diagStrings(db); !reflect.DeepEqual(x, y) {
		return fmt.Sprintf("diags differ:\n%q\n%q", x, y)
	}
	if !reflect.DeepEqual(a.Site, b.Site) || !reflect.DeepEqual(a.States, b.States) {
		return "site or states differ"
	}
	if !reflect.DeepEqual(a.SitePos, b.SitePos) || !reflect.DeepEqual(a.StatesPos, b.StatesPos) {
		return fmt.Sprintf("site/states pos differ %v %v / %v %v", a.SitePos, b.SitePos, a.StatesPos, b.StatesPos)
	}
	for _, k := range model.Kinds {
		ra, rb := a.Records[k.Name], b.Records[k.Name]
		if len(ra) != len(rb) {
			return fmt.Sprintf("%s: %d vs %d records", k.Name, len(ra), len(rb))
		}
		for i := range ra {
			x, y := ra[i], rb[i]
			if x.Kind.Name != y.Kind.Name || x.ID != y.ID || x.File != y.File {
				return "record meta differs"
			}
			if !reflect.DeepEqual(x.Value, y.Value) {
				return fmt.Sprintf("%s value differs:\n%#v\n%#v", x.File, x.Value, y.Value)
			}
			if m := y.Pos.Map(); y.Pos.Len() != len(m) || !reflect.DeepEqual(x.Pos, m) && !(len(x.Pos) == 0 && len(m) == 0) {
				return fmt.Sprintf("%s pos differs:\n%v\n%v", x.File, x.Pos, m)
			}
			for p := range x.Pos {
				if x.At(p) != y.At(p) {
					return "At differs"
				}
			}
			if len(x.Refs) != len(y.Refs) {
				return fmt.Sprintf("%s refs differ:\n%+v\n%+v", x.File, x.Refs, y.Refs)
			}
			for j := range x.Refs {
				rx, ry := x.Refs[j], y.Refs[j]
				if rx.Kind != ry.Kind || rx.ID != ry.ID || rx.Field != ry.Field || rx.Pos != ry.Pos || rx.Link != ry.Link {
					return fmt.Sprintf("%s refs differ:\n%+v\n%+v", x.File, x.Refs, y.Refs)
				}
			}
			if x.Title() != y.Title() {
				return "title differs"
			}
		}
	}
	if len(a.Pages) != len(b.Pages) {
		return "pages differ"
	}
	for i := range a.Pages {
		x, y := a.Pages[i], b.Pages[i]
		if x.ID != y.ID || x.File != y.File || x.Meta != y.Meta || x.Body != y.Body || x.BodyLine != y.BodyLine || fmt.Sprint(x.Refs) != fmt.Sprint(y.Refs) {
			return fmt.Sprintf("page differs %+v %+v", x, y)
		}
	}
	return ""
}

func TestZZDiffContent(t *testing.T) {
	for _, dir := range []string{"../../content", os.Getenv("DIFF_DIR")} {
		if dir == "" {
			continue
		}
		if msg := compareLoads(t, nil, dir); msg != "" {
			t.Fatal(dir, msg)
		}
	}
}

const siteYAML = "title: t\ndescription: d\nbase_url: https://x.org\nrepository: https://x.org\nedit_url: \"{path}\"\nissue_url: \"{title}\"\n"
const statesYAML = "states:\n  - {code: OH, name: Ohio, type: state}\n"

func TestZZDiffMutate(t *testing.T) {
	budget, _ := strconv.Atoi(os.Getenv("MUT_SECONDS"))
	if budget == 0 {
		t.Skip()
	}
	var seeds []string
	var seedKinds []string
	for _, k := range model.Kinds {
		files, _ := filepath.Glob("../../content/" + k.Name + "/*.yaml")
		for _, f := range files[:min(len(files), 6)] {
			b, _ := os.ReadFile(f)
			seeds = append(seeds, string(b))
			seedKinds = append(seedKinds, k.Name)
		}
	}
	pages, _ := filepath.Glob("../../content/pages/*.md")
	alpha := []string{" ", "  ", "\n", "-", "- ", ":", ": ", "#", " #", "|", "|-", "[", "]", ",", "\"", "'", "a", "0", "1", "é", "x: y\n", "  - ", "{", "}", "?", "*", "&", "!", ".", "~", "\\", "\n  ", "\n    ", "\n- ", "null", "true", "2026-01-01", "\n\n", "\t", "\r", "---\n", "](board:x)", "](license:", "https://", "//", "oh", "OH", "29-1126.00", "[[", "name: ", "sources:\n  - ", "url: ", "\xff", "\uFEFF", "[]", "aliases: []\n", "occupations: []\n", " [] "}
	rnd := rand.New(rand.NewSource(time.Now().UnixNano()))
	deadline := time.Now().Add(time.Duration(budget) * time.Second)
	n := 0
	mutate := func(s string) string {
		for range 1 + rnd.Intn(4) {
			if len(s) == 0 {
				s = alpha[rnd.Intn(len(alpha))]
				continue
			}
			i := rnd.Intn(len(s) + 1)
			switch rnd.Intn(4) {
			case 0:
				s = s[:i] + alpha[rnd.Intn(len(alpha))] + s[i:]
			case 1:
				j := min(len(s), i+1+rnd.Intn(3))
				if i < len(s) {
					s = s[:i] + s[j:]
				}
			case 2:
				j := min(len(s), i+1)
				s = s[:i] + alpha[rnd.Intn(len(alpha))] + s[j:]
			case 3:
				lines := strings.Split(s, "\n")
				k := rnd.Intn(len(lines))
				lines = append(lines[:k+1], lines[k:]...)
				s = strings.Join(lines, "\n")
			}
		}
		return s
	}
	for time.Now().Before(deadline) {
		fsys := fstest.MapFS{"site.yaml": {Data: []byte(siteYAML)}, "states.yaml": {Data: []byte(statesYAML)}}
		var desc []string
		for range 1 + rnd.Intn(3) {
			i := rnd.Intn(len(seeds))
			name := seedKinds[i] + "/x" + strconv.Itoa(rnd.Intn(3)) + ".yaml"
			if seedKinds[i] == "occupations" {
				name = "occupations/29-1126.0" + strconv.Itoa(rnd.Intn(3)) + ".yaml"
			}
			s := mutate(seeds[i])
			fsys[name] = &fstest.MapFile{Data: []byte(s)}
			desc = append(desc, name+":\n"+s)
		}
		switch rnd.Intn(6) {
		case 0:
			s := mutate(siteYAML)
			fsys["site.yaml"] = &fstest.MapFile{Data: []byte(s)}
			desc = append(desc, "site:\n"+s)
		case 1:
			s := mutate(statesYAML)
			fsys["states.yaml"] = &fstest.MapFile{Data: []byte(s)}
			desc = append(desc, "states:\n"+s)
		case 2:
			b, _ := os.ReadFile(pages[rnd.Intn(len(pages))])
			s := mutate(string(b))
			fsys["pages/p.md"] = &fstest.MapFile{Data: []byte(s)}
			desc = append(desc, "page:\n"+s)
		}
		if msg := compareLoads(t, fsys, ""); msg != "" {
			t.Fatalf("%s\nfiles:\n%s", msg, strings.Join(desc, "\n-----\n"))
		}
		n++
	}
	t.Logf("%d folders compared", n)
}
