package render

import (
	"html/template"
	"strings"
	"unicode"

	"explainer/generator/internal/markdown"
)

// Typeset is a front matter text (a title, a summary) as the body's text
// is set: typographic quotes, a Korean particle kept on the line of the
// bracket before it (markdown.Typeset).
func (p *Page) Typeset(s string) template.HTML {
	return template.HTML(markdown.Typeset(p.Lang, s))
}

// Initial is one letter of a glossary's index: the letter, and the anchor
// of the first term that starts with it ("" when none does).
type Initial struct {
	Letter string
	ID     string
}

// alphabets are the letters a language's index always shows, in order,
// linked or not; a term that starts with another letter adds it at the
// end. Korean dictionaries file words by their first consonant, the
// doubled ones with the single (ㄲ with ㄱ).
var alphabets = map[string][]string{
	"en": strings.Split("ABCDEFGHIJKLMNOPQRSTUVWXYZ", ""),
	"ko": strings.Split("ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊㅋㅌㅍㅎ", ""),
}

// Initials is the page's index by first letter: for each letter of its
// language's alphabet, the first of the body's second-level headings
// that starts with it.
func (p *Page) Initials() []Initial {
	var out []Initial
	at := make(map[string]int)
	for _, l := range alphabets[p.Lang] {
		at[l] = len(out)
		out = append(out, Initial{Letter: l})
	}
	for _, h := range p.TOC() {
		l := initialOf(h.Text)
		if l == "" {
			continue
		}
		i, ok := at[l]
		if !ok {
			at[l] = len(out)
			out = append(out, Initial{Letter: l})
			i = len(out) - 1
		}
		if out[i].ID == "" {
			out[i].ID = h.ID
		}
	}
	return out
}

// The initial consonants of Hangul syllables, in the order of Unicode's
// syllables (U+AC00 가 to U+D7A3 힣: 588 syllables to an initial), each
// filed under its index letter.
var hangulInitials = []string{"ㄱ", "ㄱ", "ㄴ", "ㄷ", "ㄷ", "ㄹ", "ㅁ", "ㅂ", "ㅂ", "ㅅ", "ㅅ", "ㅇ", "ㅈ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ"}

// initialOf is the letter a term is filed under: the initial consonant
// of a Hangul syllable, any other letter in upper case, "0–9" for a
// digit, or "" for text with neither.
func initialOf(s string) string {
	for _, r := range s {
		switch {
		case r >= 0xAC00 && r <= 0xD7A3:
			return hangulInitials[(r-0xAC00)/588]
		case unicode.IsDigit(r):
			return "0–9"
		case unicode.IsLetter(r):
			return string(unicode.ToUpper(r))
		}
	}
	return ""
}

// HasCode reports whether the page's body has a code block, whose
// highlighting styles (code.css) the page then loads.
func (p *Page) HasCode() bool {
	return strings.Contains(string(p.Body), `class="hl-chroma"`)
}
