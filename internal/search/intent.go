package search

import (
	"slices"
	"strings"

	"github.com/licensure/licensure/internal/resolve"
)

// Tables are what search.js needs to read a query as "this state, this
// specialty": the states and specialties, the phrases that name them and
// what research found where a state does not license a specialty. Every
// phrase is a list of stems joined by spaces, as search.js splits and stems
// the query.
type Tables struct {
	States      []StateRow
	Specialties []SpecialtyRow
	Names       []Name
	Absent      []Absent
}

// StateRow is a state or territory: its USPS code, name and page.
type StateRow struct{ Code, Name, Path string }

// SpecialtyRow is a specialty: its name and page.
type SpecialtyRow struct{ Name, Path string }

// Name is a phrase that names a state or a specialty (the other is -1):
// an index into Tables.States or Tables.Specialties. Acronym marks a
// certification's acronym: it names the certification first, so a query
// of it alone ranks the certification above the specialty's page.
type Name struct {
	Phrase           string
	State, Specialty int
	Acronym          bool
}

// Absent is a sourced finding that a state does not license a specialty.
type Absent struct {
	State, Specialty  int
	Note, Source, URL string
}

// demonyms name a jurisdiction's people, by USPS code. The District's
// "Washingtonian" is left out: it would also name Washington state's.
var demonyms = map[string][]string{
	"AL": {"Alabamian", "Alabaman"}, "AK": {"Alaskan"}, "AZ": {"Arizonan"}, "AR": {"Arkansan"},
	"CA": {"Californian"}, "CO": {"Coloradan"}, "CT": {"Connecticuter", "Nutmegger"}, "DE": {"Delawarean"},
	"FL": {"Floridian"}, "GA": {"Georgian"}, "HI": {"Hawaiian"}, "ID": {"Idahoan"}, "IL": {"Illinoisan"},
	"IN": {"Indianan", "Hoosier"}, "IA": {"Iowan"}, "KS": {"Kansan"}, "KY": {"Kentuckian"},
	"LA": {"Louisianian", "Louisianan"}, "ME": {"Mainer"}, "MD": {"Marylander"}, "MA": {"Bay Stater"},
	"MI": {"Michigander", "Michiganian"}, "MN": {"Minnesotan"}, "MS": {"Mississippian"}, "MO": {"Missourian"},
	"MT": {"Montanan"}, "NE": {"Nebraskan"}, "NV": {"Nevadan"}, "NH": {"New Hampshirite"}, "NJ": {"New Jerseyan"},
	"NM": {"New Mexican"}, "NY": {"New Yorker"}, "NC": {"North Carolinian"}, "ND": {"North Dakotan"},
	"OH": {"Ohioan"}, "OK": {"Oklahoman"}, "OR": {"Oregonian"}, "PA": {"Pennsylvanian"}, "RI": {"Rhode Islander"},
	"SC": {"South Carolinian"}, "SD": {"South Dakotan"}, "TN": {"Tennessean"}, "TX": {"Texan"}, "UT": {"Utahn", "Utahan"},
	"VT": {"Vermonter"}, "VA": {"Virginian"}, "WA": {"Washingtonian"}, "WV": {"West Virginian"},
	"WI": {"Wisconsinite"}, "WY": {"Wyomingite"}, "PR": {"Puerto Rican"}, "GU": {"Guamanian"},
	"VI": {"Virgin Islander"}, "AS": {"American Samoan"}, "MP": {"Northern Mariana Islander"},
}

// commonCodes are state codes that are also everyday words; a query names
// the state with them only when typed in capitals (search.js checks).
var commonCodes = map[string]bool{"as": true, "hi": true, "id": true, "in": true, "me": true, "ok": true, "or": true}

// synonyms are other names of specialties, by specialty ID: the words
// people search with that neither the specialty's name nor a
// certification's acronym gives. Certification acronyms come from the
// content itself (see specialtyNames).
var synonyms = map[string][]string{
	"respiratory-care":          {"RT", "RCP", "respiratory therapy", "respiratory therapist", "inhalation therapy"},
	"perfusion":                 {"perfusionist", "clinical perfusion", "cardiovascular perfusion"},
	"dialysis":                  {"hemodialysis", "haemodialysis", "dialysis technician", "nephrology technician"},
	"cardiovascular-technology": {"cardiovascular technologist", "cardiac technologist", "CVT"},
}

// generic are words of specialty names too common to name one alone.
var generic = map[string]bool{"care": true, "technology": true, "technologist": true, "technician": true, "therapy": true, "health": true, "medical": true, "clinical": true}

// BuildTables reads the tables from g: states in g's order, specialties
// likewise, and phrases from names, codes, demonyms, synonyms and the
// acronyms of each specialty's certifications.
func BuildTables(g *resolve.Graph) Tables {
	var t Tables
	seen := map[Name]bool{}
	add := func(phrase string, state, spec int, acronym bool) {
		n := Name{Phrase: phrase, State: state, Specialty: spec, Acronym: acronym}
		if phrase != "" && !seen[n] {
			seen[n] = true
			t.Names = append(t.Names, n)
		}
	}
	stateIdx := map[*resolve.State]int{}
	for i, s := range g.States {
		stateIdx[s] = i
		t.States = append(t.States, StateRow{Code: string(s.Code), Name: s.Name, Path: s.Path})
		add(phrase(s.Name), i, -1, false)
		if code := strings.ToLower(string(s.Code)); !commonCodes[code] {
			add(code, i, -1, false)
		}
		for _, d := range demonyms[string(s.Code)] {
			add(phrase(d), i, -1, false)
		}
	}
	specialtyNames(g, add)
	for j, s := range g.Specialties {
		t.Specialties = append(t.Specialties, SpecialtyRow{Name: s.Name, Path: s.Path})
		for _, a := range s.Specialty.NotLicensed {
			for i, st := range g.States {
				if string(st.Code) == string(a.State) {
					t.Absent = append(t.Absent, Absent{State: i, Specialty: j, Note: a.Note, Source: a.Source.Title, URL: string(a.Source.URL)})
				}
			}
		}
	}
	return t
}

// specialtyNames adds the phrases that name each specialty: its name, a
// word of its name no other specialty shares (unless generic), its
// synonyms and the acronyms of its certifications.
func specialtyNames(g *resolve.Graph, add func(phrase string, state, spec int, acronym bool)) {
	owners := map[string]int{}
	for _, s := range g.Specialties {
		for _, w := range slices.Compact(slices.Sorted(slices.Values(terms(s.Name)))) {
			owners[w]++
		}
	}
	for j, s := range g.Specialties {
		add(phrase(s.Name), -1, j, false)
		for _, w := range terms(s.Name) {
			if owners[w] == 1 && !generic[w] && len(w) > 3 {
				add(w, -1, j, false)
			}
		}
		for _, syn := range synonyms[s.ID] {
			add(phrase(syn), -1, j, false)
		}
		for _, c := range s.Certifications {
			if p := phrase(c.Acronym); strings.Count(p, " ") < 2 {
				add(p, -1, j, true)
			}
		}
	}
}

// terms splits s into words, leaves out stopwords and stems the rest.
func terms(s string) []string {
	var out []string
	eachWord(s, func(w string) {
		if !stopwords[w] {
			out = append(out, Stem(w))
		}
	})
	return out
}

// phrase is s as search.js reads a query: stems joined by spaces.
func phrase(s string) string { return strings.Join(terms(s), " ") }
