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

func TestPreferring(t *testing.T) {
	all := []string{"oh-board-of-nursing", "oh-state-medical-board", "tx-medical-board", "ca-respiratory-care-board"}
	for _, tc := range []struct {
		name, word string
		likely     []string
		want       string
	}{
		{"the state's board, further off", "oh-medical-bord", []string{"oh-board-of-nursing", "oh-state-medical-board"}, "oh-state-medical-board"},
		{"without context, the nearest", "oh-medical-bord", nil, "tx-medical-board"},
		{"no likely one near: the nearest of all", "ca-respiratory-care-bord", []string{"oh-board-of-nursing"}, "ca-respiratory-care-board"},
		{"nothing near", "zzzzzzzz", []string{"oh-board-of-nursing"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Preferring(tc.word, tc.likely, all); got != tc.want {
				t.Errorf("Preferring(%q) = %q, want %q", tc.word, got, tc.want)
			}
		})
	}
}
