package synth

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// buf builds one file. Its methods append YAML the way editors write it.
type buf struct {
	b []byte
}

func (w *buf) raw(parts ...string) {
	for _, s := range parts {
		w.b = append(w.b, s...)
	}
}

// kv writes "key: value" at the indentation, quoting the value when YAML
// would not read it as the same plain string.
func (w *buf) kv(indent, key, value string) {
	w.b = append(w.b, indent...)
	w.b = append(w.b, key...)
	w.b = append(w.b, ": "...)
	w.scalar(value)
	w.b = append(w.b, '\n')
}

func (w *buf) scalar(s string) {
	if plain(s) {
		w.b = append(w.b, s...)
		return
	}
	w.b = strconv.AppendQuote(w.b, s)
}

// plain reports whether s reads back as the same string when written as a
// plain YAML scalar in block context.
func plain(s string) bool {
	if s == "" || strings.ContainsAny(s[:1], "-?:,[]{}#&*!|>'\"%@` ") ||
		strings.Contains(s, ": ") || strings.Contains(s, " #") || strings.ContainsAny(s, "\n\t\\") ||
		strings.HasSuffix(s, ":") || strings.HasSuffix(s, " ") {
		return false
	}
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off", "null", "~", "y", "n":
		return false
	}
	return true
}

// prose writes a Markdown block scalar from paragraphs; each element is
// one source line, "" a blank line.
func (w *buf) prose(indent, key string, lines ...string) {
	w.raw(indent, key, ": |\n")
	for _, l := range lines {
		if l == "" {
			w.b = append(w.b, '\n')
			continue
		}
		w.raw(indent, "  ", l, "\n")
	}
}

// list writes a flow list of plain scalars: [a, b].
func (w *buf) list(key string, items []string) {
	w.raw(key, ": [", strings.Join(items, ", "), "]\n")
}

func (w *buf) sources(indent string, srcs ...[2]string) {
	w.raw(indent, "sources:\n")
	for _, s := range srcs {
		w.kv(indent+"  - ", "title", s[0])
		w.kv(indent+"    ", "url", s[1])
	}
}

func (w *buf) schema(kind string) {
	w.raw("# yaml-language-server: $schema=https://synthetic.example.org/schema/", kind, ".json\n")
}

// writer holds what writing one record needs: the plan, the buffer and
// the record's own random stream.
type writer struct {
	p   *plan
	w   buf
	rng *rand.Rand
}

func (x *writer) pick(list []string) string { return list[x.rng.IntN(len(list))] }

func (x *writer) date() string {
	return x.p.opts.Today.AddDate(0, 0, -x.rng.IntN(300)).Format(time.DateOnly)
}

func link(text, kind, id string) string { return "[" + text + "](" + kind + ":" + id + ")" }

func host(id string) string { return "https://" + id + ".example.org" }

func lowerFirst(s string) string { return strings.ToLower(s[:1]) + s[1:] }

