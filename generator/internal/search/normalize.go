package search

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// endings are the particles and endings a Korean noun takes in a sentence
// or a query (절충교역을, 개인정보를, 기업들이, 서울에서는), longest
// first. Normalize takes them off a query word; the index keeps every
// letter pair of a word as written, which holds every pair of the word
// without them, so the two meet.
var endings = sortLongestFirst([]string{
	// case and topic particles
	"은", "는", "이", "가", "을", "를", "의", "에", "로", "와", "과", "도", "만",
	"으로", "에서", "에게", "까지", "부터", "처럼", "보다", "마다", "조차", "한테", "이나", "이다",
	"로서", "로써", "으로서", "으로써", "에게서", "에서는", "에서도", "으로는", "에는", "에도",
	"와의", "과의", "로의", "에의", "이라는", "라는", "이란",
	// the plural suffix, alone or before a particle
	"들",
})

func sortLongestFirst(s []string) []string {
	slices.SortStableFunc(s, func(a, b string) int {
		return utf8.RuneCountInString(b) - utf8.RuneCountInString(a)
	})
	return s
}

// Normalize returns the form of a query word that the index is searched
// for: a CJK word loses the particles and endings at its end, one after
// another (기업들이 → 기업들 → 기업), as long as two letters remain, so
// that 개인정보를 and 개인정보 are the same query. Other words are as
// Tokens gives them. search.js does the same (the browser tests compare
// the two on a table of words).
func Normalize(t Token) Token {
	if !t.CJK {
		return t
	}
	w := t.Text
	for {
		stem, ok := stripEnding(w)
		if !ok {
			return Token{Text: w, CJK: true}
		}
		w = stem
	}
}

// stripEnding removes the longest ending of word that leaves at least two
// letters.
func stripEnding(word string) (string, bool) {
	for _, e := range endings {
		if stem, ok := strings.CutSuffix(word, e); ok && utf8.RuneCountInString(stem) >= 2 {
			return stem, true
		}
	}
	return word, false
}

// queryWords are the words of a query, normalised, each with the other
// words it may be written as (its synonyms, normalised too): a page
// matches when it has every word, in any of its forms.
func queryWords(q string, syn map[string][]Token) [][]Token {
	var out [][]Token
	for _, t := range Tokens(q) {
		n := Normalize(t)
		if alts, ok := syn[n.Text]; ok {
			out = append(out, alts)
		} else {
			out = append(out, []Token{n})
		}
	}
	return out
}
