// Package check finds the problems that need the whole content to see:
// references to records that do not exist (with the closest existing ID as
// a hint), record links in prose that do not resolve, records that would
// confuse readers by sharing a title, facts that contradict each other
// (a license whose board is in another state), and stale reviews.
//
// Structural problems inside one file are package load's; check runs on
// whatever load returned, so one run reports both kinds at once.
package zzorig

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/licensure/licensure/internal/diag"
	"github.com/licensure/licensure/internal/load"
	"github.com/licensure/licensure/internal/model"
	"github.com/licensure/licensure/internal/suggest"
)

// Options tune the checks that depend on the day they run.
type Options struct {
	Today  time.Time // the date reviews are aged against; zero skips the check
	MaxAge int       // months after which a review is stale; 0 means 12
}

// Check reports the cross-record problems of c into diags.
func Check(c *load.Content, opts Options, diags *diag.List) {
	ids := index(c)
	for _, recs := range c.Records {
		for _, r := range recs {
			checkRefs(r.File, r.Refs, ids, diags)
		}
	}
	for _, p := range c.Pages {
		checkRefs(p.File, p.Refs, ids, diags)
	}
	checkStates(c, diags)
	checkSite(c, diags)
	checkTitles(c, diags)
	checkLicenses(c, diags)
	checkCertifications(c, diags)
	checkUnused(c, diags)
	checkReviews(c, opts, diags)
}

// index lists the IDs of every kind, states by code.
func index(c *load.Content) map[string][]string {
	ids := map[string][]string{}
	for kind, recs := range c.Records {
		for _, r := range recs {
			ids[kind] = append(ids[kind], r.ID)
		}
	}
	for _, s := range c.States {
		ids["states"] = append(ids["states"], string(s.Code))
	}
	for _, list := range ids {
		slices.Sort(list)
	}
	return ids
}

func checkRefs(file string, refs []load.Ref, ids map[string][]string, diags *diag.List) {
	for _, ref := range refs {
		known := ids[ref.Kind]
		if _, found := slices.BinarySearch(known, ref.ID); found {
			continue
		}
		kind, _ := model.KindNamed(ref.Kind)
		d := diag.Diagnostic{File: file, Pos: ref.Pos, Message: fmt.Sprintf("unknown %s %q", kind.Singular, ref.ID)}
		if ref.Link {
			d.Message += " in record link"
		}
		if best := suggest.Closest(ref.ID, known); best != "" {
			d.Hint = fmt.Sprintf("did you mean %q?", best)
		}
		diags.Add(d)
	}
}

func checkStates(c *load.Content, diags *diag.List) {
	first := map[model.StateCode]int{}
	for i, s := range c.States {
		path := fmt.Sprintf("states[%d].code", i)
		if j, dup := first[s.Code]; dup {
			diags.Errorf("content/states.yaml", c.StatesPos[path], "%s: state %s listed twice (first at line %d)", path, s.Code, c.StatesPos[fmt.Sprintf("states[%d].code", j)].Line)
			continue
		}
		first[s.Code] = i
	}
}

func checkSite(c *load.Content, diags *diag.List) {
	if !strings.Contains(c.Site.EditURL, "{path}") {
		diags.Errorf("content/site.yaml", c.SitePos["edit_url"], "edit_url must contain {path}")
	}
	if !strings.Contains(c.Site.IssueURL, "{title}") {
		diags.Errorf("content/site.yaml", c.SitePos["issue_url"], "issue_url must contain {title}")
	}
}
