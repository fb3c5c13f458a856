// Package check finds the problems that need the whole content to see:
// references to records that do not exist (with the closest existing ID as
// a hint), record links in prose that do not resolve, records that would
// confuse readers by sharing a title, facts that contradict each other
// (a license whose board is in another state), aliases that name a path
// the build writes, and stale reviews.
//
// Structural problems inside one file are package load's; check runs on
// whatever load returned, so one run reports both kinds at once.
package check

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
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
	ks := index(c)
	// The checks run in parallel, each job with its own list of problems
	// and its own marks of used records: the references, most of the work,
	// in parts of about equal size.
	procs := runtime.GOMAXPROCS(0)
	parts := refParts(c, procs)
	marks := make([]usedMarks, len(parts))
	jobs := []func(*diag.List){
		func(l *diag.List) { checkTitles(c, l) },
		func(l *diag.List) {
			for _, p := range c.Pages {
				checkRefs(p.File, p.Refs, ks, nil, l)
			}
			checkStates(c, l)
			checkSite(c, l)
			checkLicenses(c, ks, l)
			checkPermits(c, ks, l)
			checkCompacts(c, l)
			checkCertifications(c, l)
			checkAliases(c, l)
			checkReviews(c, opts, l)
		},
	}
	for i := range parts {
		marks[i] = ks.newMarks()
		jobs = append(jobs, func(l *diag.List) {
			for _, r := range parts[i] {
				checkRefs(r.File, r.Refs, ks, marks[i], l)
			}
		})
	}
	lists := make([]diag.List, len(jobs))
	if procs == 1 || len(parts) == 1 {
		for i, job := range jobs {
			job(&lists[i])
		}
	} else {
		var wg sync.WaitGroup
		var next atomic.Int32
		for range min(procs, len(jobs)) {
			wg.Go(func() {
				for i := int(next.Add(1)) - 1; i < len(jobs); i = int(next.Add(1)) - 1 {
					jobs[i](&lists[i])
				}
			})
		}
		wg.Wait()
	}
	for i := range lists {
		diags.Merge(&lists[i])
	}
	checkUnused(c, ks, marks, diags)
}

// refParts splits the records into n lists with about as many references
// each.
func refParts(c *load.Content, n int) [][]*load.Record {
	total := 0
	for _, recs := range c.Records {
		for _, r := range recs {
			total += len(r.Refs)
		}
	}
	n = max(1, min(n, total/1000))
	parts := make([][]*load.Record, 0, n)
	var part []*load.Record
	size := 0
	for _, k := range model.Kinds {
		for _, r := range c.Records[k.Name] {
			part = append(part, r)
			size += len(r.Refs)
			if size*n >= total*(len(parts)+1) && len(parts) < n-1 {
				parts = append(parts, part)
				part = nil
			}
		}
	}
	for kind, recs := range c.Records {
		if !slices.ContainsFunc(model.Kinds, func(k model.Kind) bool { return k.Name == kind }) {
			part = append(part, recs...)
		}
	}
	return append(parts, part)
}

// ids are the IDs of one kind (states by code), indexed when first needed.
type ids struct {
	kind  string
	n     int
	id    func(int) string
	refs  func(int) []load.Ref // the references of a record; nil for states
	once  sync.Once
	byID  map[string]int // ID -> index in the kind's records
	sortO sync.Once
	list  []string // sorted, for suggestions
}

func (k *ids) index() map[string]int {
	k.once.Do(func() {
		k.byID = make(map[string]int, k.n)
		for i := range k.n {
			if _, dup := k.byID[k.id(i)]; !dup {
				k.byID[k.id(i)] = i
			}
		}
	})
	return k.byID
}

func (k *ids) sorted() []string {
	k.sortO.Do(func() {
		k.list = make([]string, k.n)
		for i := range k.n {
			k.list[i] = k.id(i)
		}
		if !slices.IsSorted(k.list) {
			slices.Sort(k.list)
		}
	})
	return k.list
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

// usedMarks says, for the kinds whose unused records are reported, which
// records a reference field names, by index.
type usedMarks map[*ids][]bool

func (ks kinds) newMarks() usedMarks {
	m := usedMarks{}
	for _, kind := range unusedKinds {
		if k := ks.of(kind); k != nil {
			m[k] = make([]bool, k.n)
		}
	}
	return m
}

// index lists the IDs of every kind, states by code.
func index(c *load.Content) kinds {
	var ks kinds
	for kind, recs := range c.Records {
		ks = append(ks, &ids{kind: kind, n: len(recs), id: func(i int) string { return recs[i].ID }, refs: func(i int) []load.Ref { return recs[i].Refs }})
	}
	if len(c.States) > 0 {
		ks = append(ks, &ids{kind: "states", n: len(c.States), id: func(i int) string { return string(c.States[i].Code) }})
	}
	return ks
}

// checkRefs reports the references that name no record, and marks in used,
// if not nil, the records that reference fields name.
func checkRefs(file string, refs []load.Ref, ks kinds, used usedMarks, diags *diag.List) {
	var last *ids
	var byID map[string]int
	for _, ref := range refs {
		if last == nil || last.kind != ref.Kind {
			if last = ks.of(ref.Kind); last != nil {
				byID = last.index()
			}
		}
		if last != nil {
			if i, found := byID[ref.ID]; found {
				if marks := used[last]; marks != nil && !ref.Link {
					marks[i] = true
				}
				continue
			}
		}
		var known []string
		if last != nil {
			known = last.sorted()
		}
		kind, _ := model.KindNamed(ref.Kind)
		d := diag.Diagnostic{File: file, Pos: ref.Pos, Message: fmt.Sprintf("unknown %s %q", kind.Singular, ref.ID)}
		if ref.Link {
			d.Message += " in record link"
		}
		var likely []string
		if !ref.Link {
			likely = last.related(refs)
		}
		if best := suggest.Preferring(ref.ID, likely, known); best != "" {
			d.Hint = fmt.Sprintf("did you mean %q?", best)
		}
		diags.Add(d)
	}
}

// related lists the records of k that share a reference field's value
// with refs, a record's references: for a license in Ohio, the boards in
// Ohio; for a license of respiratory care, the certifications of that
// specialty. These are the likely meanings of a mistyped ID, whatever the
// kinds and fields.
func (k *ids) related(refs []load.Ref) []string {
	if k == nil || k.refs == nil {
		return nil
	}
	mine := map[[2]string]bool{}
	for _, r := range refs {
		if !r.Link {
			mine[[2]string{r.Kind, r.ID}] = true
		}
	}
	var out []string
	for i := range k.n {
		for _, r := range k.refs(i) {
			if !r.Link && mine[[2]string{r.Kind, r.ID}] {
				out = append(out, k.id(i))
				break
			}
		}
	}
	return out
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
