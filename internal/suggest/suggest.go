// Package suggest finds the closest match to a misspelt word among the
// words that are valid, for "did you mean" hints.
package suggest

// Closest returns the candidate nearest to word by edit distance, or "" when
// none is near enough to be a likely typo: at most a third of the word's
// length, and never more than 4 edits.
func Closest(word string, candidates []string) string {
	return within(word, candidates, min(max(len(word)/3, 1), 4))
}

// Preferring returns the candidate of likely nearest to word, or else the
// candidate of all that Closest returns. likely are the few words the
// context makes likely (the boards of the state a license is in): among
// them, a word may be further off, up to half its length in edits, as a
// writer who half-remembers a name ("oh-medical-bord" for
// "oh-state-medical-board") still means one of them.
func Preferring(word string, likely, all []string) string {
	if best := within(word, likely, max(len(word)/2, 1)); best != "" {
		return best
	}
	return Closest(word, all)
}

// within returns the candidate nearest to word, at most limit edits away,
// or "".
func within(word string, candidates []string, limit int) string {
	best, bestDist := "", limit+1
	for _, c := range candidates {
		if d := distance(word, c, bestDist); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// distance is Distance as the suggestions use it: the distance when it is
// below limit, else limit, so that far candidates cost little.
func distance(a, b string, limit int) int { return min(Distance(a, b, limit-1), limit) }

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
