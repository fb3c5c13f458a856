package render

import (
	"encoding/json"
	"html/template"

	"github.com/licensure/licensure/internal/resolve"
)

// jsonLD is the template function "jsonld": it encodes a page's schema.org
// data for a <script type="application/ld+json"> element. encoding/json
// escapes <, >, &, U+2028 and U+2029, so no value can close the element or
// open a comment. The fields of each type below are in the order of their
// names, as a map's keys would be, so that the output is stable.
func jsonLD(v any) (template.JS, error) {
	b, err := json.Marshal(v)
	return template.JS(b), err
}

// ldCredential is a license or a certification.
type ldCredential struct {
	Context            string  `json:"@context"`
	Type               string  `json:"@type"`
	CredentialCategory string  `json:"credentialCategory"`
	Name               string  `json:"name"`
	RecognizedBy       *ldRef  `json:"recognizedBy,omitempty"`
	URL                string  `json:"url"`
	ValidIn            ldPlace `json:"validIn"`
}

// ldOrganization is a board or an issuer.
type ldOrganization struct {
	Context       string   `json:"@context"`
	Type          string   `json:"@type"`
	AlternateName string   `json:"alternateName,omitempty"`
	AreaServed    *ldPlace `json:"areaServed,omitempty"`
	Name          string   `json:"name"`
	SameAs        string   `json:"sameAs"`
	URL           string   `json:"url"`
}

type ldOccupation struct {
	Context              string `json:"@context"`
	Type                 string `json:"@type"`
	Name                 string `json:"name"`
	OccupationalCategory ldCode `json:"occupationalCategory"`
	URL                  string `json:"url"`
}

type ldPlace struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

// ldRef names an organization on another site.
type ldRef struct {
	Type string `json:"@type"`
	Name string `json:"name"`
	URL  string `json:"url"`
}

type ldCode struct {
	Type      string `json:"@type"`
	CodeValue string `json:"codeValue"`
	InCodeSet string `json:"inCodeSet"`
}

const schemaOrg = "https://schema.org"

func licenseLD(b *Data, l *resolve.License) *ldCredential {
	o := &ldCredential{Context: schemaOrg, Type: "EducationalOccupationalCredential", Name: l.Title, URL: b.Canonical,
		CredentialCategory: l.Credential, ValidIn: ldPlace{"AdministrativeArea", l.State.Name}}
	if l.Board != nil {
		o.RecognizedBy = &ldRef{"GovernmentOrganization", l.Board.Name, string(l.Board.URL)}
	}
	return o
}

func certificationLD(b *Data, c *resolve.Certification) *ldCredential {
	o := &ldCredential{Context: schemaOrg, Type: "EducationalOccupationalCredential", Name: c.Name, URL: b.Canonical,
		CredentialCategory: "certification", ValidIn: ldPlace{"Country", "United States"}}
	if c.Issuer != nil {
		o.RecognizedBy = &ldRef{"Organization", c.Issuer.Name, string(c.Issuer.URL)}
	}
	return o
}

func boardLD(b *Data, x *resolve.Board) *ldOrganization {
	return &ldOrganization{Context: schemaOrg, Type: "GovernmentOrganization", Name: x.Name, URL: b.Canonical,
		SameAs: string(x.URL), AreaServed: &ldPlace{"AdministrativeArea", x.State.Name}}
}

func issuerLD(b *Data, x *resolve.Issuer) *ldOrganization {
	return &ldOrganization{Context: schemaOrg, Type: "Organization", Name: x.Name, URL: b.Canonical,
		SameAs: string(x.URL), AlternateName: x.Acronym}
}

func occupationLD(b *Data, x *resolve.Occupation) *ldOccupation {
	return &ldOccupation{Context: schemaOrg, Type: "Occupation", Name: x.Title, URL: b.Canonical,
		OccupationalCategory: ldCode{"CategoryCode", x.ID, "O*NET-SOC"}}
}
