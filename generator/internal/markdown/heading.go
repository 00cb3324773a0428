package markdown

import (
	"regexp"
	"strings"
	"unicode"

	"explainer/generator/internal/diag"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// headingIDs gives every heading an id: the one written as {#id}, or one
// made from its text by HeadingID. It reports duplicates and empty ids.
type headingIDs struct{}

func (headingIDs) Transform(doc *ast.Document, r text.Reader, pc parser.Context) {
	st := stateOf(pc)
	src := r.Source()
	first := make(map[string]diag.Pos)
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		pos := blockPos(h, st.page.Lines)
		txt := plainText(h, src)
		var id string
		if v, ok := h.AttributeString("id"); ok {
			b, _ := v.([]byte)
			id = string(b)
			if id == "" || strings.ContainsAny(id, " \t#") {
				st.res.Errs = append(st.res.Errs, diag.Errorf(pos, "heading %q: the {#id} must be a word without spaces or #", txt))
				return ast.WalkSkipChildren, nil
			}
		} else {
			id = HeadingID(txt)
			if id == "" {
				st.res.Errs = append(st.res.Errs, diag.Errorf(pos, "heading %q gives an empty anchor; write one after it, like {#name}", txt))
				return ast.WalkSkipChildren, nil
			}
			h.SetAttributeString("id", []byte(id))
		}
		if p, dup := first[id]; dup {
			st.res.Errs = append(st.res.Errs, diag.Errorf(pos, "heading %q has the anchor #%s, already used by the heading at line %d; give one of them another {#id}", txt, id, p.Line))
			return ast.WalkSkipChildren, nil
		}
		first[id] = pos
		st.res.IDs[id] = true
		st.res.Headings = append(st.res.Headings, Heading{Level: h.Level, ID: id, Text: txt, Pos: pos})
		return ast.WalkSkipChildren, nil
	})
}

// HeadingID makes an anchor from a heading's text as GitHub does: lower
// case, spaces to hyphens, punctuation dropped, letters of every script
// (Hangul included) and digits kept.
func HeadingID(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(s)) {
		switch {
		case r == ' ' || r == '-':
			b.WriteByte('-')
		case r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// blockPos is where a block's first line of text starts.
func blockPos(n ast.Node, lines *diag.Lines) diag.Pos {
	if l := n.Lines(); l != nil && l.Len() > 0 {
		return lines.Pos(l.At(0).Start)
	}
	for c := n.FirstChild(); c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			return lines.Pos(t.Segment.Start)
		}
	}
	if p := n.Parent(); p != nil && p.Type() != ast.TypeDocument {
		return blockPos(p, lines)
	}
	return diag.Pos{Path: lines.Path(), Line: 1, Col: 1}
}

// HeadingLinkLabel is the id of the element, outside the body, whose text
// begins the accessible name of every heading's permalink ("Link to this
// section:"): the templates put it on each page in the page's language
// (strings.yaml's heading_link), so the body, converted once, names no
// language.
const HeadingLinkLabel = "site-heading-link"

// headingLinks renders each heading that has an id with a permalink
// after it, as GitHub does: the heading and a "#" link to its anchor in
// a <div class="heading">. The link is outside the heading, so the
// heading's own name (in a screen reader's list of headings) stays its
// text; the link's name is HeadingLinkLabel's text and the heading's,
// "Link to this section: History". The ids are unchanged.
type headingLinks struct{}

func (headingLinks) RegisterFuncs(r renderer.NodeRendererFuncRegisterer) {
	r.Register(ast.KindHeading, renderHeading)
}

func renderHeading(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	h := n.(*ast.Heading)
	id := headingID(h)
	level := "0123456"[h.Level]
	if entering {
		if id != nil {
			w.WriteString(`<div class="heading">`)
		}
		w.WriteString("<h")
		w.WriteByte(level)
		if h.Attributes() != nil {
			html.RenderAttributes(w, h, html.HeadingAttributeFilter)
		}
		w.WriteByte('>')
		return ast.WalkContinue, nil
	}
	w.WriteString("</h")
	w.WriteByte(level)
	w.WriteByte('>')
	if id != nil {
		esc := util.EscapeHTML(id)
		w.WriteString(`<a class="heading-link" href="#`)
		w.Write(esc)
		w.WriteString(`" aria-labelledby="` + HeadingLinkLabel + " ")
		w.Write(esc)
		w.WriteString(`">#</a></div>`)
	}
	w.WriteByte('\n')
	return ast.WalkContinue, nil
}

// headingID is the id headingIDs gave h (goldmark keeps attribute text
// as bytes), or nil for a heading it reported.
func headingID(h *ast.Heading) []byte {
	v, _ := h.AttributeString("id")
	if id, _ := v.([]byte); len(id) > 0 {
		return id
	}
	return nil
}

// headingLink matches the permalink renderHeading writes.
var headingLink = regexp.MustCompile(`<a class="heading-link" href="#[^"]*" aria-labelledby="` + HeadingLinkLabel + ` [^"]*">#</a>`)

// WithoutHeadingLinks returns body without its headings' permalinks, for
// copies of a body read outside its page (a feed), where the "#" would
// stand alone and its label does not exist.
func WithoutHeadingLinks(body string) string {
	return headingLink.ReplaceAllLiteralString(body, "")
}
