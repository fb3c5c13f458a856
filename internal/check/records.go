package check

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/licensure/licensure/internal/diag"
	"github.com/licensure/licensure/internal/load"
	"github.com/licensure/licensure/internal/model"
)

// titleKey says which records would confuse readers by sharing a title:
// licenses and boards within a state, certifications of one issuer, and
// records of the other kinds anywhere. It appends the key to buf: the scope,
// if any, and "|", then the title in lower case with its white space runs
// made single spaces.
func titleKey(buf []byte, r *load.Record) []byte {
	switch v := r.Value.(type) {
	case *model.License:
		buf = append(append(buf, v.State...), '|')
	case *model.Board:
		buf = append(append(buf, v.State...), '|')
	case *model.Certification:
		buf = append(append(buf, v.Issuer...), '|')
	}
	return appendFolded(buf, r.Title())
}

// appendFolded appends strings.ToLower(strings.Join(strings.Fields(s), " ")),
// without building it for ASCII text.
func appendFolded(buf []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return append(buf, strings.ToLower(strings.Join(strings.Fields(s), " "))...)
		}
	}
	start, space := len(buf), false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case ' ', '\t', '\n', '\v', '\f', '\r':
			space = true
			continue
		}
		if space && len(buf) > start {
			buf = append(buf, ' ')
		}
		space = false
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

func checkTitles(c *load.Content, diags *diag.List) {
	var buf []byte
	for _, k := range model.Kinds {
		recs := c.Records[k.Name]
		first := make(map[string]*load.Record, len(recs))
		for _, r := range recs {
			buf = titleKey(buf[:0], r)
			if len(buf) == 0 || buf[len(buf)-1] == '|' {
				continue
			}
			if prev, dup := first[string(buf)]; dup {
				diags.Add(diag.Diagnostic{File: r.File, Pos: r.At(k.TitleKey),
					Message: k.Singular + " " + quoteTitle(r) + " has the same " + k.TitleKey + " as " + prev.File,
					Hint:    "give each a distinct " + k.TitleKey})
				continue
			}
			first[string(buf)] = r
		}
	}
}

func quoteTitle(r *load.Record) string { return `"` + r.Title() + `"` }

// checkLicenses reports a license whose board sits in another state.
func checkLicenses(c *load.Content, ks kinds, diags *diag.List) {
	boards := c.Records["boards"]
	k := ks.of("boards")
	if k == nil {
		return
	}
	byID := k.index()
	for _, r := range c.Records["licenses"] {
		lic := r.Value.(*model.License)
		i, ok := byID[lic.Board]
		if !ok {
			continue
		}
		if st := boards[i].Value.(*model.Board).State; st != "" && lic.State != "" && st != lic.State {
			diags.Errorf(r.File, r.At("board"), "board %q is in %s, but the license is in %s", lic.Board, st, lic.State)
		}
	}
}

// checkCertifications requires an issuer or a note saying why there is none.
func checkCertifications(c *load.Content, diags *diag.List) {
	for _, r := range c.Records["certifications"] {
		cert := r.Value.(*model.Certification)
		if cert.Issuer == "" && cert.IssuerNote == "" {
			diags.Add(diag.Diagnostic{File: r.File, Pos: r.At("name"), Message: "certification has no issuer",
				Hint: "name it in issuer, or say in issuer_note why none can be established"})
		}
	}
}

// unusedKinds are the kinds whose records no record refers to are reported.
var unusedKinds = []string{"boards", "issuers"}

// checkUnused warns about boards and issuers nothing refers to: checkRefs
// has marked, in parts, those that a record's reference field names.
func checkUnused(c *load.Content, ks kinds, parts []usedMarks, diags *diag.List) {
	for _, kind := range unusedKinds {
		k := ks.of(kind)
		for _, r := range c.Records[kind] {
			i := k.index()[r.ID]
			used := false
			for _, marks := range parts {
				used = used || marks[k][i]
			}
			if !used {
				diags.Warnf(r.File, diag.Pos{Line: 1, Col: 1}, "no record refers to this %s", r.Kind.Singular)
			}
		}
	}
}

// checkReviews warns about records reviewed longer ago than opts.MaxAge.
func checkReviews(c *load.Content, opts Options, diags *diag.List) {
	if opts.Today.IsZero() {
		return
	}
	months := opts.MaxAge
	if months == 0 {
		months = 12
	}
	limit := opts.Today.AddDate(0, -months, 0)
	// A date after the day limit falls on (in UTC) is not before limit:
	// such dates, most of them, need no parsing.
	after := ""
	if y := limit.UTC().Year(); y >= 1000 && y <= 9999 {
		after = limit.UTC().Format(time.DateOnly)
	}
	for _, recs := range c.Records {
		for _, r := range recs {
			reviewed := reviewedOf(r)
			if after != "" && reviewed > after {
				continue
			}
			if t, err := time.Parse(time.DateOnly, reviewed); err == nil && t.Before(limit) {
				diags.Warnf(r.File, r.At("reviewed"), "reviewed %s, more than %d months ago", reviewed, months)
			}
		}
	}
}

// reviewedOf is r.Field("reviewed") without reflection for the model's
// kinds.
func reviewedOf(r *load.Record) string {
	switch v := r.Value.(type) {
	case *model.License:
		return string(v.Reviewed)
	case *model.Board:
		return string(v.Reviewed)
	case *model.Certification:
		return string(v.Reviewed)
	case *model.Family:
		return string(v.Reviewed)
	case *model.Specialty:
		return string(v.Reviewed)
	case *model.Issuer:
		return string(v.Reviewed)
	}
	return r.Field("reviewed")
}
