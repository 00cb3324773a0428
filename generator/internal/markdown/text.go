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

// plainBody gives f the text a reader sees in a whole body, white space
// as written: the search index's terms are the same either way, so only a
// caller that keeps the text folds it (CollapseSpace).
func plainBody(doc ast.Node, src []byte, f func([]byte)) {
	// A body's text is no longer than its source but for the rare entity
	// or smart quote, so one buffer of that size holds it; the buffer is
	// pooled, and f reads it there.
	b := textBuffers.Get().(*[]byte)
	*b = collectText((*b)[:0], doc, src)
	f(*b)
	if cap(*b) <= 1<<20 {
		textBuffers.Put(b)
	}
}

var textBuffers = sync.Pool{New: func() any { return new([]byte) }}

// CollapseSpace is strings.Join(strings.Fields(s), " ") in one pass, in
// place: it returns s's own bytes, shortened. The preview keeps every
// body's text folded with it, so a byte is looked up once in spaceClass, a word is copied
// whole and only once a space has been dropped before it, and a rune is
// decoded only if its first byte is one that a space can start with:
// Hangul and most other letters are never looked at twice.
func CollapseSpace(s []byte) []byte {
	w := 0           // s[:w] is the result so far; w never passes i
	pending := false // a space is owed before the next word
	for i := 0; i < len(s); {
		j := i // the word s[i:j]
		for j < len(s) {
			if c := spaceClass[s[j]]; c == notSpace {
				j++
				continue
			} else if c == mayBeSpace {
				if r, n := utf8.DecodeRune(s[j:]); !unicode.IsSpace(r) {
					j += n
					continue
				}
			}
			break
		}
		if j > i {
			if pending { // a space was skipped, so w < i
				s[w] = ' '
				w++
				pending = false
			}
			if w != i {
				copy(s[w:], s[i:j])
			}
			w += j - i
			i = j
		}
		for i < len(s) { // the spaces after it
			if c := spaceClass[s[i]]; c == isSpace {
				i++
				continue
			} else if c == mayBeSpace {
				if r, n := utf8.DecodeRune(s[i:]); unicode.IsSpace(r) {
					i += n
					continue
				}
			}
			break
		}
		pending = w > 0
	}
	return s[:w]
}

// spaceClass sorts the bytes for CollapseSpace: the ASCII spaces
// (unicode.IsSpace), the bytes that start the UTF-8 of a non-ASCII space
// (U+0085 and U+00A0 start with C2, U+1680 with E1, U+2000 to U+205F
// with E2, U+3000 with E3), and the rest.
var spaceClass = [256]uint8{
	'\t': isSpace, '\n': isSpace, '\v': isSpace, '\f': isSpace, '\r': isSpace, ' ': isSpace,
	0xC2: mayBeSpace, 0xE1: mayBeSpace, 0xE2: mayBeSpace, 0xE3: mayBeSpace,
}

const (
	notSpace = iota
	isSpace
	mayBeSpace
)

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
