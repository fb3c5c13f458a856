package suggest

import "testing"

func TestClosest(t *testing.T) {
	for _, tc := range []struct {
		name, word string
		cands      []string
		want       string
	}{
		{"typo", "baord", []string{"board", "title", "state"}, "board"},
		{"id typo", "oh-medical-bord", []string{"oh-medical-board", "tx-medical-board"}, "oh-medical-board"},
		{"too far", "zzzzz", []string{"board", "title"}, ""},
		{"exact wins", "state", []string{"states", "state"}, "state"},
		{"empty candidates", "x", nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Closest(tc.word, tc.cands); got != tc.want {
				t.Errorf("Closest(%q) = %q, want %q", tc.word, got, tc.want)
			}
		})
	}
}
