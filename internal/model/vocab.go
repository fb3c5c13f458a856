package model

import (
	"reflect"
	"slices"
	"strings"
	"sync"
)

// The vocabularies of the model: the values of each enum are defined once,
// in its field's `check` tag, and read from there; their labels are defined
// here, and a test makes sure every value has one.

// CredentialKinds lists the values of License.Credential, from the
// strongest: a state's status for a specialty is that of its strongest
// credential.
func CredentialKinds() []string { return slices.Clone(credentialKinds()) }

// credentialKinds reads the tag once: pages ask for the order of
// credentials once per state and specialty.
var credentialKinds = sync.OnceValue(func() []string { return enumOf[License]("Credential") })

// CertRoles lists the values of CertRequirement.Role.
func CertRoles() []string { return enumOf[CertRequirement]("Role") }

// FeeKinds lists the values of Fee.For.
func FeeKinds() []string { return enumOf[Fee]("For") }

// CredentialLabels name each kind of credential for readers, as a legend
// or a status says it.
var CredentialLabels = map[string]string{
	"license":          "License",
	"certificate":      "Certificate",
	"registration":     "Registration",
	"permit":           "Permit",
	"certification":    "State certification",
	"title-protection": "Title protection",
}

// CertRoleLabels name each role of a certification in a license.
var CertRoleLabels = map[string]string{"required": "Required", "accepted": "Accepted", "alternative": "Alternative"}

// FeeLabels name what each fee is for.
var FeeLabels = map[string]string{
	"application":   "Application",
	"initial":       "Initial license",
	"renewal":       "Renewal",
	"permit":        "Permit",
	"exam":          "Examination",
	"endorsement":   "Endorsement",
	"late":          "Late renewal",
	"reinstatement": "Reinstatement",
	"other":         "Other",
}

// CredentialLabel, CertRoleLabel, CertRoleDoc and FeeLabel look a value up.
func CredentialLabel(v string) string { return CredentialLabels[v] }
func CertRoleLabel(v string) string   { return CertRoleLabels[v] }
func CertRoleDoc(v string) string     { return certRoleDocs()[v] }
func FeeLabel(v string) string        { return FeeLabels[v] }

// certRoleDocs reads what each role means from the doc tag of
// CertRequirement.Role, which says it for editors as "value: meaning; ...".
var certRoleDocs = sync.OnceValue(func() map[string]string {
	f, _ := reflect.TypeFor[CertRequirement]().FieldByName("Role")
	docs := map[string]string{}
	for part := range strings.SplitSeq(strings.TrimSuffix(f.Tag.Get("doc"), "."), "; ") {
		if v, doc, ok := strings.Cut(part, ": "); ok {
			docs[v] = doc + "."
		}
	}
	return docs
})

// enumOf returns the enum of field name of T, from its check tag.
func enumOf[T any](name string) []string {
	f, ok := reflect.TypeFor[T]().FieldByName(name)
	if !ok {
		panic("model: no field " + name)
	}
	for rule := range strings.SplitSeq(f.Tag.Get("check"), ",") {
		if v, ok := strings.CutPrefix(rule, "enum="); ok {
			return strings.Split(v, "|")
		}
	}
	panic("model: field " + name + " has no enum")
}
