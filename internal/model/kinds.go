package model

import "reflect"

// Kind describes one folder of records under content/.
type Kind struct {
	Name     string       // the folder and URL segment, plural: "licenses"
	Singular string       // the word in record links and schema files: "license"
	Type     reflect.Type // the record's Go type
	TitleKey string       // the YAML key that names a record to readers
}

// Kinds lists the record kinds in the order pages and indexes present them.
var Kinds = []Kind{
	{"families", "family", reflect.TypeFor[Family](), "name"},
	{"specialties", "specialty", reflect.TypeFor[Specialty](), "name"},
	{"occupations", "occupation", reflect.TypeFor[Occupation](), "title"},
	{"licenses", "license", reflect.TypeFor[License](), "title"},
	{"boards", "board", reflect.TypeFor[Board](), "name"},
	{"certifications", "certification", reflect.TypeFor[Certification](), "name"},
	{"issuers", "issuer", reflect.TypeFor[Issuer](), "name"},
	{"compacts", "compact", reflect.TypeFor[Compact](), "name"},
}

// StatesKind is the kind of the entries of content/states.yaml, which
// references name by their USPS code.
var StatesKind = Kind{"states", "state", reflect.TypeFor[State](), "name"}

// KindNamed returns the kind whose plural or singular name is name.
func KindNamed(name string) (Kind, bool) {
	for _, k := range Kinds {
		if k.Name == name || k.Singular == name {
			return k, true
		}
	}
	if StatesKind.Name == name || StatesKind.Singular == name {
		return StatesKind, true
	}
	return Kind{}, false
}
