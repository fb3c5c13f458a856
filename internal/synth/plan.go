package synth

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
)

// The plan is every decision that links records together: who references
// whom, and every name and ID. It is made once, sequentially, from the
// seed; the files are then written from it in parallel, each from its own
// random stream, so the output does not depend on scheduling.

type family struct {
	id, name    string
	specialties []int
	occupations []int
}

type specialty struct {
	id, name, title string // name in sentence case, title in title case
	family          int
	occupations     []int
	certs           []int  // certifications whose first specialty it is
	licensed        uint64 // bit i: jurisdiction i has a license of it
	licenses        int
	notLicensed     []int // jurisdictions researched and found not to license it
}

type occupation struct {
	code, title string
	specialty   int // the first specialty coded to it, or -1
}

type issuer struct {
	id, name, acronym string
	certs             int
}

type cert struct {
	id, name, acronym string
	issuer            int // -1 for none
	specialties       []int
}

type board struct {
	id, name string
	state    int
	topic    string
	licenses int
}

type certRole struct {
	cert int
	role string
}

type license struct {
	id, title   string
	state       int
	board       int
	specialty   int
	variant     int
	credential  string
	leadsTo     int // for a permit, the license of its state and specialty it leads to; else -1
	occupations []int
	certs       []certRole
}

type plan struct {
	opts        Options
	families    []family
	specialties []specialty
	occupations []occupation
	issuers     []issuer
	certs       []cert
	boards      []board
	licenses    []license
}

// Counts are how many records of each kind a synthetic site of n licenses
// has: national proportions, per 10,000 licenses about 20 families, 200
// specialties, 400 occupations, 1,700 boards, 2,000 certifications and 250
// issuers, and at least one of each.
type Counts struct {
	Families, Specialties, Occupations, Licenses, Boards, Certifications, Issuers int
}

// CountsFor returns the record counts of a site of n licenses.
func CountsFor(n int) Counts {
	per := func(k int) int { return max(1, (n*k+5000)/10000) }
	c := Counts{
		Families:       per(20),
		Specialties:    per(200),
		Occupations:    per(400),
		Licenses:       n,
		Boards:         min(per(1700), n),
		Certifications: per(2000),
	}
	c.Issuers = min(per(250), c.Certifications)
	return c
}

// permute maps i in [0, m) to [0, m), one to one, scattering neighbours so
// that the first records of a small site already use varied words.
// Multiplying by a prime that does not divide m is a bijection modulo m.
func permute(i, m int) int {
	const a = 7919
	if m%a == 0 {
		return i % m
	}
	return (i*a + m/3) % m
}

// topic names an area of practice, such as "Respiratory Care", from an
// index below len(areas)*len(practices).
func topic(i int) string {
	return areas[i%len(areas)] + " " + practices[i/len(areas)%len(practices)]
}

func newPlan(opts Options) *plan {
	c := CountsFor(opts.Licenses)
	p := &plan{opts: opts}
	rng := rand.New(rand.NewPCG(opts.Seed, 0x5eed))
	p.planOccupations(c)
	p.planFamilies(c)
	p.planSpecialties(c)
	p.planIssuers(c)
	p.planCerts(c, rng)
	p.planBoards(c)
	p.planLicenses(c, rng)
	p.planAbsences(rng)
	return p
}

func (p *plan) planOccupations(c Counts) {
	space := len(qualifiers) * len(areas) * len(workers)
	p.occupations = make([]occupation, c.Occupations)
	for i := range p.occupations {
		j := i / len(socMajors)
		code := fmt.Sprintf("%02d-%04d.%02d", socMajors[i%len(socMajors)], 1000+(j*37+i%len(socMajors)*131)%9000, j/9000%100)
		k := permute(i%space, space)
		title := qualifiers[k%len(qualifiers)] + " " + areas[k/len(qualifiers)%len(areas)] + " " + workers[k/len(qualifiers)/len(areas)]
		if i >= space {
			title += " " + roman(i/space+1)
		}
		p.occupations[i] = occupation{code: code, title: title, specialty: -1}
	}
}

func (p *plan) planFamilies(c Counts) {
	space := len(areas) * (len(areas) - 1)
	p.families = make([]family, c.Families)
	for i := range p.families {
		k := permute(i%space, space)
		a1, a2 := k/(len(areas)-1), k%(len(areas)-1)
		if a2 >= a1 {
			a2++
		}
		name := areas[a1] + " and " + areas[a2] + " Care"
		if i >= space {
			name += " " + roman(i/space+1)
		}
		p.families[i] = family{id: slug(name), name: name}
	}
}

