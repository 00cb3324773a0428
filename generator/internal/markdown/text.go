package markdown

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
)

// plainText is the text a reader sees in an inline container (a heading),
// white space as written.
func plainText(n ast.Node, src []byte) string {
	return strings.TrimSpace(string(collectText(nil, n, src)))
}

// plainBody gives f the text a reader sees in a whole body, runs of white
// space folded to one space.
func plainBody(doc ast.Node, src []byte, f func([]byte)) {
	// A body's text is no longer than its source but for the rare entity
	// or smart quote, so one buffer of that size holds it, and the spaces
	// are folded in place; the buffer is pooled, and f reads it there.
	b := textBuffers.Get().(*[]byte)
	*b = collectText((*b)[:0], doc, src)
	f(collapseSpace(*b))
	if cap(*b) <= 1<<20 {
		textBuffers.Put(b)
	}
}

var textBuffers = sync.Pool{New: func() any { return new([]byte) }}

// collapseSpace is strings.Join(strings.Fields(s), " ") in one pass, in
// place: it returns s's own bytes, shortened. Every body of a site goes
// through it, so a word is copied whole, and a rune is decoded only if its
// first byte is one that a space can start with (see mayBeSpace): Hangul
// and most other letters are never looked at twice.
func collapseSpace(s []byte) []byte {
	w := 0           // s[:w] is the result so far; w never passes i
	pending := false // a space is owed before the next word
	for i := 0; i < len(s); {
		j := i // the word s[i:j]
		for j < len(s) {
			c := s[j]
			if c < utf8.RuneSelf {
				if asciiSpace[c] {
					break
				}
				j++
				continue
			}
			if mayBeSpace[c] {
				r, n := utf8.DecodeRune(s[j:])
				if unicode.IsSpace(r) {
					break
				}
				j += n
				continue
			}
			j++
		}
		if j > i {
			if pending { // a space was skipped, so w < i
				s[w] = ' '
				w++
				pending = false
			}
			w += copy(s[w:], s[i:j])
			i = j
		}
		for i < len(s) { // the spaces after it
			c := s[i]
			if c < utf8.RuneSelf {
				if !asciiSpace[c] {
					break
				}
				i++
			} else {
				if !mayBeSpace[c] {
					break
				}
				r, n := utf8.DecodeRune(s[i:])
				if !unicode.IsSpace(r) {
					break
				}
				i += n
			}
			pending = w > 0
		}
	}
	return s[:w]
}

// mayBeSpace marks the bytes that start the UTF-8 of a non-ASCII space
// (unicode.IsSpace): U+0085 and U+00A0 (C2), U+1680 (E1), U+2000 to U+205F
// (E2) and U+3000 (E3).
var mayBeSpace = [256]bool{0xC2: true, 0xE1: true, 0xE2: true, 0xE3: true}

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// collectText appends to b every text, code span and code block below n,
// words of separate blocks kept apart. Raw HTML is left out (what the
// sanitizer keeps of it is formatting around text that is already here).
func collectText(b []byte, n ast.Node, src []byte) []byte {
	space := func() {
		if len(b) > 0 {
			b = append(b, ' ')
		}
	}
	ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if n.Type() == ast.TypeBlock {
				space()
			}
			return ast.WalkContinue, nil
		}
		switch t := n.(type) {
		case *ast.Text:
			b = append(b, t.Segment.Value(src)...)
			if t.SoftLineBreak() || t.HardLineBreak() {
				b = append(b, ' ')
			}
		case *ast.String:
			b = append(b, t.Value...)
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			lines := n.Lines()
			for i := range lines.Len() {
				seg := lines.At(i)
				b = append(b, seg.Value(src)...)
			}
			space()
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML, *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b
}
