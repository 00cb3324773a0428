package markdown

import (
	"strings"

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
	f(collectText(make([]byte, 0, len(src)), doc, src))
}

// CollapseSpace returns the words of s with one space between each two.
// The preview keeps every body's text folded with it.
func CollapseSpace(s []byte) []byte {
	return []byte(strings.Join(strings.Fields(string(s)), " "))
}

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
			b = append(b, n.Lines().Value(src)...)
			space()
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML, *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b
}
