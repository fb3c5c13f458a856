package linkcheck

import (
	"bytes"
	"fmt"
	"net/url"
	"os"
	"regexp"
	"strings"
	"sync"

	"github.com/licensure/licensure/internal/load"
	"github.com/licensure/licensure/internal/render"
	"github.com/licensure/licensure/internal/resolve"
	"github.com/licensure/licensure/internal/sitetest"
)

// chrome is the page layout of synthetic sites, around the main content,
// rendered by the repository's templates for a board page of a small
// site, with the board's name and path as markers to replace.
type chrome struct {
	head, foot string   // before and after the content of <main>
	files      []string // what the layout links to besides pages: assets, feed...
	pages      []string // the pages it links to, such as /about/
}

const (
	markerName = "Chrome Marker Board"
	markerPath = "/boards/chrome-marker/"
)

var layoutOnce = sync.OnceValues(renderChrome)

func renderChrome() (*chrome, error) {
	files := sitetest.Base()
	site := strings.NewReplacer("title: Test", "title: Licensure (synthetic)", "base_url: https://site.example", "base_url: "+synthBase)
	files["site.yaml"] = site.Replace(files["site.yaml"])
	files["boards/chrome-marker.yaml"] = "name: " + markerName + "\nstate: OH\nurl: https://oh.example\nsources: [{title: Board, url: \"https://oh.example\"}]\nreviewed: 2026-11-24\n"
	c, diags := load.Load(sitetest.FS(files), "content/")
	if diags.Errors() > 0 {
		return nil, fmt.Errorf("%v", diags.Items()[0])
	}
	g := resolve.Resolve(c)
	_, assets, err := render.LoadStatic(os.DirFS("../../static"))
	if err != nil {
		return nil, err
	}
	t, err := render.ParseTemplates(os.DirFS("../../templates"), render.NewMarkdown(), assets)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	for _, p := range render.Pages(g) {
		if p.URL == markerPath {
			err = t.Execute(&buf, p)
		}
	}
	if err != nil {
		return nil, err
	}
	html := buf.String()
	start, end := strings.Index(html, `<main id="main" class="wrap">`), strings.Index(html, "</main>")
	if start < 0 || end < 0 {
		return nil, fmt.Errorf("no <main> in the board page:\n%s", html)
	}
	start += strings.Index(html[start:], ">") + 1
	ch := &chrome{head: html[:start] + "\n", foot: "\n" + html[end:]}
	for _, m := range hrefs.FindAllStringSubmatch(ch.head+ch.foot, -1) {
		u := m[1]
		switch {
		case !strings.HasPrefix(u, "/") || strings.HasPrefix(u, "//") || u == markerPath:
		case strings.HasSuffix(u, "/"):
			ch.pages = append(ch.pages, u)
		default:
			ch.files = append(ch.files, strings.TrimPrefix(u, "/"))
		}
	}
	return ch, nil
}

var hrefs = regexp.MustCompile(`(?:href|src)="([^"#?]*)`)

// layout wraps main in the chrome of a page at url with the given title.
func (ch *chrome) layout(u, title, main string) string {
	r := strings.NewReplacer(markerName, title, markerPath, u, url.QueryEscape(markerPath), url.QueryEscape(u))
	return r.Replace(ch.head) + main + r.Replace(ch.foot)
}
