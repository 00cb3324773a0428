package search

import (
	"iter"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
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
func Tokens(text string) []Token { return slices.Collect(tokens(text)) }

// tokens yields the tokens of text (see Tokens). Lower-casing changes no
// character's kind (TestLowerKeepsKinds), so text is split as it is and
// only tokens not in CJK, which has no case, are lower-cased: a token's
// text is part of text itself when it has nothing to lower.
func tokens(text string) iter.Seq[Token] {
	return func(yield func(Token) bool) {
		start, cjk := -1, false // the current token is text[start:], if start >= 0
		end := func(i int) bool {
			if start < 0 {
				return true
			}
			t := text[start:i]
			start = -1
			if cjk {
				return yield(Token{Text: t, CJK: true})
			}
			if first, n := utf8.DecodeRuneInString(t); n < len(t) || unicode.IsDigit(first) {
				return yield(Token{Text: strings.ToLower(t)})
			}
			return true
		}
		for i, r := range text {
			// A Hangul syllable, most of a Korean page, is a CJK letter.
			syllable := '가' <= r && r <= '힣'
			if !syllable && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				if !end(i) {
					return
				}
				continue
			}
			if c := syllable || isCJK(r); start < 0 || c != cjk {
				if !end(i) {
					return
				}
				start, cjk = i, c
			}
		}
		end(len(text))
	}
}

// Terms are the index terms of text: each CJK token as its pairs of
// neighbouring letters and its last letter, each other token as itself.
func Terms(text string) []string { return slices.Collect(terms(text)) }

// terms yields the terms of text (see Terms).
func terms(text string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for t := range tokens(text) {
			if !t.CJK {
				if !yield(t.Text) {
					return
				}
				continue
			}
			for w := t.Text; ; {
				_, n := utf8.DecodeRuneInString(w)
				_, m := utf8.DecodeRuneInString(w[n:])
				if m == 0 { // the last letter
					if !yield(w) {
						return
					}
					break
				}
				if !yield(w[:n+m]) {
					return
				}
				w = w[n:]
			}
		}
	}
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

// isCJK reports whether r is Hangul, a Chinese character or kana (none
// of which comes before U+1100).
func isCJK(r rune) bool {
	return r >= 0x1100 && unicode.In(r, unicode.Hangul, unicode.Han, unicode.Hiragana, unicode.Katakana)
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
