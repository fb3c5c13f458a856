package load

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/licensure/licensure/internal/diag"
	"github.com/licensure/licensure/internal/schema"
)

// validID reports whether s is a valid record ID of the kind: lower-case
// kebab case, or an O*NET-SOC code for occupations.
func validID(kind, s string) bool {
	if kind == "occupations" {
		return isSOCCode(s)
	}
	return len(s) <= 100 && isKebab(s)
}

// isKebab reports whether s matches ^[a-z0-9]+(-[a-z0-9]+)*$.
func isKebab(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '-' && s[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

// isSOCCode reports whether s matches ^\d{2}-\d{4}\.\d{2}$.
func isSOCCode(s string) bool {
	if len(s) != 10 || s[2] != '-' || s[7] != '.' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if i != 2 && i != 7 && (s[i] < '0' || s[i] > '9') {
			return false
		}
	}
	return true
}

// isStateCode reports whether s matches ^[A-Z]{2}$.
func isStateCode(s string) bool {
	return len(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z'
}

// checkFormat returns what is wrong with a value of the format, or "".
func checkFormat(f schema.Format, v string) string {
	switch f {
	case schema.URL:
		return checkURL(v)
	case schema.Date:
		if _, err := time.Parse(time.DateOnly, v); err != nil {
			return fmt.Sprintf("invalid date %s: want YYYY-MM-DD", diag.Excerpt(v))
		}
	case schema.StateCode:
		if !isStateCode(v) {
			return fmt.Sprintf("invalid state code %s: want two upper-case letters such as OH", diag.Excerpt(v))
		}
	case schema.SOCCode:
		if !isSOCCode(v) {
			return fmt.Sprintf("invalid O*NET-SOC code %s: want NN-NNNN.NN", diag.Excerpt(v))
		}
	case schema.Path:
		if !strings.HasPrefix(v, "/") || strings.HasPrefix(v, "//") || strings.ContainsAny(v, " \t\\?#\"'<>") || strings.Contains(v, "..") {
			return fmt.Sprintf("invalid path %s: want a site path such as /licenses/old-name/", diag.Excerpt(v))
		}
	}
	return ""
}

func checkURL(v string) string {
	if simpleURL(v) {
		return ""
	}
	u, err := url.Parse(v)
	switch {
	case err != nil || strings.ContainsAny(v, " \t\n\"'<>`"):
		return fmt.Sprintf("invalid URL %s", diag.Excerpt(v))
	case u.Scheme != "http" && u.Scheme != "https":
		return fmt.Sprintf("URL %s must start with https:// or http://", diag.Excerpt(v))
	case u.Host == "":
		return fmt.Sprintf("URL %s has no host", diag.Excerpt(v))
	}
	return ""
}

// simpleURL reports whether v is an http or https URL made of a host of
// letters, digits, dots and hyphens and a path of unreserved characters and
// slashes: a URL that checkURL accepts, recognised without parsing it.
func simpleURL(v string) bool {
	rest, ok := strings.CutPrefix(v, "https://")
	if !ok {
		if rest, ok = strings.CutPrefix(v, "http://"); !ok {
			return false
		}
	}
	host := true
	for i := 0; i < len(rest); i++ {
		switch c := rest[i]; {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '.', c == '-':
		case c == '/':
			if i == 0 {
				return false
			}
			host = false
		case c == '_' || c == '~':
			if host {
				return false
			}
		default:
			return false
		}
	}
	return rest != ""
}

// checkEnum returns what is wrong with a value outside the allowed set.
func checkEnum(allowed []string, v string) string {
	for _, a := range allowed {
		if a == v {
			return ""
		}
	}
	return fmt.Sprintf("invalid value %s: want one of %s", diag.Excerpt(v), strings.Join(allowed, ", "))
}
