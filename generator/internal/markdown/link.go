package markdown

import (
	"html"
	"net/url"
	"path"
	"regexp"
	"strings"

	"explainer/generator/internal/diag"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// links rewrites links to markdown files into links to the pages made from
// them, and records them (and #anchor links) in the Result for checking.
// External links open without giving the new page a handle on this one.
type links struct{}

func (links) Transform(doc *ast.Document, r text.Reader, pc parser.Context) {
	st := stateOf(pc)
	src := r.Source()
	var unlink []*ast.AutoLink
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch l := n.(type) {
		case *ast.Link:
			if dest, ok := st.link(string(l.Destination), inlinePos(l, src, st.page.Lines)); ok {
				l.Destination = []byte(dest)
			}
			if isExternal(string(l.Destination)) {
				l.SetAttributeString("rel", []byte("noopener noreferrer"))
			}
		case *ast.Image:
			st.image(l, src) // image.go
		case *ast.AutoLink:
			if l.AutoLinkType == ast.AutoLinkURL {
				u := string(l.URL(src))
				if bad := badScheme(u); bad != "" {
					st.errorf(inlinePos(l, src, st.page.Lines), "link scheme %q is not allowed; links go to web pages (https://) or to markdown files", bad)
					unlink = append(unlink, l)
				} else {
					l.SetAttributeString("rel", []byte("noopener noreferrer"))
				}
			}
		}
		return ast.WalkContinue, nil
	})
	for _, l := range unlink {
		// goldmark would still write the address: keep only the text.
		l.Parent().ReplaceChild(l.Parent(), l, ast.NewString(l.Label(src)))
	}
}

func (st *state) errorf(pos diag.Pos, format string, args ...any) {
	st.res.Errs = append(st.res.Errs, diag.Errorf(pos, format, args...))
}

func isExternal(dest string) bool {
	return strings.HasPrefix(dest, "https://") || strings.HasPrefix(dest, "http://") || strings.HasPrefix(dest, "//")
}

// badScheme returns the scheme of dest if it is one a page must not link
// to (javascript:, data:, ...). It reads dest as a browser does: tabs and
// line breaks anywhere are ignored, and so are spaces and control
// characters around it, and character references are decoded, so
// "java&#x09;script:" is javascript.
func badScheme(dest string) string {
	dest = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, html.UnescapeString(dest))
	dest = strings.TrimFunc(dest, func(r rune) bool { return r <= ' ' })
	scheme, _, ok := strings.Cut(dest, ":")
	if !ok || !schemeRE.MatchString(scheme) {
		return "" // no scheme: a relative address
	}
	switch scheme = strings.ToLower(scheme); scheme {
	case "http", "https", "mailto":
		return ""
	}
	return scheme
}

// schemeRE is the grammar of a URL scheme (RFC 3986, section 3.1).
var schemeRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*$`)

// rendered is a destination as goldmark writes it into the page: with
// backslash escapes and character references resolved (A\: is A:).
func rendered(dest string) string {
	b := util.UnescapePunctuations([]byte(dest))
	b = util.ResolveNumericReferences(b)
	return string(util.ResolveEntityNames(b))
}

// link checks one link destination and returns what to write instead, if
// anything.
func (st *state) link(dest string, pos diag.Pos) (string, bool) {
	p := st.page
	switch {
	case dest == "":
		st.errorf(pos, "link has no destination")
		return "", false
	case badScheme(rendered(dest)) != "":
		st.errorf(pos, "link scheme %q is not allowed; links go to web pages (https://) or to markdown files", badScheme(rendered(dest)))
		return "#", true
	case isExternal(dest) || strings.HasPrefix(dest, "mailto:"):
		return "", false
	case strings.HasPrefix(dest, "/"):
		st.errorf(pos, "link to the site path %q; link to the markdown file instead, such as ../barriers/<slug>.%s.md", dest, p.Lang)
		return "", false
	case strings.HasPrefix(dest, "#"):
		frag := unescape(dest[1:])
		st.res.Links = append(st.res.Links, Link{Written: dest, Fragment: frag, Pos: pos})
		return "", false
	}

	file, frag, _ := strings.Cut(dest, "#")
	file, _, _ = strings.Cut(file, "?")
	file = unescape(file)
	frag = unescape(frag)
	if !strings.HasSuffix(file, ".md") {
		st.errorf(pos, "link to %q, which is not a page; link to a page's markdown file, such as %s", dest, sameLangName("glossary.md", p.Lang))
		return "", false
	}
	name := path.Join(path.Dir(p.Name), file)
	if name == ".." || strings.HasPrefix(name, "../") {
		st.errorf(pos, "link to %q points outside the content folder", dest)
		return "", false
	}
	l := Link{Name: name, Written: dest, Fragment: frag, Pos: pos}
	if n := sameLangName(name, p.Lang); n != name {
		l.Name, l.Neutral = n, true
	}
	st.res.Links = append(st.res.Links, l)
	u := p.URL(l.Name)
	if u == "" {
		return "#", true // the caller reports the missing page
	}
	if frag != "" {
		u += "#" + url.PathEscape(frag)
	}
	return u, true
}

// sameLangName turns a language-neutral name (x.md) into the name of the
// file in lang (x.ko.md); a name with a language is returned as it is.
func sameLangName(name, lang string) string {
	stem := strings.TrimSuffix(name, ".md")
	if strings.Contains(path.Base(stem), ".") {
		return name
	}
	return stem + "." + lang + ".md"
}

func unescape(s string) string {
	if u, err := url.PathUnescape(s); err == nil {
		return u
	}
	return s
}

// inlinePos is where an inline node starts: its first text, less the
// bracket before a link's text.
func inlinePos(n ast.Node, src []byte, lines *diag.Lines) diag.Pos {
	if a, ok := n.(*ast.AutoLink); ok {
		// An autolink keeps its text out of the tree; its label is a
		// slice of src, which tells where it is.
		if lbl := a.Label(src); len(lbl) > 0 && cap(lbl) <= cap(src) {
			off := cap(src) - cap(lbl)
			if off > 0 && src[off-1] == '<' {
				off--
			}
			return lines.Pos(off)
		}
	}
	for c := n.FirstChild(); c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			off := t.Segment.Start
			if _, isLink := n.(*ast.Link); isLink && off > 0 && src[off-1] == '[' {
				off--
			}
			return lines.Pos(off)
		}
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock {
			return blockPos(p, lines)
		}
	}
	return diag.Pos{Path: lines.Path(), Line: 1, Col: 1}
}
