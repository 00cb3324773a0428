package markdown

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
)

// plainText is the text a reader sees in an inline container (a heading),
// white space as written.
func plainText(n ast.Node, src []byte) string {
	return strings.TrimSpace(collectText(n, src))
}

// plainBody is the text a reader sees in a whole body, runs of white space
// folded to one space.
func plainBody(doc ast.Node, src []byte) string {
	return collapseSpace(collectText(doc, src))
}

// collapseSpace is strings.Join(strings.Fields(s), " ") in one pass: every
// body of a site goes through it.
func collapseSpace(s string) string {
	out := make([]byte, 0, len(s))
	pending := false // a space is owed before the next word
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				pending = len(out) > 0
				i++
				continue
			}
			if pending {
				out = append(out, ' ')
				pending = false
			}
			out = append(out, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			pending = len(out) > 0
		} else {
			if pending {
				out = append(out, ' ')
				pending = false
			}
			out = append(out, s[i:i+n]...)
		}
		i += n
	}
	return string(out)
}

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// collectText gathers every text, code span and code block below n, words
// of separate blocks kept apart. Raw HTML is left out (what the sanitizer
// keeps of it is formatting around text that is already here).
func collectText(n ast.Node, src []byte) string {
	var b strings.Builder
	space := func() {
		if b.Len() > 0 {
			b.WriteByte(' ')
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
			b.Write(t.Segment.Value(src))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			lines := n.Lines()
			for i := range lines.Len() {
				seg := lines.At(i)
				b.Write(seg.Value(src))
			}
			space()
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML, *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}
