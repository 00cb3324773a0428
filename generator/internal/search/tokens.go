package search

import (
	"strings"
	"unicode"
)

// Token is a run of letters and digits of one kind: CJK (Hangul, Chinese
// characters, kana) or anything else.
type Token struct {
	Text string
	CJK  bool
}

// Tokens splits text into tokens, lower-cased. A run changes token where
// the script changes between CJK and other (2025년 is 2025 and 년).
// One-letter Latin tokens ("s" of "Korea's") are dropped; digits are kept.
func Tokens(text string) []Token {
	var out []Token
	var cur []rune
	curCJK := false
	flush := func() {
		if len(cur) == 0 {
			return
		}
		if curCJK || len(cur) > 1 || unicode.IsDigit(cur[0]) {
			out = append(out, Token{Text: string(cur), CJK: curCJK})
		}
		cur = cur[:0]
	}
	for _, r := range strings.ToLower(text) {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush()
			continue
		}
		c := isCJK(r)
		if len(cur) > 0 && c != curCJK {
			flush()
		}
		cur, curCJK = append(cur, r), c
	}
	flush()
	return out
}

// Terms are the index terms of text: each CJK token as its bigrams and its
// last letter, each other token as itself.
func Terms(text string) []string {
	var out []string
	for _, t := range Tokens(text) {
		if !t.CJK {
			out = append(out, t.Text)
			continue
		}
		rs := []rune(t.Text)
		out = append(out, bigrams(rs)...)
		out = append(out, string(rs[len(rs)-1]))
	}
	return out
}

// bigrams are the overlapping letter pairs of a word of two letters or
// more.
func bigrams(rs []rune) []string {
	var out []string
	for i := 0; i+1 < len(rs); i++ {
		out = append(out, string(rs[i:i+2]))
	}
	return out
}

func isCJK(r rune) bool {
	return unicode.In(r, unicode.Hangul, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

// particles are the Korean case and topic markers a reader might type at
// the end of a query word, longest first.
var particles = []string{"에서", "으로", "에게", "까지", "부터", "은", "는", "이", "가", "을", "를", "의", "에", "로", "와", "과", "도", "만"}

// StripParticle removes a particle from the end of a Korean word that keeps
// at least two letters.
func StripParticle(word string) (string, bool) {
	for _, p := range particles {
		if stem, ok := strings.CutSuffix(word, p); ok && len([]rune(stem)) >= 2 {
			return stem, true
		}
	}
	return word, false
}
