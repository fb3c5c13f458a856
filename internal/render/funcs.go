package render

import (
	"fmt"
	"html/template"
	"strings"
	"time"

	"github.com/licensure/licensure/internal/markdown"
	"github.com/licensure/licensure/internal/model"
	"github.com/licensure/licensure/internal/opendata"
)

// funcs are the functions templates may call.
func funcs(md *markdown.Renderer, assets map[string]string, shared *partials) template.FuncMap {
	return template.FuncMap{
		"partial": shared.render,
		"md": func(s any) (template.HTML, error) {
			var src string
			switch v := s.(type) {
			case model.Markdown:
				src = string(v)
			case string:
				src = v
			default:
				return "", fmt.Errorf("md: %T is not Markdown", s)
			}
			html, err := md.String(src)
			return template.HTML(html), err // goldmark drops raw HTML and escapes text
		},
		"asset": func(p string) (string, error) {
			if u, ok := assets[p]; ok {
				return u, nil
			}
			return "", fmt.Errorf("no static file %q", p)
		},
		"date":   formatDate,
		"lower":  lower,
		"plural": plural,
		"role":   model.CertRoleLabel,
		"jsonld": jsonLD,
		"dict":   dict,
		"link":   shared.link,

		"dollars":      opendata.Dollars,
		"feeLabel":     model.FeeLabel,
		"credential":   model.CredentialLabel,
		"feeSummary":   feeSummary,
		"comparePath":  ComparePath,
		"compareFrom":  compareFrom,
		"movePath":     func() string { return MovePath },
		"standing":     func(s string) string { return standingWords[s] },
		"months":       months,
		"coverageMark": coverageMark,
		"standingOf":   standingOf,
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

// months writes a period: "every year", "every 2 years", "every 18 months".
func months(n int) string {
	switch {
	case n == 12:
		return "every year"
	case n%12 == 0:
		return fmt.Sprintf("every %d years", n/12)
	}
	return fmt.Sprintf("every %d months", n)
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

// lower lower-cases a string or a state code.
func lower(s any) (string, error) {
	switch v := s.(type) {
	case string:
		return strings.ToLower(v), nil
	case model.StateCode:
		return strings.ToLower(string(v)), nil
	}
	return "", fmt.Errorf("lower: %T is not a string", s)
}
