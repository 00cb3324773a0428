package render

import (
	"bytes"
	"encoding/binary"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Text in another language inside a page (a Korean law's name in an
// English entry, an English report title in a Korean one) must carry its
// own lang attribute, so screen readers switch voice (WCAG 3.1.2). Editors
// write markdown, which cannot say so; markLanguages finds such text in a
// rendered page and wraps it in <span lang="...">.
//
// The table scripts (below) gives each language's letters and how a run
// of its text is told apart. In a page or element of one language, every
// run of another's letters that its own does not use is marked; a
// language the table lacks counts as unlisted (Latin letters). Text inside
// an element with a lang attribute is judged by that language; <title>,
// <script>, <style>, <svg>, <code>, <pre> and <textarea> are left alone.
//
// Every page goes through it, so it is a hand-written scanner that
// allocates only for what it marks; the tests hold it to the regular
// expressions of langmark_ref_test.go.

type openElement struct {
	name  []byte  // as the page writes it; compared as lower case
	marks *marker // how its text is marked: by its lang attribute, or the parent's
	raw   bool    // inside an element whose text is left alone
}

// markLanguages returns the page html of language lang with other
// languages marked, appended to dst[:0] (nil, or a buffer to reuse), or
// html itself when nothing needs marking.
func markLanguages(dst, html []byte, lang string) []byte {
	out, marked := dst[:0], false
	done := 0 // html[:done] is in out
	stack := make([]openElement, 1, 16)
	stack[0] = openElement{marks: markerFor([]byte(lang))}
	for i := 0; i < len(html); {
		if html[i] == '<' {
			end := tagEnd(html, i)
			stack = track(stack, html[i:end])
			i = end
			continue
		}
		j := bytes.IndexByte(html[i:], '<')
		if j < 0 {
			j = len(html) - i
		}
		text := html[i : i+j]
		if top := stack[len(stack)-1]; !top.raw {
			for k := 0; k < len(text); {
				s, e, other := top.marks.next(text, k)
				if s < 0 {
					break
				}
				if !marked {
					out = slices.Grow(out, len(html)+len(html)/16)
					marked = true
				}
				out = append(out, html[done:i+s]...)
				out = append(out, `<span lang="`...)
				out = append(out, other...)
				out = append(out, `">`...)
				out = append(out, text[s:e]...)
				out = append(out, `</span>`...)
				done = i + e
				k = e
			}
		}
		i += j
	}
	if !marked {
		return html
	}
	return append(out, html[done:]...)
}

// tagEnd returns the offset past the tag at i, skipping quoted values.
func tagEnd(html []byte, i int) int {
	for j := i + 1; j < len(html); j++ {
		for !inTag[html[j]] { // most of a tag: names, spaces, =
			if j++; j == len(html) {
				return j
			}
		}
		switch c := html[j]; c {
		case '"', '\'':
			k := bytes.IndexByte(html[j+1:], c)
			if k < 0 {
				return len(html)
			}
			j += 1 + k // the closing quote
		case '>':
			return j + 1
		}
	}
	return len(html)
}

// inTag holds the bytes tagEnd stops at.
var inTag = [256]bool{'"': true, '\'': true, '>': true}

// track updates the open elements after a tag. Names are kept as the page
// writes them, and compared and classified as strings.ToLower makes them.
func track(stack []openElement, tag []byte) []openElement {
	if len(tag) < 2 || tag[1] == '!' || tag[1] == '?' {
		return stack
	}
	if tag[1] == '/' {
		name := tag[2:]
		for len(name) > 0 {
			if c := name[len(name)-1]; c != '>' && c != ' ' && c != '\n' {
				break
			}
			name = name[:len(name)-1]
		}
		for k := len(stack) - 1; k > 0; k-- {
			if sameName(stack[k].name, name) {
				return stack[:k]
			}
		}
		return stack
	}
	// The name: from the first byte that is not a separator to the next.
	a := 1
	for a < len(tag) && isTagSep(tag[a]) {
		a++
	}
	b := a
	for b < len(tag) && !isTagSep(tag[b]) {
		b++
	}
	if a == b {
		return stack
	}
	name := tag[a:b]
	void, raw := classify(name)
	if void || tag[len(tag)-1] == '>' && tag[len(tag)-2] == '/' {
		return stack
	}
	parent := stack[len(stack)-1]
	e := openElement{name: name, marks: parent.marks, raw: parent.raw || raw}
	if l, ok := langAttribute(tag); ok {
		e.marks = markerFor(l)
	}
	return append(stack, e)
}

func isTagSep(c byte) bool { return c == ' ' || c == '>' || c == '/' || c == '\n' }

// classify reports whether the element named name is void, or one whose
// text is left alone (raw). (strings.ToLower neither allocates for a
// lower-case ASCII name nor, here, for the string made of it.)
func classify(name []byte) (void, raw bool) {
	switch strings.ToLower(string(name)) {
	case "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr":
		return true, false
	case "title", "script", "style", "svg", "code", "pre", "textarea":
		return false, true
	}
	return false, false
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// sameName reports whether a and b are the same name, lower-cased as
// strings.ToLower does (strings.EqualFold folds more: ſ is s).
func sameName(a, b []byte) bool {
	return strings.ToLower(string(a)) == strings.ToLower(string(b))
}

// langAttribute finds lang="..." after white space in a tag.
func langAttribute(tag []byte) ([]byte, bool) {
	const attr = `lang="`
	for from := 0; ; {
		k := bytes.Index(tag[from:], []byte(attr))
		if k < 0 {
			return nil, false
		}
		k += from
		if k > 0 && isSpace(tag[k-1]) {
			v := tag[k+len(attr):]
			q := bytes.IndexByte(v, '"')
			if q < 0 {
				return nil, false
			}
			return v[:q], true
		}
		from = k + 1
	}
}

// isSpace is white space as regular expressions' \s means it.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// A script is how one language's text is found in another's. A run is one
// word or more with characters between them; the first word starts with a
// letter, a later one with a letter or nextWord, and a word goes on with
// letters and inWord.
type script struct {
	lang     string // the language code its text is marked with
	chars    [classes]charset
	minWords int // a run of fewer words is left alone

	ascii [utf8.RuneSelf]uint8 // the classes of each ASCII character, a bit each
}

// class is what a character can be in a script.
type class int

const (
	letters class = iota
	inWord
	nextWord
	between
	classes // how many
)

// scripts are the languages marked on other languages' pages; a letter
// two rows hold is marked with the first's.
var scripts = []*script{
	{
		lang: "ko",
		chars: [classes]charset{
			// Hangul, and the Chinese characters of law names (方位事業法).
			letters: {tables: []*unicode.RangeTable{unicode.Hangul, unicode.Han}},
			// A law's name and article is one run: 방위사업법 시행령 제2조.
			between: {tables: []*unicode.RangeTable{unicode.N}, chars: " \t\n\f\r·.,()~-"},
		},
		minWords: 1,
	},
	{
		lang: "en",
		chars: [classes]charset{
			letters: {chars: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"},
			// Entities such as &#39; stay whole.
			inWord:   {chars: "0123456789'’-.&#;"},
			nextWord: {chars: "0123456789"},
			between:  {chars: " ,:"},
		},
		// Fewer words are names and acronyms (USTR, CSAP), which need no
		// marking.
		minWords: 3,
	},
}

// unlisted is how a language that scripts does not list is written.
const unlisted = "en"

// A charset is the characters of its tables and those it lists.
type charset struct {
	tables []*unicode.RangeTable
	chars  string
}

func (c charset) has(r rune) bool {
	return strings.ContainsRune(c.chars, r) || unicode.IsOneOf(c.tables, r)
}

// is reports whether r is of class c in s.
func (s *script) is(c class, r rune) bool {
	if r < utf8.RuneSelf {
		return s.ascii[r]&(1<<c) != 0
	}
	return s.chars[c].has(r)
}

// A marker finds the text to mark on pages in one language.
type marker struct {
	own      *script   // the page's language's letters start no run
	others   []*script // the languages marked, in the table's order
	nonASCII bool      // some character beyond ASCII may start a run
	ascii    bool      // some ASCII character starts a run: the one in startASCII
	// startASCII is the script whose run each ASCII character starts.
	startASCII [utf8.RuneSelf]*script
}

// markers are the markers of the languages of scripts.
var markers = makeMarkers(scripts)

// makeMarkers returns the marker of each language of scripts.
func makeMarkers(scripts []*script) map[string]*marker {
	for _, s := range scripts {
		for r := range rune(utf8.RuneSelf) {
			for c := range classes {
				if s.chars[c].has(r) {
					s.ascii[r] |= 1 << c
				}
			}
		}
	}
	m := make(map[string]*marker)
	for _, own := range scripts {
		mk := &marker{own: own}
		for _, s := range scripts {
			if s != own {
				mk.others = append(mk.others, s)
				mk.nonASCII = mk.nonASCII || len(s.chars[letters].tables) > 0 || !isASCII([]byte(s.chars[letters].chars))
			}
		}
		for r := range rune(utf8.RuneSelf) {
			mk.startASCII[r] = mk.starts(r)
			mk.ascii = mk.ascii || mk.startASCII[r] != nil
		}
		m[own.lang] = mk
	}
	return m
}

// markerFor is the marker of text in language lang.
func markerFor(lang []byte) *marker {
	if m, ok := markers[string(lang)]; ok {
		return m
	}
	return markers[unlisted]
}

// next returns the first run to mark in text from from, and its
// language, or -1, -1, "".
func (m *marker) next(text []byte, from int) (int, int, string) {
	for i := from; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf && !m.ascii {
			i = skipASCII(text, i+1)
			continue
		}
		if c >= utf8.RuneSelf && !m.nonASCII {
			i++
			continue
		}
		var s *script
		n := 1
		if c < utf8.RuneSelf {
			s = m.startASCII[c]
		} else {
			var r rune
			r, n = utf8.DecodeRune(text[i:])
			s = m.starts(r)
		}
		if s == nil {
			i += n
			continue
		}
		end, words := s.run(text, i+n)
		if words >= s.minWords {
			return i, end, s.lang
		}
		// No later start in the same run of words can find more of them.
		i = end
	}
	return -1, -1, ""
}

// starts returns the script whose run r starts, or nil.
func (m *marker) starts(r rune) *script {
	for _, s := range m.others {
		if s.is(letters, r) && !m.own.is(letters, r) {
			return s
		}
	}
	return nil
}

// run returns the end and word count of the run whose first letter ends at i.
func (s *script) run(text []byte, i int) (end, words int) {
	end, words = s.wordEnd(text, i), 1
	for {
		j := end
		for j < len(text) {
			r, n := utf8.DecodeRune(text[j:])
			if !s.is(between, r) {
				break
			}
			j += n
		}
		if j == end || j == len(text) {
			return end, words
		}
		r, n := utf8.DecodeRune(text[j:])
		if !s.is(letters, r) && !s.is(nextWord, r) {
			return end, words
		}
		end, words = s.wordEnd(text, j+n), words+1
	}
}

// wordEnd returns the end of the word that goes on at i.
func (s *script) wordEnd(text []byte, i int) int {
	for i < len(text) {
		r, n := utf8.DecodeRune(text[i:])
		if !s.is(letters, r) && !s.is(inWord, r) {
			break
		}
		i += n
	}
	return i
}

// skipASCII returns the offset of the first non-ASCII byte from i, or
// len(text), eight bytes at a time: an English page is mostly ASCII.
func skipASCII(text []byte, i int) int {
	for ; i+8 <= len(text); i += 8 {
		if binary.LittleEndian.Uint64(text[i:])&0x8080808080808080 != 0 {
			break
		}
	}
	for i < len(text) && text[i] < utf8.RuneSelf {
		i++
	}
	return i
}
