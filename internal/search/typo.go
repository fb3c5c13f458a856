package search

import (
	"slices"

	"github.com/licensure/licensure/internal/suggest"
)

// Edits is how many edits a word of the query may be from a word of the
// index and still match it: none below five letters, one from five, two
// from eight. Short words have too many neighbours to guess among.
func Edits(word string) int {
	switch n := len(word); {
	case n >= 8:
		return 2
	case n >= 5:
		return 1
	}
	return 0
}

// Candidates returns the words of vocab that word may be a typo of: those
// within Edits(word), nearest first, then in vocab's order. It is the
// rule search.js follows to correct a word the index lacks; a browser
// test checks that both give the same corrections.
func Candidates(word string, vocab []string) []string {
	limit := Edits(word)
	if limit == 0 {
		return nil
	}
	type cand struct {
		w string
		d int
	}
	var out []cand
	for _, v := range vocab {
		if v == word {
			continue
		}
		if d := suggest.Distance(word, v, limit); d <= limit {
			out = append(out, cand{v, d})
		}
	}
	slices.SortStableFunc(out, func(a, b cand) int { return a.d - b.d })
	words := make([]string, len(out))
	for i, c := range out {
		words[i] = c.w
	}
	return words
}