func (x *writer) license(i int) {
	p, w := x.p, &x.w
	l := &p.licenses[i]
	st := jurisdictions[l.state]
	s := &p.specialties[l.specialty]
	b := &p.boards[l.board]
	chapter := strconv.Itoa(1000 + x.rng.IntN(8000))
	renewal := x.pick(renewals)
	ce := ceHours[x.rng.IntN(len(ceHours))]
	exam := x.pick(exams)
	exper := x.pick(experience)
	first := &p.certs[l.certs[0].cert]

	w.schema("license")
	w.kv("", "title", l.title)
	w.kv("", "state", st.code)
	w.kv("", "specialty", s.id)
	w.kv("", "board", b.id)
	codes := make([]string, len(l.occupations))
	for k, o := range l.occupations {
		codes[k] = p.occupations[o].code
	}
	w.list("occupations", codes)
	w.kv("", "credential", l.credential)
	if l.leadsTo >= 0 {
		w.kv("", "leads_to", p.licenses[l.leadsTo].id)
	}
	lines := []string{
		st.name + " requires a " + l.credential + " to practise " + strings.ToLower(s.title) + " or to use the title",
		l.title + ". The " + link(b.name, "board", b.id),
		"issues it and renews it " + lowerFirst(renewal) + ".",
		"",
		"Applicants need:",
		"",
		"- completion of an accredited " + strings.ToLower(s.title) + " program of at least " + strconv.Itoa(6+x.rng.IntN(24)) + " months;",
		"- a passing score on the " + lowerFirst(exam) + ", usually taken through the",
		"  " + link(first.name+" ("+first.acronym+")", "certification", first.id) + ";",
		"- " + lowerFirst(exper) + " before the first renewal.",
		"",
	}
	if len(l.certs) > 1 {
		c := &p.certs[l.certs[1].cert]
		lines = append(lines, "The board also recognises the "+link(c.acronym, "certification", c.id)+" credential.")
	}
	lines = append(lines,
		"Holders complete "+strconv.Itoa(ce)+" hours of continuing education each renewal cycle, and a",
		"practitioner licensed in another state may qualify by endorsement without a new examination.")
	w.prose("", "summary", lines...)
	w.raw("requirements:\n")
	w.kv("  ", "education", x.pick(educations))
	w.kv("  ", "exam", exam)
	w.raw("  certifications:\n")
	for _, c := range l.certs {
		w.kv("    - ", "id", p.certs[c.cert].id)
		w.kv("      ", "role", c.role)
	}
	if x.rng.IntN(4) > 0 {
		w.kv("  ", "experience", exper)
	}
	w.kv("  ", "continuing_education", strconv.Itoa(ce)+" contact hours every two years")
	w.kv("  ", "renewal", renewal)
	if x.rng.IntN(3) > 0 {
		f := fees[x.rng.IntN(len(fees))]
		w.raw("  fees:\n")
		w.kv("    - ", "for", "application")
		w.raw("      amount: " + strconv.Itoa(f[0]) + "\n")
		w.kv("    - ", "for", "renewal")
		w.raw("      amount: " + strconv.Itoa(f[1]) + "\n      months: 24\n")
	}
	if x.rng.IntN(2) > 0 {
		w.raw("portability:\n")
		w.prose("  ", "endorsement", "A practitioner licensed in another state qualifies with a current license in good",
			"standing and the "+link(first.acronym, "certification", first.id)+" credential, without a new examination.")
		w.prose("  ", "temporary_permit", "The board issues a temporary permit for "+strconv.Itoa(3+x.rng.IntN(9))+" months while the application is pending.")
	}
	law := "https://law-" + strings.ToLower(st.code) + ".example.org/chapter-" + chapter
	w.raw("statute:\n")
	w.kv("  ", "citation", st.name+" Code ch. "+chapter+" § "+strconv.Itoa(1+x.rng.IntN(40))+" et seq.")
	w.kv("  ", "url", law)
	if x.rng.IntN(3) > 0 {
		w.raw("links:\n")
		w.kv("  ", "apply", host(b.id)+"/apply")
		w.kv("  ", "verify", host(b.id)+"/verify")
	}
	srcs := [][2]string{
		{st.name + " Code ch. " + chapter + ", " + l.title + " licensure", law},
		{b.name + ", application for " + l.title, host(b.id) + "/licenses/" + l.id},
	}
	if x.rng.IntN(2) == 0 {
		srcs = append(srcs, [2]string{b.name + ", rules and regulations", host(b.id) + "/rules"})
	}
	w.sources("", srcs...)
	w.kv("", "reviewed", x.date())
}

func (x *writer) board(i int) {
	p, w := x.p, &x.w
	b := &p.boards[i]
	st := jurisdictions[b.state]
	w.schema("board")
	w.kv("", "name", b.name)
	w.kv("", "state", st.code)
	if x.rng.IntN(3) == 0 {
		w.kv("", "parent", x.pick(boardParents))
	}
	w.kv("", "url", host(b.id))
	if x.rng.IntN(5) > 0 {
		w.prose("", "summary",
			"The board licenses "+strings.ToLower(b.topic)+" practitioners in "+link(st.name, "state", st.code)+",",
			"renews and reinstates their credentials, and disciplines licensees for",
			"unprofessional conduct. It meets "+x.pick(meetings)+" and publishes its rules in the",
			st.name+" administrative code, with "+plural(b.licenses, "license", "licenses")+" under its authority.")
	}
	w.sources("", [2]string{b.name + ", about the board", host(b.id) + "/about"})
	w.kv("", "reviewed", x.date())
}

func (x *writer) cert(i int) {
	p, w := x.p, &x.w
	c := &p.certs[i]
	s := &p.specialties[c.specialties[0]]
	w.schema("certification")
	w.kv("", "name", c.name)
	w.kv("", "acronym", c.acronym)
	site := host("independent")
	by := "an awarding body this site has not established"
	if c.issuer >= 0 {
		is := &p.issuers[c.issuer]
		w.kv("", "issuer", is.id)
		site = host(is.id)
		by = "the " + link(is.name, "issuer", is.id)
	} else {
		w.kv("", "issuer_note", "The listing that names this title gives no awarding body.")
	}
	ids := make([]string, len(c.specialties))
	for k, sp := range c.specialties {
		ids[k] = p.specialties[sp].id
	}
	w.list("specialties", ids)
	url := site + "/certifications/" + strings.ToLower(c.acronym)
	w.kv("", "url", url)
	w.prose("", "summary",
		"The "+c.name+" ("+c.acronym+") is awarded by "+by,
		"to candidates who complete an accredited program in "+strings.ToLower(s.title)+" and pass a",
		strconv.Itoa(100+10*x.rng.IntN(15))+"-question examination. Holders keep it current by continuing",
		"education or by retesting every "+strconv.Itoa(2+x.rng.IntN(4))+" years.",
		"",
		"The examination covers:",
		"",
		"- patient assessment, safety and infection control;",
		"- "+strings.ToLower(s.title)+" equipment and procedures;",
		"- professional, ethical and legal responsibilities.",
		"",
		"It serves "+link(s.name, "specialty", s.id)+" practitioners, and several state",
		"licenses accept it in place of a state examination.")
	w.sources("", [2]string{c.name + " (" + c.acronym + ") candidate handbook", url + "/handbook"})
	w.kv("", "reviewed", x.date())
}

