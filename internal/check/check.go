// Package check finds the problems that need the whole content to see:
// references to records that do not exist (with the closest existing ID as
// a hint), record links in prose that do not resolve, records that would
// confuse readers by sharing a title, facts that contradict each other
// (a license whose board is in another state), and stale reviews.
//
// Structural problems inside one file are package load's; check runs on
// whatever load returned, so one run reports both kinds at once.
package check

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
			checkRefs(r.File, r.Refs, ids, true, diags)
		}
	}
	for _, p := range c.Pages {
		checkRefs(p.File, p.Refs, ids, false, diags)
	}
	checkStates(c, diags)
	checkSite(c, diags)
	checkTitles(c, diags)
	checkLicenses(c, ids, diags)
	checkCertifications(c, diags)
	checkUnused(c, ids, diags)
	checkReviews(c, opts, diags)
}

// ids are the IDs of one kind (states by code).
type ids struct {
	kind   string
	byID   map[string]int // ID -> index in the kind's records
	sorted []string       // for suggestions
	used   []bool         // by index: a reference field names it
}

// kinds indexes every kind's IDs. There are few kinds: it is a list.
type kinds []*ids

func (ks kinds) of(kind string) *ids {
	for _, k := range ks {
		if k.kind == kind {
			return k
		}
	}
	return nil
}

// index lists the IDs of every kind, states by code.
func index(c *load.Content) kinds {
	var ks kinds
	add := func(kind string, n int, id func(int) string) {
		k := &ids{kind: kind, byID: make(map[string]int, n), sorted: make([]string, n), used: make([]bool, n)}
		for i := range n {
			s := id(i)
			k.sorted[i] = s
			if _, dup := k.byID[s]; !dup {
				k.byID[s] = i
			}
		}
		if !slices.IsSorted(k.sorted) {
			slices.Sort(k.sorted)
		}
		ks = append(ks, k)
	}
	for kind, recs := range c.Records {
		add(kind, len(recs), func(i int) string { return recs[i].ID })
	}
	if len(c.States) > 0 {
		add("states", len(c.States), func(i int) string { return string(c.States[i].Code) })
	}
	return ks
}

// checkRefs reports the references that name no record. Of a record's
// references (not a page's), it marks the records that fields name as used.
func checkRefs(file string, refs []load.Ref, ks kinds, mark bool, diags *diag.List) {
	var last *ids
	for _, ref := range refs {
		if last == nil || last.kind != ref.Kind {
			last = ks.of(ref.Kind)
		}
		if last != nil {
			if i, found := last.byID[ref.ID]; found {
				if mark && !ref.Link {
					last.used[i] = true
				}
				continue
			}
		}
		var known []string
		if last != nil {
			known = last.sorted
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
