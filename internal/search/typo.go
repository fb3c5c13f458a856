package search

import "slices"

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

// Distance is the optimal string alignment distance between a and b:
// insertions, deletions, substitutions and swaps of neighbours each cost
// one. It stops early and returns limit+1 once the distance exceeds limit.
func Distance(a, b string, limit int) int {
	if abs(len(a)-len(b)) > limit {
		return limit + 1
	}
	back, prev, cur := make([]int, len(b)+1), make([]int, len(b)+1), make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		low := i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], back[j-2]+1)
			}
			low = min(low, cur[j])
		}
		if low > limit {
			return limit + 1
		}
		back, prev, cur = prev, cur, back
	}
	return min(prev[len(b)], limit+1)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
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
		if d := Distance(word, v, limit); d <= limit {
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
