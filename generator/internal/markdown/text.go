package markdown

import (
	"strings"

	"github.com/yuin/goldmark/ast"
)

// plainText is the text a reader sees in an inline container (a heading),
// white space as written.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	collectText(&b, n, src)
	return strings.TrimSpace(b.String())
}

// plainBody gives f the text a reader sees in a whole body, white space
// as written: the search index's terms are the same either way, so only a
// caller that keeps the text folds it (CollapseSpace).
func plainBody(doc ast.Node, src []byte, f func(string)) {
	var b strings.Builder
	b.Grow(len(src))
	collectText(&b, doc, src)
	f(b.String())
}

// CollapseSpace returns the words of s with one space between each two.
// The preview keeps every body's text folded with it.
func CollapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// collectText writes to b every text, code span and code block below n,
// words of separate blocks kept apart. Raw HTML is left out (what the
// sanitizer keeps of it is formatting around text that is already here).
func collectText(b *strings.Builder, n ast.Node, src []byte) {
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
			b.Write(n.Lines().Value(src))
			space()
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML, *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}
