package markdown

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// shippedProse returns every string of the shipped content with a space in
// it, prose and short facts alike, so that the fuzz targets that hold the
// fast paths to goldmark start from the site's own text, and every test
// run checks them on it.
func shippedProse(tb testing.TB) []string {
	tb.Helper()
	var out []string
	err := filepath.WalkDir("../../content", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".yaml") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		var v any
		if err := yaml.Unmarshal(src, &v); err != nil {
			return err
		}
		out = appendStrings(out, v)
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	if len(out) < 1000 {
		tb.Fatalf("found %d texts in the shipped content, want the whole of it", len(out))
	}
	return out
}

func appendStrings(out []string, v any) []string {
	switch v := v.(type) {
	case string:
		if strings.Contains(v, " ") {
			out = append(out, v)
		}
	case []any:
		for _, x := range v {
			out = appendStrings(out, x)
		}
	case map[string]any:
		for _, x := range v {
			out = appendStrings(out, x)
		}
	}
	return out
}

// TestProseCoversShippedContent says how much of the shipped prose the
// fast paths take, so that a change that stops taking it shows.
func TestProseCoversShippedContent(t *testing.T) {
	r := New(anyRecord)
	texts := shippedProse(t)
	fast, lean := 0, 0
	for _, s := range texts {
		if _, ok := r.prose(s); ok {
			fast++
		} else if !needsFull(s) {
			lean++
		}
	}
	t.Logf("%d texts: %d by the prose path, %d by the lean parser, %d by the whole one", len(texts), fast, lean, len(texts)-fast-lean)
	if fast*2 < len(texts) {
		t.Errorf("the prose path takes %d of %d shipped texts, want most", fast, len(texts))
	}
}