func (x *writer) issuer(i int) {
	p, w := x.p, &x.w
	is := &p.issuers[i]
	w.schema("issuer")
	w.kv("", "name", is.name)
	w.kv("", "acronym", is.acronym)
	w.kv("", "url", host(is.id))
	if x.rng.IntN(4) > 0 {
		w.prose("", "summary",
			"A not-for-profit credentialing body founded in "+strconv.Itoa(1950+x.rng.IntN(70))+". It sets the",
			"standards practitioners in its field are examined against and awards",
			plural(is.certs, "certification", "certifications")+", each renewed through continuing education.")
	}
	w.sources("", [2]string{"About the " + is.name, host(is.id) + "/about"})
	w.kv("", "reviewed", x.date())
}

func (x *writer) specialty(i int) {
	p, w := x.p, &x.w
	s := &p.specialties[i]
	f := &p.families[s.family]
	o := &p.occupations[s.occupations[0]]
	w.schema("specialty")
	w.kv("", "name", s.name)
	w.kv("", "family", f.id)
	w.prose("", "summary",
		s.title+" practitioners assess and treat patients under the direction of",
		"physicians, run and maintain the equipment of the field and keep treatment",
		"records. It is one of the specialties of "+link(f.name, "family", f.id)+"; most",
		"states that license it require an accredited program and a national",
		"certification. It is coded as "+link(o.title, "occupation", o.code)+".")
	codes := make([]string, len(s.occupations))
	for k, oc := range s.occupations {
		codes[k] = p.occupations[oc].code
	}
	w.list("occupations", codes)
	src := [2]string{"National occupational licensing database, " + s.name, "https://licensing.example.org/database/" + s.id}
	if x.rng.IntN(2) == 0 {
		w.raw("reported:\n")
		w.kv("  ", "licenses", strconv.Itoa(s.licenses+x.rng.IntN(5)))
		w.kv("  ", "jurisdictions", strconv.Itoa(popcount(s.licensed)+x.rng.IntN(3)))
		w.raw("  source:\n")
		w.kv("    ", "title", src[0])
		w.kv("    ", "url", src[1])
	}
	if len(s.notLicensed) > 0 {
		w.raw("not_licensed:\n")
		for _, st := range s.notLicensed {
			j := jurisdictions[st]
			w.kv("  - ", "state", j.code)
			w.kv("    ", "note", "Practitioners work under physician delegation.")
			w.raw("    source:\n")
			w.kv("      ", "title", j.name+" scope of practice survey")
			w.kv("      ", "url", "https://law-"+strings.ToLower(j.code)+".example.org/scope/"+s.id)
			w.kv("    ", "reviewed", x.date())
		}
	}
	w.sources("", src)
	w.kv("", "reviewed", x.date())
}

func (x *writer) occupation(i int) {
	p, w := x.p, &x.w
	o := &p.occupations[i]
	url := "https://www.onetonline.org/link/summary/" + o.code
	w.schema("occupation")
	w.kv("", "title", o.title)
	lines := []string{
		o.title + " work with patients and equipment in hospitals, clinics and",
		"laboratories, following the orders of physicians and recording what they do.",
		"They prepare patients, run tests or treatments, watch for complications and",
		"keep their equipment in working order.",
	}
	if o.specialty >= 0 {
		s := &p.specialties[o.specialty]
		lines = append(lines, "It is the usual code for "+link(strings.ToLower(s.title), "specialty", s.id)+" licenses.")
	}
	w.prose("", "summary", lines...)
	w.kv("", "url", url)
	w.sources("", [2]string{"O*NET OnLine, Summary Report for " + o.code + " " + o.title, url})
}

