package render

import (
	"fmt"
	"html/template"
	"slices"
	"unicode/utf8"

	"github.com/licensure/licensure/internal/resolve"
)

// jsonLD encodes an object for a <script type="application/ld+json">
// element, byte for byte as encoding/json with HTML escaping would: keys
// sorted, and <, >, &, U+2028 and U+2029 escaped, so that no value can close
// the script element or open a comment. It is written by hand because a
// page is rendered in microseconds and encoding/json's reflection took
// several of them (FuzzJSONLD compares the two).
func jsonLD(o object) (template.JS, error) {
	b, err := appendObject(make([]byte, 0, 512), o)
	return template.JS(b), err
}

// object is a schema.org JSON-LD object; its values are strings and objects.
type object map[string]any

func appendObject(b []byte, o object) ([]byte, error) {
	keys := make([]string, 0, len(o))
	for k := range o {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	b = append(b, '{')
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, k)
		b = append(b, ':')
		switch v := o[k].(type) {
		case string:
			b = appendString(b, v)
		case object:
			var err error
			if b, err = appendObject(b, v); err != nil {
				return nil, err
			}
		default:
			return nil, fmt.Errorf("jsonld: %s is a %T, not a string or an object", k, v)
		}
	}
	return append(b, '}'), nil
}

// appendString quotes s as encoding/json does with HTML escaping on.
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c == '\n':
				b = append(b, '\\', 'n')
			case c == '\r':
				b = append(b, '\\', 'r')
			case c == '\t':
				b = append(b, '\\', 't')
			case c == '\b':
				b = append(b, '\\', 'b')
			case c == '\f':
				b = append(b, '\\', 'f')
			case c < 0x20 || c == '<' || c == '>' || c == '&':
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return append(b, '"')
}

func thing(typ string, b *Data, name string) object {
	return object{"@context": "https://schema.org", "@type": typ, "name": name, "url": b.Canonical}
}

func licenseLD(b *Data, l *resolve.License) object {
	o := thing("EducationalOccupationalCredential", b, l.Title)
	o["credentialCategory"] = l.Credential
	o["validIn"] = object{"@type": "AdministrativeArea", "name": l.State.Name}
	if l.Board != nil {
		o["recognizedBy"] = object{"@type": "GovernmentOrganization", "name": l.Board.Name, "url": string(l.Board.URL)}
	}
	return o
}

func certificationLD(b *Data, c *resolve.Certification) object {
	o := thing("EducationalOccupationalCredential", b, c.Name)
	o["credentialCategory"] = "certification"
	o["validIn"] = object{"@type": "Country", "name": "United States"}
	if c.Issuer != nil {
		o["recognizedBy"] = object{"@type": "Organization", "name": c.Issuer.Name, "url": string(c.Issuer.URL)}
	}
	return o
}

func boardLD(b *Data, x *resolve.Board) object {
	o := thing("GovernmentOrganization", b, x.Name)
	o["sameAs"] = string(x.URL)
	o["areaServed"] = object{"@type": "AdministrativeArea", "name": x.State.Name}
	return o
}

func issuerLD(b *Data, x *resolve.Issuer) object {
	o := thing("Organization", b, x.Name)
	o["sameAs"] = string(x.URL)
	if x.Acronym != "" {
		o["alternateName"] = x.Acronym
	}
	return o
}

func occupationLD(b *Data, x *resolve.Occupation) object {
	o := thing("Occupation", b, x.Title)
	o["occupationalCategory"] = object{"@type": "CategoryCode", "codeValue": x.ID, "inCodeSet": "O*NET-SOC"}
	return o
}
