package render

import (
	"bytes"
	"encoding/binary"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Text in the other language inside a page (a Korean law's name in an
// English entry, an English report title in a Korean one) must carry its
// own lang attribute, so screen readers switch voice (WCAG 3.1.2). Editors
// write markdown, which cannot say so; markLanguages finds such text in a
// rendered page and wraps it in <span lang="...">:
//
//   - on a page not in Korean, every run of Hangul or Chinese characters
//     (with the spaces, digits and punctuation · . , ( ) ~ - between its
//     letters) is Korean;
//   - on a Korean page, a run of three or more Latin-script words is
//     English (shorter runs are names and acronyms such as USTR or CSAP,
//     which need no marking). A word starts with a Latin letter or digit
//     and goes on with letters, digits and ' ’ - . & # ; (so entities such
//     as &#39; stay whole); words are separated by spaces, commas and
//     colons.
//
// Text already inside an element with a lang attribute is left alone, as
// is the text of <title>, <script>, <style>, <svg>, <code>, <pre> and
// <textarea>, which cannot hold or should not get markup.
//
// Every page goes through it, so it is a hand-written scanner that
// allocates only for what it marks; langmark_ref_test.go holds the same
// rules as regular expressions, and the tests hold the two to the same
// output.

type openElement struct {
	name []byte // as the page writes it; compared as lower case
	lang string // its lang attribute, or the parent's
	raw  bool   // inside an element whose text is left alone
}

// markLanguages returns the page html of language lang with the text in
// the other language marked (see above), appended to dst[:0] (a buffer
// for the caller to reuse, or nil). It returns html itself when nothing
// needs marking.
func markLanguages(dst, html []byte, lang string) []byte {
	out, marked := dst[:0], false
	done := 0 // html[:done] is in out
	stack := make([]openElement, 1, 16)
	stack[0] = openElement{lang: lang}
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
		top := stack[len(stack)-1]
		if !top.raw {
			find, other := hangulRun, "ko"
			if top.lang == "ko" {
				find, other = latinRun, "en"
			}
			for k := 0; k < len(text); {
				s, e := find(text, k)
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

// tagEnd returns the offset just past the tag starting at i, skipping
// quoted attribute values.
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
// writes them, and compared and classified as strings.ToLower would make
// them, without making them strings.
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
	// The name runs to the first space, '>', '/' or newline after any of
	// them that lead.
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
	e := openElement{name: name, lang: parent.lang, raw: parent.raw || raw}
	if l, ok := langAttribute(tag); ok {
		e.lang = l
	}
	return append(stack, e)
}

func isTagSep(c byte) bool { return c == ' ' || c == '>' || c == '/' || c == '\n' }

// classify reports whether the element named name is void, or one whose
// text is left alone (raw).
func classify(name []byte) (void, raw bool) {
	var lower [8]byte // the longest name either list holds
	if len(name) <= len(lower) {
		var high byte
		for i, c := range name {
			high |= c
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			lower[i] = c
		}
		if high < utf8.RuneSelf {
			n := string(lower[:len(name)])
			return isVoid(n), isRaw(n)
		}
	} else if isASCII(name) {
		return false, false
	}
	n := strings.ToLower(string(name)) // rare; non-ASCII may fold into ASCII
	return isVoid(n), isRaw(n)
}

func isVoid(name string) bool {
	switch name {
	case "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr":
		return true
	}
	return false
}

func isRaw(name string) bool {
	switch name {
	case "title", "script", "style", "svg", "code", "pre", "textarea":
		return true
	}
	return false
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
// strings.ToLower does.
func sameName(a, b []byte) bool {
	if !isASCII(a) || !isASCII(b) {
		return strings.ToLower(string(a)) == strings.ToLower(string(b))
	}
	if len(a) != len(b) {
		return false
	}
	for i := range len(a) {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// langAttribute finds lang="..." after white space in a tag.
func langAttribute(tag []byte) (string, bool) {
	const attr = `lang="`
	for from := 0; ; {
		k := bytes.Index(tag[from:], []byte(attr))
		if k < 0 {
			return "", false
		}
		k += from
		if k > 0 && isSpace(tag[k-1]) {
			v := tag[k+len(attr):]
			q := bytes.IndexByte(v, '"')
			if q < 0 {
				return "", false
			}
			return string(v[:q]), true
		}
		from = k + 1
	}
}

// isSpace is white space as regular expressions' \s means it.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

func isHangulOrHan(r rune) bool {
	return r >= 0x1100 && (unicode.Is(unicode.Hangul, r) || unicode.Is(unicode.Han, r))
}

// hangulRun returns the first run of Korean in text at or after from, as
// start and end offsets, or -1, -1.
func hangulRun(text []byte, from int) (int, int) {
	for i := from; i < len(text); {
		if text[i] < utf8.RuneSelf {
			i = skipASCII(text, i+1)
			continue
		}
		r, n := utf8.DecodeRune(text[i:])
		if !isHangulOrHan(r) {
			i += n
			continue
		}
		end := i + n
		for j := end; j < len(text); {
			c := text[j]
			if c < utf8.RuneSelf {
				if !isSpace(c) && !strings.ContainsRune(".,()~-", rune(c)) && !('0' <= c && c <= '9') {
					break
				}
				j++
				continue
			}
			r, n := utf8.DecodeRune(text[j:])
			j += n
			switch {
			case isHangulOrHan(r):
				end = j
			case r == '·' || unicode.Is(unicode.N, r):
			default:
				j = len(text) // stop
			}
		}
		return i, end
	}
	return -1, -1
}

// skipASCII returns the offset of the first byte at or after i that is
// not ASCII, or len(text); most of an English page's text is ASCII, so it
// looks at eight bytes at a time.
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

// latinRun returns the first run of three or more Latin-script words in
// text at or after from, as start and end offsets, or -1, -1.
func latinRun(text []byte, from int) (int, int) {
	for i := from; i < len(text); {
		if !isLetter(text[i]) {
			i++
			continue
		}
		end := wordEnd(text, i+1)
		words := 1
		for {
			k := end
			for k < len(text) && (text[k] == ' ' || text[k] == ',' || text[k] == ':') {
				k++
			}
			if k == end || k == len(text) || !(isLetter(text[k]) || '0' <= text[k] && text[k] <= '9') {
				break
			}
			end = wordEnd(text, k+1)
			words++
		}
		if words >= 3 {
			return i, end
		}
		// No later start in the same run of words can find more of them.
		i = end
	}
	return -1, -1
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// wordEnd returns the end of the word characters from i on.
func wordEnd(text []byte, i int) int {
	for i < len(text) {
		c := text[i]
		switch {
		case isLetter(c), '0' <= c && c <= '9', c == '\'', c == '-', c == '.', c == '&', c == '#', c == ';':
			i++
		case c == 0xe2 && i+2 < len(text) && text[i+1] == 0x80 && text[i+2] == 0x99: // ’
			i += 3
		default:
			return i
		}
	}
	return i
}
