// Package synth writes synthetic content folders of any size, to measure
// how the build scales and to test it on more than the shipped records.
//
// A synthetic site has national proportions: per 10,000 licenses about
// 1,700 boards, 2,000 certifications, 250 issuers, 200 specialties, 400
// occupations and 20 families, over the 56 jurisdictions. Records look
// like the real ones: Markdown summaries of about a hundred words with a
// list and record links, two or three certifications per license with
// their roles, sources and review dates. The content is valid: check
// reports no error and no warning on it (titles are unique where check
// requires, every license's board is in its state, every board and issuer
// is referenced, every review is recent).
//
// Output is deterministic: the same Options give byte-identical files,
// whatever the number of cores. Review dates fall in the 300 days before
// Options.Today, so that they never go stale.
package synth

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"github.com/licensure/licensure/internal/par"
)

// Options say what to generate.
type Options struct {
	Licenses int       // number of licenses; every other count follows from it
	Seed     uint64    // the same seed gives the same site
	Today    time.Time // review dates fall in the 300 days before it; zero means now
}

// kindWriter is a record folder: how many records it holds, how one is
// written and what its file is named.
type kindWriter struct {
	dir   string
	count func(*plan) int
	write func(*writer, int)
	id    func(*plan, int) string
}

// kindWriters are the record folders in the order files are written.
var kindWriters = []kindWriter{
	{"licenses", func(p *plan) int { return len(p.licenses) }, (*writer).license, func(p *plan, i int) string { return p.licenses[i].id }},
	{"boards", func(p *plan) int { return len(p.boards) }, (*writer).board, func(p *plan, i int) string { return p.boards[i].id }},
	{"certifications", func(p *plan) int { return len(p.certs) }, (*writer).cert, func(p *plan, i int) string { return p.certs[i].id }},
	{"issuers", func(p *plan) int { return len(p.issuers) }, (*writer).issuer, func(p *plan, i int) string { return p.issuers[i].id }},
	{"specialties", func(p *plan) int { return len(p.specialties) }, (*writer).specialty, func(p *plan, i int) string { return p.specialties[i].id }},
	{"occupations", func(p *plan) int { return len(p.occupations) }, (*writer).occupation, func(p *plan, i int) string { return p.occupations[i].code }},
	{"families", func(p *plan) int { return len(p.families) }, (*writer).family, func(p *plan, i int) string { return p.families[i].id }},
	// One interstate compact per specialty.
	{"compacts", func(p *plan) int { return len(p.specialties) }, (*writer).compact, func(p *plan, i int) string { return p.specialties[i].id + "-compact" }},
}

// Write generates a content folder in dir, which must be empty or not
// exist, and returns the counts of what it wrote.
func Write(dir string, opts Options) (Counts, error) {
	if opts.Licenses < 1 {
		return Counts{}, errors.New("synth: need at least one license")
	}
	if opts.Today.IsZero() {
		opts.Today = time.Now()
	}
	y, m, d := opts.Today.Date()
	opts.Today = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if err := emptyDir(dir); err != nil {
		return Counts{}, err
	}
	p := newPlan(opts)
	for _, k := range kindWriters {
		if err := os.Mkdir(filepath.Join(dir, k.dir), 0o755); err != nil {
			return Counts{}, err
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "pages"), 0o755); err != nil {
		return Counts{}, err
	}
	fixed := map[string][]byte{"site.yaml": []byte(siteFile), "states.yaml": statesFile()}
	for name, text := range pages {
		fixed[filepath.Join("pages", name)] = []byte(text)
	}
	for name, data := range fixed {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return Counts{}, err
		}
	}
	return CountsFor(opts.Licenses), p.writeRecords(dir)
}

// emptyDir creates dir, or checks that it is empty: synth never mixes its
// records with others, nor removes anything.
func emptyDir(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return os.MkdirAll(dir, 0o755)
	case err != nil:
		return err
	case len(entries) > 0:
		return fmt.Errorf("synth: %s is not empty", dir)
	}
	return nil
}

// writeRecords writes every record file, spread over the cores. Each
// record draws from its own random stream, keyed by seed, kind and index,
// so the bytes do not depend on which worker writes it.
func (p *plan) writeRecords(dir string) error {
	type span struct {
		k     kindWriter
		kind  int
		start int // index of the kind's first record in the flat order
	}
	var spans []span
	total := 0
	for i, k := range kindWriters {
		spans = append(spans, span{k, i, total})
		total += k.count(p)
	}
	type worker struct {
		pcg *rand.PCG
		x   *writer
	}
	newWorker := func() worker {
		pcg := rand.NewPCG(0, 0)
		return worker{pcg, &writer{p: p, rng: rand.New(pcg)}}
	}
	return par.ForEach(total, runtime.GOMAXPROCS(0)*2, newWorker, func(wk worker, n int) error { // half of the time is in the kernel
		x := wk.x
		s := spans[0]
		for _, sp := range spans[1:] {
			if n >= sp.start {
				s = sp
			}
		}
		i := n - s.start
		wk.pcg.Seed(p.opts.Seed, uint64(s.kind)<<40|uint64(i))
		x.w.b = x.w.b[:0]
		s.k.write(x, i)
		return os.WriteFile(filepath.Join(dir, s.k.dir, s.k.id(p, i)+".yaml"), x.w.b, 0o644)
	})
}
