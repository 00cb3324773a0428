package markdown

import (
	"strings"

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
	return strings.Join(strings.Fields(collectText(doc, src)), " ")
}

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
