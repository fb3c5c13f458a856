package model

import (
	"reflect"
	"strings"
)

// Kind describes one folder of records under content/: its names, the
// words readers see for it, and which field titles a record. Every package
// that names a kind to readers (indexes, breadcrumbs, search, open data)
// reads these words, so a kind is called the same everywhere.
type Kind struct {
	Name     string       // the folder and URL segment, plural: "licenses"
	Singular string       // the word in record links and schema files: "license"
	Type     reflect.Type // the record's Go type
	TitleKey string       // the YAML key of the field that names a record to readers
	Label    string       // one record, for readers: "Certifying body"
	Plural   string       // the kind, for readers, as an index page's title: "Certifying bodies"
	Doc      string       // what a record of the kind is, one sentence

	title int // the index in Type of the field TitleKey names
}

// Kinds lists the record kinds in the order pages and indexes present them.
var Kinds = []Kind{
	kind[Family]("families", "family", "name", "License family", "License families", "A group of related specialties, such as the respiratory professions."),
	kind[Specialty]("specialties", "specialty", "name", "Specialty", "Specialties", "One licensed practice area, the same across states."),
	kind[Occupation]("occupations", "occupation", "title", "Occupation", "Occupations", "An O*NET-SOC occupation, which links licenses to labour statistics."),
	kind[License]("licenses", "license", "title", "License", "Licenses", "One state's credential to practise a specialty."),
	kind[Board]("boards", "board", "name", "Board", "Boards", "The state body that issues and regulates licenses."),
	kind[Certification]("certifications", "certification", "name", "Certification", "Certifications", "A national credential some licenses require or accept."),
	kind[Issuer]("issuers", "issuer", "name", "Certifying body", "Certifying bodies", "The organisation that grants certifications."),
	kind[Compact]("compacts", "compact", "name", "Interstate compact", "Interstate compacts", "An agreement between states that lets a license holder practise in the others."),
}

// StatesKind is the kind of the entries of content/states.yaml, which
// references name by their USPS code.
var StatesKind = kind[State]("states", "state", "name", "State", "States and territories", "A state, territory or district that licenses, or does not license, each specialty.")

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

// Title returns the title of record v, a pointer to a k.Type: the value
// of its field k.TitleKey.
func (k Kind) Title(v any) string {
	return reflect.ValueOf(v).Elem().Field(k.title).String()
}

func kind[T any](name, singular, titleKey, label, plural, doc string) Kind {
	t := reflect.TypeFor[T]()
	k := Kind{Name: name, Singular: singular, Type: t, TitleKey: titleKey, Label: label, Plural: plural, Doc: doc, title: -1}
	for i := range t.NumField() {
		if key, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ","); key == titleKey && t.Field(i).Type.Kind() == reflect.String {
			k.title = i
		}
	}
	if k.title < 0 {
		panic("model: " + name + " has no text field " + titleKey)
	}
	return k
}
