package render

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/licensure/licensure/internal/model"
	"github.com/licensure/licensure/internal/resolve"
)

// TestJSONLD checks the structured data of each record page kind, as a
// search engine reads it.
func TestJSONLD(t *testing.T) {
	oh := &resolve.State{State: model.State{Code: "OH", Name: "Ohio"}}
	board := &resolve.Board{Board: &model.Board{Name: "Ohio Medical Board", URL: "https://med.ohio.gov"}, State: oh}
	issuer := &resolve.Issuer{Issuer: &model.Issuer{Name: "National Board for Respiratory Care", Acronym: "NBRC", URL: "https://www.nbrc.org"}}
	b := &Data{Canonical: "https://site.example/x/"}
	tests := []struct {
		name string
		v    any
		want string
	}{
		{"license", licenseLD(b, &resolve.License{License: &model.License{Title: "Respiratory Care Professional", Credential: "license"}, State: oh, Board: board}),
			`{"@context":"https://schema.org","@type":"EducationalOccupationalCredential","credentialCategory":"license","name":"Respiratory Care Professional","recognizedBy":{"@type":"GovernmentOrganization","name":"Ohio Medical Board","url":"https://med.ohio.gov"},"url":"https://site.example/x/","validIn":{"@type":"AdministrativeArea","name":"Ohio"}}`},
		{"certification", certificationLD(b, &resolve.Certification{Certification: &model.Certification{Name: "Registered Respiratory Therapist"}, Issuer: issuer}),
			`{"@context":"https://schema.org","@type":"EducationalOccupationalCredential","credentialCategory":"certification","name":"Registered Respiratory Therapist","recognizedBy":{"@type":"Organization","name":"National Board for Respiratory Care","url":"https://www.nbrc.org"},"url":"https://site.example/x/","validIn":{"@type":"Country","name":"United States"}}`},
		{"certification without issuer", certificationLD(b, &resolve.Certification{Certification: &model.Certification{Name: "X"}}),
			`{"@context":"https://schema.org","@type":"EducationalOccupationalCredential","credentialCategory":"certification","name":"X","url":"https://site.example/x/","validIn":{"@type":"Country","name":"United States"}}`},
		{"board", boardLD(b, board),
			`{"@context":"https://schema.org","@type":"GovernmentOrganization","areaServed":{"@type":"AdministrativeArea","name":"Ohio"},"name":"Ohio Medical Board","sameAs":"https://med.ohio.gov","url":"https://site.example/x/"}`},
		{"issuer", issuerLD(b, issuer),
			`{"@context":"https://schema.org","@type":"Organization","alternateName":"NBRC","name":"National Board for Respiratory Care","sameAs":"https://www.nbrc.org","url":"https://site.example/x/"}`},
		{"occupation", occupationLD(b, &resolve.Occupation{Meta: resolve.Meta{ID: "29-1126.00"}, Occupation: &model.Occupation{Title: "Respiratory Therapists"}}),
			`{"@context":"https://schema.org","@type":"Occupation","name":"Respiratory Therapists","occupationalCategory":{"@type":"CategoryCode","codeValue":"29-1126.00","inCodeSet":"O*NET-SOC"},"url":"https://site.example/x/"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := jsonLD(tt.v)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// FuzzJSONLD encodes structured data whose names are arbitrary: it must
// stay valid JSON that cannot close its script element or open a comment,
// and give the names back to a reader.
func FuzzJSONLD(f *testing.F) {
	for _, s := range []string{"Ohio Board", "</script><script>alert(1)</script>", "<!--", "]]>", "\u2028", "\xff", "a\b\f\t\n\r\x01\"\\&\u2029é"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		st := &resolve.State{State: model.State{Code: "OH", Name: name}}
		board := &resolve.Board{Board: &model.Board{Name: name, URL: model.URL("https://x.example/" + name)}, State: st}
		lic := &resolve.License{License: &model.License{Title: name, Credential: name}, State: st, Board: board}
		b := &Data{Canonical: "https://site.example/" + name}
		js, err := jsonLD(licenseLD(b, lic))
		if err != nil {
			t.Fatal(err)
		}
		s := string(js)
		if strings.ContainsAny(s, "<>") || strings.Contains(s, "\u2028") || strings.Contains(s, "\u2029") {
			t.Fatalf("JSON-LD for %q can break out of its element: %s", name, s)
		}
		var got ldCredential
		if err := json.Unmarshal([]byte(s), &got); err != nil {
			t.Fatalf("invalid JSON for %q: %v\n%s", name, err, s)
		}
		// Invalid UTF-8 comes back as U+FFFD, as in any JSON encoder.
		if want := *licenseLD(b, lic); utf8.ValidString(name) && !cmp.Equal(got, want) {
			t.Errorf("JSON-LD for %q reads back differently (-got +want):\n%s", name, cmp.Diff(got, want))
		}
	})
}
