package zzorig

import (
	"strings"
	"time"

	"github.com/licensure/licensure/internal/diag"
	"github.com/licensure/licensure/internal/load"
	"github.com/licensure/licensure/internal/model"
)

// titleKey says which records would confuse readers by sharing a title:
// licenses and boards within a state, certifications of one issuer, and
// records of the other kinds anywhere.
func titleKey(r *load.Record) string {
	key := strings.ToLower(strings.Join(strings.Fields(r.Title()), " "))
	switch v := r.Value.(type) {
	case *model.License:
		return string(v.State) + "|" + key
	case *model.Board:
		return string(v.State) + "|" + key
	case *model.Certification:
		return v.Issuer + "|" + key
	}
	return key
}

func checkTitles(c *load.Content, diags *diag.List) {
	for _, k := range model.Kinds {
		first := map[string]*load.Record{}
		for _, r := range c.Records[k.Name] {
			key := titleKey(r)
			if key == "" || strings.HasSuffix(key, "|") {
				continue
			}
			if prev, dup := first[key]; dup {
				diags.Add(diag.Diagnostic{File: r.File, Pos: r.At(k.TitleKey),
					Message: k.Singular + " " + quoteTitle(r) + " has the same " + k.TitleKey + " as " + prev.File,
					Hint:    "give each a distinct " + k.TitleKey})
				continue
			}
			first[key] = r
		}
	}
}

func quoteTitle(r *load.Record) string { return `"` + r.Title() + `"` }

// checkLicenses reports a license whose board sits in another state.
func checkLicenses(c *load.Content, diags *diag.List) {
	boards := byID(c.Records["boards"])
	for _, r := range c.Records["licenses"] {
		lic := r.Value.(*model.License)
		b, ok := boards[lic.Board]
		if !ok {
			continue
		}
		if st := b.Value.(*model.Board).State; st != "" && lic.State != "" && st != lic.State {
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

// checkUnused warns about boards and issuers nothing refers to.
func checkUnused(c *load.Content, diags *diag.List) {
	used := map[string]bool{}
	for _, recs := range c.Records {
		for _, r := range recs {
			for _, ref := range r.Refs {
				if !ref.Link {
					used[ref.Kind+"/"+ref.ID] = true
				}
			}
		}
	}
	for _, kind := range []string{"boards", "issuers"} {
		for _, r := range c.Records[kind] {
			if !used[kind+"/"+r.ID] {
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
	for _, recs := range c.Records {
		for _, r := range recs {
			reviewed := r.Field("reviewed")
			if t, err := time.Parse(time.DateOnly, reviewed); err == nil && t.Before(limit) {
				diags.Warnf(r.File, r.At("reviewed"), "reviewed %s, more than %d months ago", reviewed, months)
			}
		}
	}
}

func byID(recs []*load.Record) map[string]*load.Record {
	m := make(map[string]*load.Record, len(recs))
	for _, r := range recs {
		m[r.ID] = r
	}
	return m
}
