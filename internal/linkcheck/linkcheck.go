// Package linkcheck verifies the internal links of a rendered site, so that
// a broken link fails the build instead of reaching readers.
//
// Contract: Check reads every file of the site. In every .html file it
// finds each href, src and action attribute and each id (and <a name>);
// every link to the site itself (root-relative, relative, or absolute under
// Options.BaseURL) must resolve to a file of the site, a pretty URL /x/
// meaning x/index.html and /x also accepted when x/index.html exists (the
// host redirects it), and its #fragment, if any, must be an id of the
// target page. A link with a javascript: or vbscript: scheme, an empty
// link, and an id given twice in one page are problems too. Links to other
// hosts are not followed.
//
// Problems come back sorted by page, link and reason, each once. The error
// result is only for failures to read the site.
//
// The scan is a small regexp-based extractor, not an HTML parser: it is
// meant for the generator's own output, which html/template escapes, so
// that attribute values hold no raw quotes and text holds no raw "<". It
// skips comments and the content of script, style, title and textarea
// elements, and decodes character references in attribute values.
package linkcheck

import (
	"cmp"
	"fmt"
	"html"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"
)

// Problem is one link that does not resolve, or a page's duplicate id.
type Problem struct {
	Page   string // the file, such as licenses/x/index.html
	Link   string // the link as the page gives it, decoded
	Reason string
}

func (p Problem) String() string { return fmt.Sprintf("%s: %q: %s", p.Page, p.Link, p.Reason) }

// Options tune a check.
type Options struct {
	// BaseURL is the site's published address; absolute links under it,
	// such as canonical links, are checked as internal ones. Empty means
	// every absolute link is external.
	BaseURL string
}

var (
	commentRe = regexp.MustCompile(`(?s)<!--.*?-->`)
	rawTextRe = []*regexp.Regexp{
		regexp.MustCompile(`(?is)(<script\b[^>]*>).*?(</script\s*>)`),
		regexp.MustCompile(`(?is)(<style\b[^>]*>).*?(</style\s*>)`),
		regexp.MustCompile(`(?is)(<title\b[^>]*>).*?(</title\s*>)`),
		regexp.MustCompile(`(?is)(<textarea\b[^>]*>).*?(</textarea\s*>)`),
	}
	attr   = `([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>` + "`" + `]+)))?`
	tagRe  = regexp.MustCompile(`<([a-zA-Z][a-zA-Z0-9:-]*)((?:\s+` + attr + `)*)\s*/?>`)
	attrRe = regexp.MustCompile(attr)
)

// page is what a scan finds in one HTML file.
type page struct {
	links []string
	ids   map[string]int
}

// scan extracts the links and ids of an HTML document.
func scan(doc string) page {
	doc = commentRe.ReplaceAllString(doc, "")
	for _, re := range rawTextRe {
		doc = re.ReplaceAllString(doc, "$1$2")
	}
	p := page{ids: map[string]int{}}
	for _, tag := range tagRe.FindAllStringSubmatch(doc, -1) {
		name := strings.ToLower(tag[1])
		for _, a := range attrRe.FindAllStringSubmatch(tag[2], -1) {
			key := strings.ToLower(a[1])
			val := html.UnescapeString(a[2] + a[3] + a[4]) // at most one is set
			switch {
			case key == "href" || key == "src" || key == "action":
				p.links = append(p.links, val)
			case key == "id" || key == "name" && name == "a":
				p.ids[val]++
			}
		}
	}
	return p
}

// urlPath is the path a file is served at: a/index.html at /a/.
func urlPath(file string) string {
	if file == "index.html" {
		return "/"
	}
	if dir, ok := strings.CutSuffix(file, "/index.html"); ok {
		return "/" + dir + "/"
	}
	return "/" + file
}

// Check verifies every internal link of the site.
func Check(site fs.FS, opts Options) ([]Problem, error) {
	files := map[string]bool{}
	pages := map[string]page{}
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
			pages[p] = scan(string(data))
			htmlFiles = append(htmlFiles, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("linkcheck: %w", err)
	}
	c := checker{files: files, pages: pages, base: strings.TrimSuffix(opts.BaseURL, "/")}
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

type checker struct {
	files map[string]bool
	pages map[string]page
	base  string
}

// check returns why link, on page file, does not resolve, or "".
func (c checker) check(file, link string) string {
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
	target := (&url.URL{Path: urlPath(file)}).ResolveReference(u)
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
func (c checker) resolve(p string) (string, bool) {
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
