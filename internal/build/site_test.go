package build

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestWholeSite walks the built shipped site: no double escaping, no
// inline script or style (the Content-Security-Policy forbids them), one
// h1 and a language on every page, no request to another site, and
// headers that keep the policy, and a <title> no other page has. Links and anchors are checked by the build
// itself, which fails on a broken one.
func TestWholeSite(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(context.Background(), Dirs("../..", "", out)); err != nil {
		t.Fatal(err)
	}
	files := snapshot(t, out)
	var (
		doubleEscaped = regexp.MustCompile(`&amp;(lt|gt|amp|quot|#\d+);`)
		inlineScript  = regexp.MustCompile(`<script(?:\s+(?:defer|async))*\s*>|<script\s+type="(?:text/javascript|module)"\s*>`)
		styleAttr     = regexp.MustCompile(`<[a-zA-Z][^>]*\sstyle\s*=`)
		eventAttr     = regexp.MustCompile(`<[a-zA-Z][^>]*\son[a-z]+\s*=`)
		external      = regexp.MustCompile(`<(?:script|img|iframe|source|audio|video)\b[^>]*\ssrc="(?:https?:)?//|<link\b[^>]*rel="(?:stylesheet|icon|preload|modulepreload|manifest)"[^>]*href="(?:https?:)?//`)
	)
	titled := map[string]string{} // <title> -> a page that has it
	for name, page := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		if m := titleRE.FindStringSubmatch(page); m == nil {
			t.Errorf("%s: no <title>", name)
		} else if other, ok := titled[m[1]]; ok {
			t.Errorf("%s and %s share the title %q", name, other, m[1])
		} else {
			titled[m[1]] = name
		}
		for what, re := range map[string]*regexp.Regexp{"double escaping": doubleEscaped, "an inline script": inlineScript,
			"a style attribute": styleAttr, "an event-handler attribute": eventAttr, "a resource from another site": external} {
			if m := re.FindString(page); m != "" {
				t.Errorf("%s: %s: %q", name, what, m)
			}
		}
		if n := strings.Count(page, "<h1"); n != 1 {
			t.Errorf("%s: %d h1 elements, want 1", name, n)
		}
		if !strings.Contains(page, `<html lang="`) {
			t.Errorf("%s: no lang on html", name)
		}
	}
	checkHeaders(t, files["_headers"])
	checkSearchSize(t, files)
}

// checkSearchSize holds what a reader downloads before the first
// suggestion (index.json and the parts it lists) under 50 KB gzipped.
func checkSearchSize(t *testing.T, files map[string]string) {
	t.Helper()
	head := files["search/index.json"]
	var index struct{ Parts []string }
	if err := json.Unmarshal([]byte(head), &index); err != nil {
		t.Fatalf("search/index.json: %v", err)
	}
	var b bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	zw.Write([]byte(head))
	for _, p := range index.Parts {
		zw.Write([]byte(files[strings.TrimPrefix(p, "/")]))
	}
	zw.Close()
	if b.Len() > 50<<10 {
		t.Errorf("the search index is %d bytes gzipped; keep it under 50 KB", b.Len())
	}
	t.Logf("search index: %d bytes, %d gzipped", len(head), b.Len())
}

var titleRE = regexp.MustCompile(`<title>([^<]*)</title>`)

// checkHeaders parses Netlify's _headers and checks the policy every page
// gets.
func checkHeaders(t *testing.T, text string) {
	t.Helper()
	all := map[string]string{}
	path := ""
	sc := bufio.NewScanner(strings.NewReader(text))
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#"):
		case !strings.HasPrefix(line, " ") && !strings.HasPrefix(line, "\t"):
			path = strings.TrimSpace(line)
		case path == "/*":
			name, value, _ := strings.Cut(strings.TrimSpace(line), ":")
			all[strings.ToLower(name)] = strings.TrimSpace(value)
		}
	}
	csp := all["content-security-policy"]
	for _, want := range []string{"default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'", "frame-ancestors 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("Content-Security-Policy %q lacks %q", csp, want)
		}
	}
	if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") || strings.Contains(csp, "http") || strings.Contains(csp, "*") {
		t.Errorf("Content-Security-Policy allows too much: %q", csp)
	}
	for name, want := range map[string]string{"x-content-type-options": "nosniff", "referrer-policy": "strict-origin-when-cross-origin", "permissions-policy": "camera=()"} {
		if !strings.Contains(all[name], want) {
			t.Errorf("header %s = %q, want it to contain %q", name, all[name], want)
		}
	}
}
