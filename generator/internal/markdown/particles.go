package markdown

import (
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Korean writes its particles right after a closing bracket or quote:
// (NTE)를, “…”라고. A browser may break the line between the two, even
// with word-break: keep-all (a bracket is not a letter), and leave the
// particle alone at the start of a line. particles wraps the closing mark
// and the syllable after it in <span class="nobr">, which the stylesheet
// keeps on one line.
type particles struct{}

// kindNoBreak is the inline node of a closing mark and its particle.
var kindNoBreak = ast.NewNodeKind("NoBreak")

type noBreak struct{ ast.BaseInline }

func (n *noBreak) Kind() ast.NodeKind         { return kindNoBreak }
func (n *noBreak) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }
func (particles) RegisterFuncs(r renderer.NodeRendererFuncRegisterer) {
	r.Register(kindNoBreak, func(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(`<span class="nobr">`)
		} else {
			_, _ = w.WriteString(`</span>`)
		}
		return ast.WalkContinue, nil
	})
}

func (particles) Transform(doc *ast.Document, r text.Reader, _ parser.Context) {
	src := r.Source()
	var texts []*ast.Text
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.CodeSpan, *ast.RawHTML, *ast.AutoLink, *noBreak:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if entering {
				texts = append(texts, n)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, t := range texts {
		for t != nil {
			t = wrapParticle(t, src)
		}
	}
}

// wrapParticle wraps the first closing mark in t followed by a Hangul
// syllable, or a closing quote before t when t starts with one, and
// returns the text after it, to look at next (nil when none).
func wrapParticle(t *ast.Text, src []byte) *ast.Text {
	v := t.Segment.Value(src)
	if prev, ok := t.PreviousSibling().(*ast.String); ok && isCloser(string(prev.Value)) && startsHangul(v) {
		_, n := utf8.DecodeRune(v)
		nb := &noBreak{}
		t.Parent().InsertBefore(t.Parent(), prev, nb)
		nb.AppendChild(nb, prev)
		nb.AppendChild(nb, ast.NewTextSegment(t.Segment.WithStop(t.Segment.Start+n)))
		t.Segment = t.Segment.WithStart(t.Segment.Start + n)
		if t.Segment.Len() == 0 {
			return nil // t stays, empty, for its line break
		}
		v = v[n:]
	}
	for i := 0; i+1 < len(v); i++ {
		if (v[i] != ')' && v[i] != ']') || !startsHangul(v[i+1:]) {
			continue
		}
		_, n := utf8.DecodeRune(v[i+1:])
		seg := t.Segment
		rest := ast.NewTextSegment(seg.WithStart(seg.Start + i + 1 + n))
		rest.SetSoftLineBreak(t.SoftLineBreak())
		rest.SetHardLineBreak(t.HardLineBreak())
		t.SetSoftLineBreak(false)
		t.SetHardLineBreak(false)
		nb := &noBreak{}
		nb.AppendChild(nb, ast.NewTextSegment(text.NewSegment(seg.Start+i, seg.Start+i+1+n)))
		t.Segment = seg.WithStop(seg.Start + i)
		t.Parent().InsertAfter(t.Parent(), t, nb)
		t.Parent().InsertAfter(t.Parent(), nb, rest)
		return rest
	}
	return nil
}

func isCloser(s string) bool { return s == "”" || s == "’" || s == "」" || s == "』" }

func startsHangul(b []byte) bool {
	r, _ := utf8.DecodeRune(b)
	return r >= 0xAC00 && r <= 0xD7A3
}
