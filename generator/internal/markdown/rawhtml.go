package markdown

import (
	"regexp"
	"strings"

	"explainer/generator/internal/diag"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// rawHTML replaces the raw HTML of a body (inline tags and HTML blocks) by
// its sanitized form (sanitize.go), and reports each thing removed at its
// line: a warning, or an error for a javascript: or other forbidden link.
type rawHTML struct{}

// safeHTML and safeHTMLBlock hold sanitized HTML, written out as it is.
type safeHTML struct {
	ast.BaseInline
	html []byte
}

type safeHTMLBlock struct {
	ast.BaseBlock
	html []byte
}

var (
	kindSafeHTML      = ast.NewNodeKind("SafeHTML")
	kindSafeHTMLBlock = ast.NewNodeKind("SafeHTMLBlock")
)

func (n *safeHTML) Kind() ast.NodeKind              { return kindSafeHTML }
func (n *safeHTML) Dump(src []byte, level int)      { ast.DumpHelper(n, src, level, nil, nil) }
func (n *safeHTMLBlock) Kind() ast.NodeKind         { return kindSafeHTMLBlock }
func (n *safeHTMLBlock) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }
func (n *safeHTMLBlock) IsRaw() bool                { return true }

func (rawHTML) Transform(doc *ast.Document, r text.Reader, pc parser.Context) {
	st := stateOf(pc)
	src := r.Source()
	var found []ast.Node
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && (n.Kind() == ast.KindRawHTML || n.Kind() == ast.KindHTMLBlock) {
			found = append(found, n)
		}
		return ast.WalkContinue, nil
	})
	var dropped map[string]int // inline start tags removed whole, by name
	warned := 0
	var firstUnreported diag.Pos // of the removals past maxWarnings
	for _, n := range found {
		var segs *text.Segments
		var repl ast.Node
		switch h := n.(type) {
		case *ast.RawHTML:
			segs = h.Segments
		case *ast.HTMLBlock:
			segs = h.Lines()
			if h.HasClosure() {
				all := text.NewSegments()
				all.AppendAll(segs.Sliced(0, segs.Len()))
				all.Append(h.ClosureLine)
				segs = all
			}
		}
		frag, starts := joinSegments(segs, src)
		clean, probs := sanitizeHTML(frag)
		for _, p := range probs {
			pos := st.page.Lines.Pos(sourceOffset(p.off, segs, starts))
			if !p.fatal {
				if warned++; warned == maxWarnings+1 {
					firstUnreported = pos
				}
				if warned > maxWarnings {
					continue
				}
			}
			e := diag.Errorf(pos, "%s", p.msg)
			e.Warning = !p.fatal
			st.res.Errs = append(st.res.Errs, e)
		}
		if n.Kind() == ast.KindRawHTML {
			clean, dropped = balance(frag, clean, dropped)
			repl = &safeHTML{html: clean}
		} else {
			repl = &safeHTMLBlock{html: clean}
		}
		n.Parent().ReplaceChild(n.Parent(), n, repl)
	}
	if warned > maxWarnings {
		e := diag.Errorf(firstUnreported, "%d more removals from raw HTML in this file, from here on", warned-maxWarnings)
		e.Warning = true
		st.res.Errs = append(st.res.Errs, e)
	}
}

// maxWarnings is how many removals from raw HTML are reported one by one
// in a file; past that, one line gives the count.
const maxWarnings = 20

// balance drops the end tag of an inline element whose start tag was
// removed (a <a href="javascript:..."> leaves its </a> in another node),
// so that no stray end tag is left in the page.
func balance(frag, clean []byte, dropped map[string]int) ([]byte, map[string]int) {
	m := tagNameRE.FindSubmatch(frag)
	if m == nil {
		return clean, dropped
	}
	name := strings.ToLower(string(m[2]))
	switch {
	case len(m[1]) == 0 && len(clean) == 0:
		if dropped == nil {
			dropped = make(map[string]int)
		}
		dropped[name]++
	case len(m[1]) == 1 && dropped[name] > 0:
		dropped[name]--
		clean = nil
	}
	return clean, dropped
}

// tagNameRE finds whether a fragment starts with a start or an end tag,
// and its name.
var tagNameRE = regexp.MustCompile(`^<(/?)([a-zA-Z][a-zA-Z0-9]*)`)

// joinSegments returns the text of segs and where each segment starts in it.
func joinSegments(segs *text.Segments, src []byte) ([]byte, []int) {
	var frag []byte
	starts := make([]int, segs.Len())
	for i := range segs.Len() {
		starts[i] = len(frag)
		seg := segs.At(i)
		frag = append(frag, seg.Value(src)...)
	}
	return frag, starts
}

// sourceOffset maps an offset in the joined text back to the source.
func sourceOffset(off int, segs *text.Segments, starts []int) int {
	for i := len(starts) - 1; i >= 0; i-- {
		if off >= starts[i] {
			return segs.At(i).Start + off - starts[i]
		}
	}
	return 0
}

// safeHTMLRenderer writes sanitized HTML.
type safeHTMLRenderer struct{}

func (safeHTMLRenderer) RegisterFuncs(r renderer.NodeRendererFuncRegisterer) {
	write := func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			switch h := n.(type) {
			case *safeHTML:
				w.Write(h.html)
			case *safeHTMLBlock:
				w.Write(h.html)
			}
		}
		return ast.WalkSkipChildren, nil
	}
	r.Register(kindSafeHTML, write)
	r.Register(kindSafeHTMLBlock, write)
}
