package site

import (
	"bytes"
	"regexp"
	"unicode"

	"explainer/generator/internal/content"
)

// A Korean page (*.ko.md) whose body is English was pasted from the
// English file and never translated. notKorean finds the first paragraph
// of prose with no Hangul in it. What a Korean page rightly writes in
// English is left alone: code, links (their text too: often the title of
// an English source), tables, footnote definitions, headings, raw HTML,
// and any paragraph of fewer than minWords English words (a name, a short
// title, a number).

// minWords is how many words of Latin letters a paragraph with no Hangul
// must have to be taken for untranslated prose.
const minWords = 12

var (
	// ignoredRE matches what a paragraph's words are counted without:
	// inline code, images and links with their text, autolinks and bare
	// addresses, raw HTML tags, footnote references and {#id} attributes.
	ignoredRE = regexp.MustCompile("`[^`]*`|!?\\[[^\\]]*\\]\\([^)]*\\)|!?\\[[^\\]]*\\]\\[[^\\]]*\\]|<[^>]*>|https?://\\S+|\\[\\^[^\\]]*\\]|\\{#[^}]*\\}")
	wordRE    = regexp.MustCompile(`[A-Za-z]{2,}`)
	// listRE is a list item's marker, which starts a paragraph of its own.
	listRE = regexp.MustCompile(`^([-*+]|\d{1,9}[.)])(\s|$)`)
)

// notKorean returns the offset in src (a body, front matter blanked) of
// the first character of the first paragraph that is not Korean.
func notKorean(src []byte) (int, bool) {
	var fence []byte // the opening fence of the code block we are in
	start := -1      // the offset of the paragraph being read
	var para []byte
	flush := func() (int, bool) {
		at := start
		ok := at >= 0 && isEnglish(para)
		start, para = -1, para[:0]
		return at, ok
	}
	next := 0 // the offset of the next line
	for line := range bytes.Lines(src) {
		lineOff := next
		next += len(line)
		line = bytes.TrimSuffix(line, []byte("\n"))
		if start < 0 && bytes.HasPrefix(line, []byte("    ")) {
			continue // indented code, or a list item's text: left alone
		}
		text := bytes.TrimLeft(line, " \t>")
		textOff := lineOff + len(line) - len(text)
		if fence != nil {
			if bytes.HasPrefix(bytes.TrimSpace(text), fence) {
				fence = nil
			}
			continue
		}
		if f := content.FenceOf(text); f != nil {
			fence = f
			if at, ok := flush(); ok {
				return at, true
			}
			continue
		}
		blank := len(bytes.TrimSpace(text)) == 0
		skip := blank || bytes.HasPrefix(text, []byte("|")) || bytes.HasPrefix(text, []byte("#")) ||
			bytes.HasPrefix(text, []byte("<")) || bytes.HasPrefix(text, []byte("[^"))
		if skip || listRE.Match(text) {
			if at, ok := flush(); ok {
				return at, true
			}
			if skip {
				continue
			}
		}
		if start < 0 {
			start = textOff
		}
		para = append(append(para, text...), ' ')
	}
	return flush()
}

// isEnglish reports whether text has no Hangul and at least minWords
// words of Latin letters, once what may rightly be English is left out.
func isEnglish(text []byte) bool {
	// Nearly every paragraph of a Korean page has Hangul: it is found
	// before any regular expression runs (Hangul in a link's text counts).
	if bytes.ContainsFunc(text, func(r rune) bool { return unicode.Is(unicode.Hangul, r) }) {
		return false
	}
	text = ignoredRE.ReplaceAll(text, nil)
	return len(wordRE.FindAll(text, minWords)) >= minWords
}
