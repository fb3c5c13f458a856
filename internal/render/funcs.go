package render

import (
	"fmt"
	"html/template"
	"strings"
	"time"

	"github.com/licensure/licensure/internal/markdown"
	"github.com/licensure/licensure/internal/model"
)

// funcs are the functions templates may call.
func funcs(md *markdown.Renderer, assets map[string]string, shared *partials) template.FuncMap {
	return template.FuncMap{
		"partial": shared.render,
		"md": func(s model.Markdown) (template.HTML, error) {
			html, err := md.String(string(s))
			return template.HTML(html), err // goldmark drops raw HTML and escapes text
		},
		"asset": func(p string) (string, error) {
			if u, ok := assets[p]; ok {
				return u, nil
			}
			return "", fmt.Errorf("no static file %q", p)
		},
		"date":   formatDate,
		"lower":  strings.ToLower,
		"plural": plural,
		"role":   roleLabel,
		"jsonld": jsonLD,
		"dict":   dict,
		"link":   link,
	}
}

// formatDate shows an ISO date as "24 November 2026".
func formatDate(d model.Date) string {
	t, err := time.Parse(time.DateOnly, string(d))
	if err != nil {
		return string(d)
	}
	return t.Format("2 January 2006")
}

// plural returns "1 license" or "3 licenses".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func roleLabel(role string) string {
	switch role {
	case "required":
		return "Required"
	case "accepted":
		return "Accepted"
	case "alternative":
		return "One route of several"
	}
	return role
}

// dict builds a map from alternating keys and values, to pass several
// values to a partial.
func dict(kv ...any) (map[string]any, error) {
	if len(kv)%2 != 0 {
		return nil, fmt.Errorf("dict: odd number of arguments")
	}
	m := make(map[string]any, len(kv)/2)
	for i := 0; i < len(kv); i += 2 {
		k, ok := kv[i].(string)
		if !ok {
			return nil, fmt.Errorf("dict: key %v is not a string", kv[i])
		}
		m[k] = kv[i+1]
	}
	return m, nil
}
