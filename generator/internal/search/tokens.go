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
func Tokens(text string) []Token {
	var out []Token
	for t := range spans(text) {
		out = append(out, t.Token)
	}
	return out
}

// span is a token and whether it follows a CJK token with nothing but
// white space between them (망 사용료): the two may be one compound word,
// written apart.
type span struct {
	Token
	afterSpace bool
}

// spans yields the tokens of text (see Tokens). Lower-casing changes no
// character's kind (TestLowerKeepsKinds), so text is split as it is and
// only tokens not in CJK, which has no case, are lower-cased: a token's
// text is part of text itself when it has nothing to lower.
func spans(text string) iter.Seq[span] {
	return func(yield func(span) bool) {
		start, cjk := -1, false // the current token is text[start:], if start >= 0
		// spaced: the last token yielded was CJK and only white space
		// has come since.
		spaced, after := false, false
		end := func(i int) bool {
			if start < 0 {
				return true
			}
			t := text[start:i]
			start = -1
			if cjk {
				spaced = true
				return yield(span{Token{Text: t, CJK: true}, after})
			}
			spaced = false
			if first, n := utf8.DecodeRuneInString(t); n < len(t) || unicode.IsDigit(first) {
				return yield(span{Token: Token{Text: strings.ToLower(t)}})
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
				if !unicode.IsSpace(r) {
					spaced = false
				}
				continue
			}
			if c := syllable || isCJK(r); start < 0 || c != cjk {
				if !end(i) {
					return
				}
				after = c && spaced
				start, cjk = i, c
			}
		}
		end(len(text))
	}
}

// Terms are the index terms of text: each CJK token as its pairs of
// neighbouring letters and its last letter, each other token as itself.
// A CJK token that follows another across white space also gives the pair
// of the letters on either side of the space, so that 망사용료 finds
// 망 사용료 (the pair 망사) and 해방의날 finds 해방의 날.
func Terms(text string) []string { return slices.Collect(terms(text)) }

// terms yields the terms of text (see Terms).
func terms(text string) iter.Seq[string] {
	return func(yield func(string) bool) {
		last := "" // the last letter of the last CJK token
		for t := range spans(text) {
			if !t.CJK {
				if !yield(t.Text) {
					return
				}
				continue
			}
			if t.afterSpace && last != "" {
				_, n := utf8.DecodeRuneInString(t.Text)
				if !yield(last + t.Text[:n]) {
					return
				}
			}
			for w := t.Text; ; {
				_, n := utf8.DecodeRuneInString(w)
				_, m := utf8.DecodeRuneInString(w[n:])
				if m == 0 { // the last letter
					last = w
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
