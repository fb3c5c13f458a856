package check_test

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/licensure/licensure/internal/check"
	"github.com/licensure/licensure/internal/check/zzorig"
	"github.com/licensure/licensure/internal/diag"
	"github.com/licensure/licensure/internal/load"
	"github.com/licensure/licensure/internal/sitetest"
	"github.com/licensure/licensure/internal/synth"
)

func run2(c *load.Content, today time.Time, maxAge int) ([]string, []string) {
	var a, b diag.List
	zzorig.Check(c, zzorig.Options{Today: today, MaxAge: maxAge}, &a)
	check.Check(c, check.Options{Today: today, MaxAge: maxAge}, &b)
	s := func(l *diag.List) []string {
		var out []string
		for _, d := range l.Items() {
			out = append(out, d.String())
		}
		return out
	}
	return s(&a), s(&b)
}

func TestZZCheckDiff(t *testing.T) {
	budget, _ := strconv.Atoi(os.Getenv("MUT_SECONDS"))
	if budget == 0 {
		t.Skip()
	}
	dir := filepath.Join(t.TempDir(), "content")
	if _, err := synth.Write(dir, synth.Options{Licenses: 300, Seed: 1, Today: time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	base := map[string]string{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if d.IsDir() {
			return nil
		}
		b, _ := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		base[rel] = string(b)
		return nil
	})
	for k, v := range sitetest.Base() {
		if strings.HasPrefix(k, "pages/") {
			base[k] = v
		}
	}
	names := make([]string, 0, len(base))
	for k := range base {
		names = append(names, k)
	}
	sort.Strings(names)
	rnd := rand.New(rand.NewSource(time.Now().UnixNano()))
	words := []string{"OH", "TX", "AK", "ZZ", "x", "ak-", "-", "oh-board", "  ", "Acute", "ACUTE", "acute\t", "é", "É", "\u00a0", "2020-01-01", "2026-11-24", "2025-11-24", "2025-11-23", "2025-11-25", "board:", "](license:", "](state:ZZ)", "](board:x)", "|", "\n"}
	deadline := time.Now().Add(time.Duration(budget) * time.Second)
	n := 0
	seen := map[string]int{}
	for time.Now().Before(deadline) {
		files := map[string]string{}
		for k, v := range base {
			files[k] = v
		}
		var desc []string
		for range 1 + rnd.Intn(8) {
			name := names[rnd.Intn(len(names))]
			s := files[name]
			switch rnd.Intn(4) {
			case 0: // replace a value word
				lines := strings.Split(s, "\n")
				i := rnd.Intn(len(lines))
				if j := strings.Index(lines[i], ": "); j >= 0 {
					lines[i] = lines[i][:j+2] + words[rnd.Intn(len(words))] + lines[i][j+2:][min(len(lines[i][j+2:]), rnd.Intn(6)):]
				}
				s = strings.Join(lines, "\n")
			case 1: // copy another file of the same kind
				other := names[rnd.Intn(len(names))]
				if filepath.Dir(other) == filepath.Dir(name) {
					s = files[other]
				}
			case 2: // delete
				delete(files, name)
				desc = append(desc, "deleted "+name)
				continue
			case 3: // insert a word
				i := rnd.Intn(len(s) + 1)
				s = s[:i] + words[rnd.Intn(len(words))] + s[i:]
			}
			files[name] = s
			desc = append(desc, name)
		}
		c, _ := load.Load(sitetest.FS(files), "content/")
		today := time.Date(2026, time.Month(1+rnd.Intn(12)), 1+rnd.Intn(28), rnd.Intn(24), 0, 0, 0, []*time.Location{time.UTC, time.FixedZone("x", -5*3600), time.FixedZone("y", 9*3600)}[rnd.Intn(3)])
		if rnd.Intn(5) == 0 {
			today = time.Time{}
		}
		a, b := run2(c, today, rnd.Intn(14))
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("differ after %v:\n%s", desc, diffLines(a, b))
		}
		n++
		kinds := map[string]bool{}
		for _, x := range a {
			for _, m := range []string{"unknown", "same", "is in", "no issuer", "no record refers", "reviewed", "listed twice", "must contain"} {
				if strings.Contains(x, m) {
					kinds[m] = true
				}
			}
		}
		for m := range kinds {
			seen[m]++
		}
	}
	t.Logf("%d contents compared; %v", n, seen)
}

func diffLines(a, b []string) string {
	var out []string
	in := func(x string, l []string) bool {
		for _, y := range l {
			if x == y {
				return true
			}
		}
		return false
	}
	for _, x := range a {
		if !in(x, b) {
			out = append(out, "- "+x)
		}
	}
	for _, x := range b {
		if !in(x, a) {
			out = append(out, "+ "+x)
		}
	}
	return fmt.Sprint(len(a), len(b), "\n", strings.Join(out, "\n"))
}