func (p *plan) planSpecialties(c Counts) {
	space := len(qualifiers) * len(areas) * len(practices)
	p.specialties = make([]specialty, c.Specialties)
	for i := range p.specialties {
		k := permute(i%space, space)
		title := qualifiers[k%len(qualifiers)] + " " + areas[k/len(qualifiers)%len(areas)] + " " + practices[k/len(qualifiers)/len(areas)]
		if i >= space {
			title += " " + roman(i/space+1)
		}
		s := &p.specialties[i]
		s.title = title
		s.name = title[:1] + strings.ToLower(title[1:])
		s.id = slug(title)
		s.family = i % len(p.families)
		f := &p.families[s.family]
		f.specialties = append(f.specialties, i)
		// Two occupations each, so every occupation is coded to one.
		for _, o := range []int{(2 * i) % len(p.occupations), (2*i + 1) % len(p.occupations)} {
			if len(s.occupations) == 0 || s.occupations[0] != o {
				s.occupations = append(s.occupations, o)
			}
			if p.occupations[o].specialty < 0 {
				p.occupations[o].specialty = i
			}
			if len(f.occupations) < 8 && !contains(f.occupations, o) {
				f.occupations = append(f.occupations, o)
			}
		}
	}
}

func (p *plan) planIssuers(c Counts) {
	space := len(issuerPatterns) * len(areas) * len(practices)
	p.issuers = make([]issuer, c.Issuers)
	ids := map[string]bool{}
	for i := range p.issuers {
		k := permute(i%space, space)
		pat := issuerPatterns[k%len(issuerPatterns)]
		name := pat.prefix + topic(k/len(issuerPatterns)) + pat.suffix
		if i >= space {
			name += " " + roman(i/space+1)
		}
		acr := acronym(name)
		p.issuers[i] = issuer{id: unique(ids, strings.ToLower(acr)), name: name, acronym: acr}
	}
}

func (p *plan) planCerts(c Counts, rng *rand.Rand) {
	p.certs = make([]cert, c.Certifications)
	ids := map[string]bool{}
	names := map[string]bool{} // issuer ID + "|" + lower-case name
	for i := range p.certs {
		x := &p.certs[i]
		s := i % len(p.specialties)
		x.specialties = []int{s}
		if len(p.specialties) > 1 && rng.IntN(5) == 0 {
			x.specialties = append(x.specialties, (s+1+rng.IntN(len(p.specialties)-1))%len(p.specialties))
		}
		p.specialties[s].certs = append(p.specialties[s].certs, i)
		switch {
		case i < len(p.issuers):
			x.issuer = i // every issuer awards at least one
		case rng.IntN(50) == 0:
			x.issuer = -1 // no issuer established: the record says why
		default:
			x.issuer = rng.IntN(len(p.issuers))
		}
		owner := "independent"
		if x.issuer >= 0 {
			owner = p.issuers[x.issuer].id
			p.issuers[x.issuer].certs++
		}
		for n := i / len(p.specialties); ; n++ {
			pat := certPatterns[n%len(certPatterns)]
			x.name = pat.prefix + p.specialties[s].title + pat.suffix
			if n >= len(certPatterns) {
				x.name += " " + roman(n/len(certPatterns)+1)
			}
			if key := owner + "|" + strings.ToLower(x.name); !names[key] {
				names[key] = true
				break
			}
		}
		x.acronym = acronym(x.name)
		x.id = unique(ids, owner+"-"+strings.ToLower(x.acronym))
	}
}

// planBoards spreads the boards over the jurisdictions by weight, by
// largest remainder so that the total is exact.
func (p *plan) planBoards(c Counts) {
	total := 0
	for _, j := range jurisdictions {
		total += j.weight
	}
	per := make([]int, len(jurisdictions))
	type rest struct{ state, rem int }
	var rests []rest
	given := 0
	for i, j := range jurisdictions {
		per[i] = c.Boards * j.weight / total
		given += per[i]
		rests = append(rests, rest{i, c.Boards * j.weight % total})
	}
	// Largest remainders first, ties by a stable order.
	for given < c.Boards {
		best := -1
		for k, r := range rests {
			if r.rem >= 0 && (best < 0 || r.rem > rests[best].rem) {
				best = k
			}
		}
		per[rests[best].state]++
		rests[best].rem = -1
		given++
	}
	space := len(boardPatterns) * len(areas) * len(practices)
	p.boards = make([]board, 0, c.Boards)
	ids := map[string]bool{}
	for st, n := range per {
		j := jurisdictions[st]
		for k := range n {
			q := permute((k+st*97)%space, space)
			pat := boardPatterns[q%len(boardPatterns)]
			tp := topic(q / len(boardPatterns))
			rest := pat.prefix + tp + pat.suffix
			if k >= space {
				rest += " " + roman(k/space+1)
			}
			p.boards = append(p.boards, board{
				id:    unique(ids, strings.ToLower(j.code)+"-"+slug(rest)),
				name:  j.name + " " + rest,
				state: st,
				topic: tp,
			})
		}
	}
}

