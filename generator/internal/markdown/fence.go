package markdown

import (
	"bytes"

	"explainer/generator/internal/diag"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// fences reports a fenced code block that is never closed: CommonMark
// lets it run to the end of the page (or of the list item or quote it is
// in), so the rest of the text would silently show as code. The error is
// at the opening fence.
type fences struct{}

func (fences) Transform(doc *ast.Document, r text.Reader, pc parser.Context) {
	src := r.Source()
	if !bytes.Contains(src, []byte("```")) && !bytes.Contains(src, []byte("~~~")) {
		return // most bodies: no walk
	}
	st := stateOf(pc)
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		f, ok := n.(*ast.FencedCodeBlock)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		if at, fence, open := unclosed(f, src); open {
			st.res.Errs = append(st.res.Errs, diag.Errorf(st.page.Lines.Pos(at), "this code block is never closed, so everything after it shows as code; end it with a line of %s", fence))
		}
		return ast.WalkSkipChildren, nil
	})
}

// unclosed reports whether the fenced block f of src has no closing
// fence, with the offset and the text of its opening fence. A block with
// neither an info string nor a line of code is never reported: nothing
// tells where it starts, and it has swallowed nothing.
func unclosed(f *ast.FencedCodeBlock, src []byte) (int, string, bool) {
	lines := f.Lines()
	var open int // the start of the opening fence's line
	switch {
	case f.Info != nil:
		open = lineStart(src, f.Info.Segment.Start)
	case lines.Len() > 0:
		open = lineStart(src, max(lineStart(src, lines.At(0).Start)-1, 0))
	default:
		return 0, "", false
	}
	line := src[open:lineEnd(src, open)]
	at := bytes.IndexAny(line, "`~")
	if at < 0 {
		return 0, "", false
	}
	n := at
	for n < len(line) && line[n] == line[at] {
		n++
	}
	fence := line[at:n]
	next := lineEnd(src, open) + 1 // the line after the block's last
	if lines.Len() > 0 {
		next = lineEnd(src, lines.At(lines.Len()-1).Start) + 1
	}
	if next < len(src) {
		closing := bytes.TrimLeft(src[next:lineEnd(src, next)], " \t>")
		if rest := bytes.TrimLeft(closing, string(fence[:1])); len(closing)-len(rest) >= len(fence) && len(bytes.TrimSpace(rest)) == 0 {
			return 0, "", false
		}
	}
	return open + at, string(fence), true
}

// lineStart and lineEnd return the offsets of the start of the line
// holding offset i and of the newline that ends it (or the end of src).
func lineStart(src []byte, i int) int {
	return bytes.LastIndexByte(src[:i], '\n') + 1
}

func lineEnd(src []byte, i int) int {
	if j := bytes.IndexByte(src[i:], '\n'); j >= 0 {
		return i + j
	}
	return len(src)
}
