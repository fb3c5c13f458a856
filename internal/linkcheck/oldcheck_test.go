package linkcheck

// The link check as it was before the collector: it reads the whole site,
// keeps every page's links and ids, and resolves each link with url.Parse
// and ResolveReference. The tests keep it as the reference the collector
// must agree with.

import (
	"cmp"
	"fmt"
	"html"
	"io/fs"
	"net/url"
	"path"
	"slices"
	"strings"
)

// page is what a scan finds in one HTML file.
type oldPage struct {
	links []string
	ids   map[string]int
}

// rawText are the elements whose content is text, not markup.
var oldRawText = map[string]bool{"script": true, "style": true, "title": true, "textarea": true}

// scan extracts the links and ids of an HTML document in one pass: it
// skips comments, doctype and end tags, reads each start tag's attributes
// (quoted or not) and jumps over the content of raw-text elements.
func oldScan(doc string) oldPage {
	p := oldPage{ids: map[string]int{}}
	for i := 0; i < len(doc); {
		j := strings.IndexByte(doc[i:], '<')
		if j < 0 {
			break
		}
		i += j
		rest := doc[i:]
		if strings.HasPrefix(rest, "<!--") {
			k := strings.Index(rest[4:], "-->")
			if k < 0 {
				break
			}
			i += 4 + k + 3
			continue
		}
		if len(rest) < 2 || !oldIsLetter(rest[1]) {
			i++ // an end tag, a doctype or a stray "<"
			continue
		}
		name, attrs, n := oldStartTag(rest)
		if n == 0 {
			i++
			continue
		}
		i += n
		for _, a := range attrs {
			switch {
			case a.key == "href" || a.key == "src" || a.key == "action":
				p.links = append(p.links, a.val)
			case a.key == "id" || a.key == "name" && name == "a":
				p.ids[a.val]++
			}
		}
		if oldRawText[name] {
			i += oldEndOf(doc[i:], name)
		}
	}
	return p
}

type oldAttribute struct{ key, val string }

func oldIsLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func oldIsSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// startTag reads the start tag s begins with and returns its lower-case
// name, its attributes with values decoded, and its length; a length of 0
// means s holds no complete tag.
func oldStartTag(s string) (string, []oldAttribute, int) {
	i := 1
	for i < len(s) && !oldIsSpace(s[i]) && s[i] != '/' && s[i] != '>' {
		i++
	}
	name := strings.ToLower(s[1:i])
	var attrs []oldAttribute
	for i < len(s) {
		for i < len(s) && (oldIsSpace(s[i]) || s[i] == '/') {
			i++
		}
		if i >= len(s) {
			break
		}
		if s[i] == '>' {
			return name, attrs, i + 1
		}
		k := i
		for i < len(s) && !oldIsSpace(s[i]) && s[i] != '=' && s[i] != '>' && s[i] != '/' {
			i++
		}
		a := oldAttribute{key: strings.ToLower(s[k:i])}
		for i < len(s) && oldIsSpace(s[i]) {
			i++
		}
		if i < len(s) && s[i] == '=' {
			i++
			for i < len(s) && oldIsSpace(s[i]) {
				i++
			}
			if i < len(s) && (s[i] == '"' || s[i] == '\'') {
				end := strings.IndexByte(s[i+1:], s[i])
				if end < 0 {
					return "", nil, 0
				}
				a.val = s[i+1 : i+1+end]
				i += end + 2
			} else {
				v := i
				for i < len(s) && !oldIsSpace(s[i]) && s[i] != '>' {
					i++
				}
				a.val = s[v:i]
			}
			a.val = html.UnescapeString(a.val)
		}
		attrs = append(attrs, a)
	}
	return "", nil, 0
}

// endOf returns where the end tag of the raw-text element name begins in
// s, or len(s).
func oldEndOf(s, name string) int {
	for i := 0; ; {
		j := strings.Index(s[i:], "</")
		if j < 0 {
			return len(s)
		}
		i += j
		if rest := s[i+2:]; len(rest) >= len(name) && strings.EqualFold(rest[:len(name)], name) &&
			(len(rest) == len(name) || oldIsSpace(rest[len(name)]) || rest[len(name)] == '>' || rest[len(name)] == '/') {
			return i
		}
		i += 2
	}
}

// urlPath is the path a file is served at: a/index.html at /a/.
func oldURLPath(file string) string {
	if file == "index.html" {
		return "/"
	}
	if dir, ok := strings.CutSuffix(file, "/index.html"); ok {
		return "/" + dir + "/"
	}
	return "/" + file
}

// Check verifies every internal link of the site.
func oldCheck(site fs.FS, opts Options) ([]Problem, error) {
	files := map[string]bool{}
	pages := map[string]oldPage{}
	var htmlFiles []string
	err := fs.WalkDir(site, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files[p] = true
		if strings.HasSuffix(p, ".html") {
			data, err := fs.ReadFile(site, p)
			if err != nil {
				return err
			}
			pages[p] = oldScan(string(data))
			htmlFiles = append(htmlFiles, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("linkcheck: %w", err)
	}
	c := oldChecker{files: files, pages: pages, base: strings.TrimSuffix(opts.BaseURL, "/")}
	var out []Problem
	for _, file := range htmlFiles {
		for _, link := range pages[file].links {
			if reason := c.check(file, link); reason != "" {
				out = append(out, Problem{file, link, reason})
			}
		}
		for id, n := range pages[file].ids {
			if n > 1 {
				out = append(out, Problem{file, "#" + id, fmt.Sprintf("id given to %d elements", n)})
			}
		}
	}
	slices.SortFunc(out, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.Page, b.Page), cmp.Compare(a.Link, b.Link), cmp.Compare(a.Reason, b.Reason))
	})
	return slices.Compact(out), nil
}

type oldChecker struct {
	files map[string]bool
	pages map[string]oldPage
	base  string
}

// check returns why link, on page file, does not resolve, or "".
func (c oldChecker) check(file, link string) string {
	link = strings.TrimSpace(link)
	if link == "" {
		return "empty link"
	}
	if c.base != "" {
		if rest, ok := strings.CutPrefix(link, c.base); ok && (rest == "" || strings.ContainsAny(rest[:1], "/?#")) {
			link = "/" + strings.TrimPrefix(rest, "/")
		}
	}
	u, err := url.Parse(link)
	if err != nil {
		return "malformed URL"
	}
	switch strings.ToLower(u.Scheme) {
	case "":
	case "javascript", "vbscript":
		return "script URL"
	default:
		return "" // another site, mail, telephone or data
	}
	if u.Host != "" {
		return "" // protocol-relative: another site
	}
	target := (&url.URL{Path: oldURLPath(file)}).ResolveReference(u)
	dest, ok := c.resolve(target.Path)
	if !ok {
		return "no such page or file"
	}
	if u.Fragment == "" || !strings.HasSuffix(dest, ".html") {
		return ""
	}
	if c.pages[dest].ids[u.Fragment] == 0 && u.Fragment != "top" {
		return "no element with id " + fmt.Sprintf("%q", u.Fragment) + " in " + dest
	}
	return ""
}

// resolve maps a site path to the file served there.
func (c oldChecker) resolve(p string) (string, bool) {
	clean := strings.TrimPrefix(path.Clean("/"+p), "/")
	if strings.HasSuffix(p, "/") {
		f := path.Join(clean, "index.html")
		return f, c.files[f]
	}
	if c.files[clean] {
		return clean, true
	}
	f := path.Join(clean, "index.html")
	return f, c.files[f]
}