func (p *plan) planLicenses(c Counts, rng *rand.Rand) {
	p.licenses = make([]license, c.Licenses)
	// The first licenses take each board once, in a scattered order, so
	// that every board is referenced.
	order := rng.Perm(len(p.boards))
	seen := map[int]int{} // state*len(specialties)+specialty -> licenses so far
	full := map[int]int{} // the same key -> its first license that is not a permit
	ids := map[string]bool{}
	for i := range p.licenses {
		l := &p.licenses[i]
		if i < len(order) {
			l.board = order[i]
		} else {
			l.board = rng.IntN(len(p.boards))
		}
		b := &p.boards[l.board]
		b.licenses++
		l.state = b.state
		if i < len(p.specialties) {
			l.specialty = i
		} else {
			l.specialty = rng.IntN(len(p.specialties))
		}
		s := &p.specialties[l.specialty]
		s.licensed |= 1 << l.state
		s.licenses++
		key := l.state*len(p.specialties) + l.specialty
		k := seen[key]
		seen[key] = k + 1
		l.variant, l.leadsTo = (k+l.specialty)%len(licenseVariants), -1
		l.credential = licenseVariants[l.variant].credential
		if _, ok := full[key]; !ok && l.credential != "permit" {
			full[key] = i
		}
		v := licenseVariants[l.variant]
		l.title = v.prefix + s.title + v.suffix
		if k >= len(licenseVariants) {
			l.title += " Level " + strconv.Itoa(k/len(licenseVariants)+1)
		}
		l.id = unique(ids, strings.ToLower(jurisdictions[l.state].code)+"-"+slug(l.title))
		l.occupations = s.occupations[:1]
		if len(s.occupations) > 1 && rng.IntN(3) == 0 {
			l.occupations = s.occupations
		}
		want := 2 + rng.IntN(2)
		pool := s.certs
		for _, j := range rng.Perm(len(pool)) {
			if len(l.certs) == want {
				break
			}
			role := "accepted"
			switch {
			case len(l.certs) == 0 && rng.IntN(2) == 0:
				role = "required"
			case len(l.certs) > 0 && rng.IntN(3) == 0:
				role = "alternative"
			}
			l.certs = append(l.certs, certRole{cert: pool[j], role: role})
		}
	}
	// A permit leads to the first full license of its state and specialty;
	// where there is none, the credential is a license of its own.
	for i := range p.licenses {
		l := &p.licenses[i]
		if l.credential != "permit" {
			continue
		}
		if f, ok := full[l.state*len(p.specialties)+l.specialty]; ok {
			l.leadsTo = f
		} else {
			l.credential = "license"
		}
	}
}

// planAbsences lists, for some specialties, a few jurisdictions researched
// and found not to license them: only ones without a license of it.
func (p *plan) planAbsences(rng *rand.Rand) {
	for i := range p.specialties {
		s := &p.specialties[i]
		n := rng.IntN(4)
		for _, st := range rng.Perm(len(jurisdictions)) {
			if len(s.notLicensed) == n {
				break
			}
			if s.licensed&(1<<st) == 0 {
				s.notLicensed = append(s.notLicensed, st)
			}
		}
	}
}

// slug turns a name into a lower-case kebab-case ID.
func slug(s string) string {
	b := make([]byte, 0, len(s))
	dash := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		default:
			dash = len(b) > 0
			continue
		}
		if dash {
			b = append(b, '-')
			dash = false
		}
		b = append(b, c)
	}
	return string(b)
}

// acronym is the initials of a name's capitalised words, as in NBRC.
func acronym(name string) string {
	var b []byte
	for w := range strings.FieldsSeq(name) {
		if w[0] >= 'A' && w[0] <= 'Z' {
			b = append(b, w[0])
		}
	}
	return string(b)
}

// unique returns id, or id with the first free numeric suffix, and marks it
// taken.
func unique(taken map[string]bool, id string) string {
	out := id
	for n := 2; taken[out]; n++ {
		out = id + "-" + strconv.Itoa(n)
	}
	taken[out] = true
	return out
}

func contains(list []int, x int) bool {
	for _, y := range list {
		if y == x {
			return true
		}
	}
	return false
}

// roman writes n (1 to 3999) in Roman numerals, for the rare name that
// needs a number to stay unique.
func roman(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}
