package load

import (
	"reflect"
	"strings"

	"github.com/licensure/licensure/internal/diag"
	"github.com/licensure/licensure/internal/model"
	"github.com/licensure/licensure/internal/schema"
)

// pages reads content/pages/*.md: YAML front matter between two "---"
// lines, then a Markdown body.
func (l *loader) pages(w *worker) []*Page {
	entries, _ := l.readDir("pages")
	var pages []*Page
	for _, e := range entries {
		file := l.prefix + "pages/" + e.Name()
		if !l.usableEntry(e, file, ".md") {
			continue
		}
		id := strings.TrimSuffix(e.Name(), ".md")
		if !validID("pages", id) {
			l.diags.Add(diag.Diagnostic{File: file, Message: "invalid page ID " + quote(id), Hint: "use lower-case letters, digits and single hyphens, such as about.md"})
			continue
		}
		if p := l.page(w, id, file); p != nil {
			pages = append(pages, p)
		}
	}
	return pages
}

func (l *loader) page(w *worker, id, file string) *Page {
	src, ok := l.readInto(w, "pages/"+id+".md", file, l.diags)
	if !ok {
		return nil
	}
	lines := splitLines(nil, string(src))
	front, bodyLine, ok := frontMatter(lines)
	if !ok {
		l.diags.Add(diag.Diagnostic{File: file, Pos: diag.Pos{Line: 1, Col: 1}, Message: "missing front matter", Hint: "start the page with a --- line, YAML fields, and another --- line"})
		return nil
	}
	p := &Page{ID: id, File: file, BodyLine: bodyLine, Body: strings.Join(lines[bodyLine-1:], "\n")}
	root, ok := parseYAML(w.fast, file, front, lines, 1, l.diags) // front matter starts on line 2
	if !ok {
		return nil
	}
	w.lines = lines
	d := w.decoder(file, l.diags)
	w.lines = nil
	t := schema.For[model.Page]()
	d.value(root, reflect.ValueOf(&p.Meta).Elem(), t, w.root(t))
	if problem, line := markdownProblem(p.Body); problem != "" {
		l.diags.Errorf(file, diag.Pos{Line: bodyLine + line, Col: 1}, "body: %s", problem)
		return nil
	}
	p.Refs = linkRefs(p.Body, lines, bodyLine, "body", func(pos diag.Pos, msg, hint string) {
		l.diags.Add(diag.Diagnostic{File: file, Pos: pos, Message: msg, Hint: hint})
	})
	return p
}

// frontMatter returns the YAML between the opening and closing "---" lines
// and the line on which the body starts.
func frontMatter(lines []string) (string, int, bool) {
	if len(lines) == 0 || lines[0] != "---" {
		return "", 0, false
	}
	for i := 1; i < len(lines); i++ {
		if lines[i] == "---" {
			return strings.Join(lines[1:i], "\n"), i + 2, true
		}
	}
	return "", 0, false
}
