package render

import (
	"bytes"
	"encoding/json"
	"github.com/licensure/licensure/internal/resolve"
	"html/template"
)

// jsonLD encodes v for a <script type="application/ld+json"> element.
// encoding/json escapes <, > and & as \u003c and so on, so no field can
// close the script element or open a comment.
func jsonLD(v any) (template.JS, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(true)
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	return template.JS(bytes.TrimSpace(b.Bytes())), nil
}

// object is a schema.org JSON-LD object.
type object map[string]any

func thing(typ string, b *Base, name string) object {
	return object{"@context": "https://schema.org", "@type": typ, "name": name, "url": b.Canonical}
}

func licenseLD(b *Base, l *resolve.License) any {
	o := thing("EducationalOccupationalCredential", b, l.Title)
	o["credentialCategory"] = l.Credential
	o["validIn"] = object{"@type": "AdministrativeArea", "name": l.State.Name}
	if l.Board != nil {
		o["recognizedBy"] = object{"@type": "GovernmentOrganization", "name": l.Board.Name, "url": string(l.Board.URL)}
	}
	return o
}

func certificationLD(b *Base, c *resolve.Certification) any {
	o := thing("EducationalOccupationalCredential", b, c.Name)
	o["credentialCategory"] = "certification"
	o["validIn"] = object{"@type": "Country", "name": "United States"}
	if c.Issuer != nil {
		o["recognizedBy"] = object{"@type": "Organization", "name": c.Issuer.Name, "url": string(c.Issuer.URL)}
	}
	return o
}

func boardLD(b *Base, x *resolve.Board) any {
	o := thing("GovernmentOrganization", b, x.Name)
	o["sameAs"] = string(x.URL)
	o["areaServed"] = object{"@type": "AdministrativeArea", "name": x.State.Name}
	return o
}

func issuerLD(b *Base, x *resolve.Issuer) any {
	o := thing("Organization", b, x.Name)
	o["sameAs"] = string(x.URL)
	if x.Acronym != "" {
		o["alternateName"] = x.Acronym
	}
	return o
}

func occupationLD(b *Base, x *resolve.Occupation) any {
	o := thing("Occupation", b, x.Title)
	o["occupationalCategory"] = object{"@type": "CategoryCode", "codeValue": x.ID, "inCodeSet": "O*NET-SOC"}
	return o
}
