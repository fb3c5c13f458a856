package resolve

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/licensure/licensure/internal/load"
	"github.com/licensure/licensure/internal/synth"
)

func ids[T interface{ id() string }](xs []T) string {
	var b strings.Builder
	for _, x := range xs {
		b.WriteString(x.id())
		b.WriteByte(' ')
	}
	return b.String()
}
func (s *State) id() string         { return s.ID }
func (s *Specialty) id() string     { return s.ID }
func (c *Certification) id() string { return c.ID }
func (o *Occupation) id() string    { return o.ID }
func (i *Issuer) id() string        { return i.ID }
func (f *Family) id() string        { return f.ID }
func (b *Board) id() string         { return b.ID }
func (l *License) id() string       { return l.ID }
func (p *Page) id() string          { return p.ID }
func pid[T interface{ id() string }](x T, isNil bool) string {
	if isNil {
		return "<nil>"
	}
	return x.id()
}

func dump(g *Graph) string {
	var b strings.Builder
	w := func(f string, a ...any) { fmt.Fprintf(&b, f, a...) }
	w("site %+v\n", g.Site)
	for _, s := range g.States {
		w("state %s %+v %s | %s | %s\n", s.ID, s.Meta, s.Name, ids(s.Licenses), ids(s.Boards))
	}
	for _, f := range g.Families {
		w("family %+v %s | %s | %s | %s | %s\n", f.Meta, f.Name, ids(f.Specialties), ids(f.Occupations), ids(f.Licenses), ids(f.Jurisdictions))
	}
	for _, s := range g.Specialties {
		w("spec %+v %s %s | %s | %s | %s | %s | %s\n", s.Meta, s.Name, pid(s.Family, s.Family == nil), ids(s.Occupations), ids(s.Licenses), ids(s.Certifications), ids(s.Jurisdictions), ids(s.NotLicensed))
	}
	for _, o := range g.Occupations {
		w("occ %+v | %s | %s | %s\n", o.Meta, ids(o.Licenses), ids(o.Specialties), ids(o.Families))
	}
	for _, l := range g.Licenses {
		w("lic %+v %s %s %s | %s |", l.Meta, l.State.ID, l.Specialty.ID, l.Board.ID, ids(l.Occupations))
		for _, c := range l.Certifications {
			w(" %s/%s", c.Cert.ID, c.Role)
		}
		w("\n")
	}
	for _, x := range g.Boards {
		w("board %+v %s | %s\n", x.Meta, x.State.ID, ids(x.Licenses))
	}
	for _, c := range g.Certifications {
		w("cert %+v %s | %s |", c.Meta, pid(c.Issuer, c.Issuer == nil), ids(c.Specialties))
		for _, l := range c.Licenses {
			w(" %s/%s", l.License.ID, l.Role)
		}
		w("\n")
	}
	for _, i := range g.Issuers {
		w("issuer %+v | %s\n", i.Meta, ids(i.Certifications))
	}
	for _, p := range g.Pages {
		w("page %+v %q %q %d %d\n", p.Meta, p.Title, p.Description, p.Order, len(p.Body))
	}
	var keys []string
	for _, k := range []string{"state", "family", "specialty", "occupation", "license", "board", "certification", "issuer", "page"} {
		for _, list := range [][]string{} {
			_ = list
		}
		_ = k
	}
	for _, x := range g.Licenses {
		for _, k := range []string{"license:" + x.ID, "board:" + x.Board.ID, "state:" + x.State.ID, "specialty:" + x.Specialty.ID} {
			keys = append(keys, k)
		}
	}
	for _, p := range g.Pages {
		keys = append(keys, "page:"+p.ID)
	}
	sort.Strings(keys)
	for _, k := range keys {
		kind, id, _ := strings.Cut(k, ":")
		l, ok := g.Lookup(kind, id)
		w("link %s %v %+v\n", k, ok, l)
	}
	return b.String()
}

func TestZZDump(t *testing.T) {
	out := os.Getenv("DUMP_OUT")
	if out == "" {
		t.Skip()
	}
	for _, n := range []int{1000, 10000} {
		dir := t.TempDir() + "/content"
		if _, err := synth.Write(dir, synth.Options{Licenses: n, Seed: 1, Today: time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)}); err != nil {
			t.Fatal(err)
		}
		c, diags := load.Load(os.DirFS(dir), "content/")
		if diags.Errors() > 0 {
			t.Fatal(diags.Items()[0])
		}
		if err := os.WriteFile(fmt.Sprintf("%s.%d", out, n), []byte(dump(Resolve(c))), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
