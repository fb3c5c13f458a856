package zzorig

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/licensure/licensure/internal/schema"
)

var (
	idPattern    = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	socPattern   = regexp.MustCompile(`^\d{2}-\d{4}\.\d{2}$`)
	statePattern = regexp.MustCompile(`^[A-Z]{2}$`)
)

// validID reports whether s is a valid record ID of the kind: lower-case
// kebab case, or an O*NET-SOC code for occupations.
func validID(kind, s string) bool {
	if kind == "occupations" {
		return socPattern.MatchString(s)
	}
	return len(s) <= 100 && idPattern.MatchString(s)
}

// checkFormat returns what is wrong with a value of the format, or "".
func checkFormat(f schema.Format, v string) string {
	switch f {
	case schema.URL:
		return checkURL(v)
	case schema.Date:
		if _, err := time.Parse(time.DateOnly, v); err != nil {
			return fmt.Sprintf("invalid date %q: want YYYY-MM-DD", v)
		}
	case schema.StateCode:
		if !statePattern.MatchString(v) {
			return fmt.Sprintf("invalid state code %q: want two upper-case letters such as OH", v)
		}
	case schema.SOCCode:
		if !socPattern.MatchString(v) {
			return fmt.Sprintf("invalid O*NET-SOC code %q: want NN-NNNN.NN", v)
		}
	case schema.Path:
		if !strings.HasPrefix(v, "/") || strings.HasPrefix(v, "//") || strings.ContainsAny(v, " \t\\?#\"'<>") || strings.Contains(v, "..") {
			return fmt.Sprintf("invalid path %q: want a site path such as /licenses/old-name/", v)
		}
	}
	return ""
}

func checkURL(v string) string {
	u, err := url.Parse(v)
	switch {
	case err != nil || strings.ContainsAny(v, " \t\n\"'<>`"):
		return fmt.Sprintf("invalid URL %q", v)
	case u.Scheme != "http" && u.Scheme != "https":
		return fmt.Sprintf("URL %q must start with https:// or http://", v)
	case u.Host == "":
		return fmt.Sprintf("URL %q has no host", v)
	}
	return ""
}

// checkEnum returns what is wrong with a value outside the allowed set.
func checkEnum(allowed []string, v string) string {
	for _, a := range allowed {
		if a == v {
			return ""
		}
	}
	return fmt.Sprintf("invalid value %q: want one of %s", v, strings.Join(allowed, ", "))
}