func (x *writer) family(i int) {
	p, w := x.p, &x.w
	f := &p.families[i]
	w.schema("family")
	w.kv("", "name", f.name)
	lines := []string{
		"This family gathers allied health workers who run or assist with technical",
		"equipment and treatment, working alongside physicians and nurses. Its",
		"specialties include",
	}
	shown := f.specialties[:min(4, len(f.specialties))]
	for k, sp := range shown {
		s := &p.specialties[sp]
		sep := ","
		switch {
		case k == len(shown)-1:
			sep = "."
		case k == len(shown)-2:
			sep = " and"
		}
		lines = append(lines, link(strings.ToLower(s.title), "specialty", s.id)+sep)
	}
	lines = append(lines, "",
		"Most states ask for completion of a set training program, a recognised",
		"national certification, or both, and many spell out the credit hours or",
		"experience they expect. Licenses usually come from a board devoted to the",
		"field, but many states place them under a medical board or an umbrella",
		"agency such as a division of professional licensing.")
	w.prose("", "summary", lines...)
	codes := make([]string, len(f.occupations))
	for k, o := range f.occupations {
		codes[k] = p.occupations[o].code
	}
	w.list("occupations", codes)
	src := [2]string{"National occupational licensing database, " + f.name, "https://licensing.example.org/families/" + f.id}
	w.raw("reported:\n")
	w.kv("  ", "licenses", strconv.Itoa(x.rng.IntN(200)))
	w.kv("  ", "jurisdictions", strconv.Itoa(1+x.rng.IntN(56)))
	w.raw("  source:\n")
	w.kv("    ", "title", src[0])
	w.kv("    ", "url", src[1])
	w.sources("", src)
	w.kv("", "reviewed", x.date())
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

func popcount(x uint64) int {
	n := 0
	for ; x != 0; x &= x - 1 {
		n++
	}
	return n
}

// siteFile is content/site.yaml.
const siteFile = `# Settings for every page of a synthetic site written by licensure synth.
title: Licensure (synthetic)
description: A synthetic site of occupational licenses, generated to measure how the site builds at scale.
base_url: https://synthetic.example.org
repository: https://github.com/licensure/licensure
edit_url: https://github.com/licensure/licensure/edit/main/{path}
issue_url: https://github.com/licensure/licensure/issues/new?title={title}
language: en-US
`

func statesFile() []byte {
	var w buf
	w.raw("# Every jurisdiction the site covers: the 50 states, the District of Columbia\n",
		"# and the five inhabited territories. Codes are USPS codes.\n", "states:\n")
	for _, j := range jurisdictions {
		w.raw("  - {code: ", j.code, ", name: ", j.name, ", type: ", j.typ, "}\n")
	}
	return w.b
}

// pages are content/pages/*.md, which the footer and templates link to.
var pages = map[string]string{
	"about.md": "---\ntitle: About\ndescription: What this synthetic site is.\norder: 1\n---\n# About\n\n" +
		"This site was written by `licensure synth` to measure how the build scales. Its\n" +
		"records are invented; see [the licenses](/licenses/) or [Ohio](state:OH).\n",
	"methodology.md": "---\ntitle: Methodology\ndescription: How the synthetic records are made.\norder: 2\n---\n# Methodology\n\n" +
		"Records are generated from a seed at national proportions: per 10,000 licenses\n" +
		"about 1,700 boards, 2,000 certifications and 250 issuers.\n",
	"contributing.md": "---\ntitle: Contributing\ndescription: How to improve the synthetic generator.\norder: 3\n---\n# Contributing\n\n" +
		"Change `internal/synth` and regenerate.\n",
}

// compact writes the interstate compact of specialty i: about a third of
// the states that license the specialty have enacted it, a few more have a
// bill pending.
func (x *writer) compact(i int) {
	p, w := x.p, &x.w
	s := &p.specialties[i]
	w.schema("compact")
	w.kv("", "name", s.title+" Interstate Compact")
	w.list("specialties", []string{s.id})
	w.prose("", "summary", "A holder of a "+s.name+" license in a member state may practise in the other member",
		"states under a privilege to practise, once the compact is operational.")
	w.kv("", "model_legislation", host(s.id)+"/compact/model-legislation")
	w.raw("activation_threshold: 7\nstatus: gathering-members\nmembers:\n")
	for j := range jurisdictions {
		if s.licensed&(1<<j) == 0 || x.rng.IntN(2) == 0 {
			continue
		}
		status := "enacted"
		if x.rng.IntN(3) == 0 {
			status = "pending"
		}
		law := "HB " + strconv.Itoa(100+x.rng.IntN(900)) + " (2025)"
		w.kv("  - ", "state", jurisdictions[j].code)
		w.kv("    ", "status", status)
		w.kv("    ", "law", law)
		w.kv("    ", "date", x.date())
		w.raw("    source:\n")
		w.kv("      ", "title", jurisdictions[j].name+" Legislature, "+law)
		w.kv("      ", "url", "https://law-"+strings.ToLower(jurisdictions[j].code)+".example.org/bills/"+strconv.Itoa(j))
	}
	w.sources("", [2]string{s.title + " Interstate Compact, model legislation", host(s.id) + "/compact/model-legislation"})
	w.kv("", "reviewed", x.date())
}
