package search

// Stem folds an English plural into its singular, so that "licenses",
// "therapists" and "therapies" find "license", "therapist" and "therapy".
// It is deliberately light: only plural endings, and never after a vowel
// (so "texas", "illinois" and "status" stay whole). The index stores stems;
// search.js applies the same rules to what the reader types (stem there),
// and a browser test holds the two to the same answers.
func Stem(w string) string {
	n := len(w)
	switch {
	case n >= 5 && w[n-3:] == "ies":
		return w[:n-3] + "y"
	case n >= 4 && w[n-1] == 's' && !isVowelOrS(w[n-2]):
		return w[:n-1]
	}
	return w
}

// isVowelOrS reports whether c is one of a, i, o, u, s and y: a plural s
// never follows them in the words the site uses ("gas", "status", "days"
// are rare and "ss" is never a plural).
func isVowelOrS(c byte) bool {
	switch c {
	case 'a', 'i', 'o', 'u', 's', 'y':
		return true
	}
	return false
}
