package load

import (
	"math/rand"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestZZMutate(t *testing.T) {
	budget, _ := strconv.Atoi(os.Getenv("MUT_SECONDS"))
	if budget == 0 {
		t.Skip()
	}
	seeds := append([]string{}, fastCases...)
	files, _ := filepath.Glob("../../content/*/*.yaml")
	for _, f := range files[:40] {
		b, _ := os.ReadFile(f)
		seeds = append(seeds, string(b))
	}
	alpha := []string{" ", "  ", "\n", "-", "- ", ":", ": ", "#", " #", "|", "|-", "[", "]", ",", "\"", "'", "a", "0", "1", "é", "\u00a0", "x: y\n", "  - ", "{", "}", "?", "*", "&", "!", ".", "~", "\\", "|\n  ", "\n  ", "\n    ", "\n- ", "null", "true", "2026-01-01", "\n\n", "%", "@", "`", ">"}
	rnd := rand.New(rand.NewSource(time.Now().UnixNano()))
	var p fastParser
	deadline := time.Now().Add(time.Duration(budget) * time.Second)
	n, acc := 0, 0
	for time.Now().Before(deadline) {
		s := seeds[rnd.Intn(len(seeds))]
		for range 1 + rnd.Intn(4) {
			if len(s) == 0 {
				s = alpha[rnd.Intn(len(alpha))]
				continue
			}
			i := rnd.Intn(len(s) + 1)
			switch rnd.Intn(4) {
			case 0: // insert
				s = s[:i] + alpha[rnd.Intn(len(alpha))] + s[i:]
			case 1: // delete
				j := min(len(s), i+1+rnd.Intn(3))
				if i < len(s) {
					s = s[:i] + s[j:]
				}
			case 2: // replace
				j := min(len(s), i+1)
				s = s[:i] + alpha[rnd.Intn(len(alpha))] + s[j:]
			case 3: // duplicate a line
				lines := strings.Split(s, "\n")
				k := rnd.Intn(len(lines))
				lines = append(lines[:k+1], lines[k:]...)
				s = strings.Join(lines, "\n")
			}
		}
		if !strings.ContainsRune(s, '\uFFFD') && checkFast(t, &p, s) {
			acc++
		}
		n++
	}
	t.Logf("%d texts, %d accepted", n, acc)
}
