package model

import "testing"

func TestKindTitle(t *testing.T) {
	tests := []struct {
		name string
		kind string
		v    any
		want string
	}{
		{"license by its title", "licenses", &License{Title: "Perfusionist", Specialty: "perfusion"}, "Perfusionist"},
		{"occupation by its title", "occupations", &Occupation{Title: "Respiratory Therapists"}, "Respiratory Therapists"},
		{"board by its name", "boards", &Board{Name: "Texas Medical Board"}, "Texas Medical Board"},
		{"issuer by its name", "issuers", &Issuer{Name: "NBRC"}, "NBRC"},
		{"state by its name", "states", &State{Code: "TX", Name: "Texas"}, "Texas"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k, ok := KindNamed(tt.kind)
			if !ok {
				t.Fatalf("no kind %q", tt.kind)
			}
			if got := k.Title(tt.v); got != tt.want {
				t.Errorf("Title = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestKindsHaveWords(t *testing.T) {
	for _, k := range append(Kinds[:len(Kinds):len(Kinds)], StatesKind) {
		if k.Label == "" || k.Plural == "" || k.Doc == "" {
			t.Errorf("kind %s lacks a label, plural or description: %+v", k.Name, k)
		}
	}
}
