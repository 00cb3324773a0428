// Package markdown converts a document's body to HTML with goldmark, the one
// place where the markdown dialect is configured: CommonMark with GitHub's
// tables, autolinks and task lists, ~~strikethrough~~ (two tildes only: a
// single one is how Korean writes ranges, as in 2011~2015년), footnotes,
// definition lists, {#id} attributes on headings, and typographic quotes
// and apostrophes in each language's own style (quotes.go; code and
// addresses keep their straight ones).
//
// Four small extensions of its own sit on top of goldmark:
//
//   - heading IDs made as GitHub makes them, but keeping Korean letters
//     (goldmark's own generator drops them); a duplicate or empty ID is an
//     error; each heading with its "#" permalink after it, named for
//     screen readers by an element of the page's (heading.go);
//   - links to other markdown files rewritten to the address of the page
//     they become, and recorded so the caller can check that the file and
//     the #anchor exist (link.go);
//   - images shown from picture files of the content folder's pictures/
//     folder, with their width and height and lazy loading; a picture
//     with no alt text, from another site, or outside that folder is an
//     error (image.go);
//   - a closing bracket or quote and the Korean particle after it kept on
//     one line, (NTE)를 (particles.go); Typeset gives front matter text
//     the same quotes and particles (typeset.go);
//   - fenced code highlighted by chroma with CSS classes; Stylesheet returns
//     the matching CSS, light and dark (highlight.go). A Converter keeps
//     the last blocks it highlighted, so the same code in an entry's other
//     language is copied, not highlighted again.
//
// Raw HTML in markdown passes through an allowlist (sanitize.go, applied
// with bluemonday): simple formatting tags stay, everything that could run
// script, load something, or hide or restyle text is removed, and each
// removal is a warning at its line (rawhtml.go). A javascript: (or any
// other non-web) link is an error, in markdown and in raw HTML alike, read
// as a browser reads it (mixed case, entities, tabs inside). Links to other
// sites get rel="noopener noreferrer".
package markdown

import (
	"bytes"
	"strconv"

	"explainer/generator/internal/diag"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Converter converts markdown bodies. It is safe for concurrent use.
type Converter struct {
	md   map[string]goldmark.Markdown // by language (quotes.go)
	code *highlights
}

// New returns a Converter.
func New() *Converter {
	c := &Converter{md: make(map[string]goldmark.Markdown), code: new(highlights)}
	for lang, q := range quoteStyles {
		c.md[lang] = newMarkdown(c.code, q)
	}
	return c
}

// newMarkdown configures goldmark with the quotes of one language.
func newMarkdown(code *highlights, q quoteStyle) goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(
			// GitHub's dialect, but for strikethrough: see strike.go.
			extension.Table,
			extension.Linkify,
			extension.TaskList,
			extension.Footnote,
			extension.DefinitionList,
			q.typographer(),
		),
		goldmark.WithParserOptions(
			parser.WithHeadingAttribute(),
			parser.WithInlineParsers(util.Prioritized(doubleTilde{}, 500)),
			parser.WithASTTransformers(
				util.Prioritized(headingIDs{}, 100),
				util.Prioritized(links{}, 200),
				util.Prioritized(rawHTML{}, 50),
				util.Prioritized(fences{}, 300),
				util.Prioritized(closingQuotes{q}, 300),
				util.Prioritized(particles{}, 400),
			),
		),
		goldmark.WithRendererOptions(
			renderer.WithNodeRenderers(
				util.Prioritized(codeBlocks{seen: code}, 100),
				util.Prioritized(extension.NewStrikethroughHTMLRenderer(), 500),
				util.Prioritized(safeHTMLRenderer{}, 100),
				util.Prioritized(headingLinks{}, 100),
				util.Prioritized(particles{}, 500),
			),
		),
	)
}

// Page tells Convert about the document being converted.
type Page struct {
	// Name is the document's path in the content folder (barriers/x.en.md).
	Name string
	Lang string
	// Lines maps offsets in the source to positions, for errors.
	Lines *diag.Lines
	// URL returns the address of the page made from the content file name,
	// or "" if no page is made from it. It is called for every link to a
	// markdown file.
	URL func(name string) string
	// Picture, when not nil, reads the picture file name (a path in the
	// content folder, pictures/x.png) that an image shows, and returns it
	// as the page shows it, or why it cannot be shown (image.go). Without
	// it, an image is an error.
	Picture func(name string) (Picture, error)
	// Text, when not nil, receives the body's plain text, for the search
	// index, white space as written.
	Text func(text string)
}

// Heading is a heading of the body.
type Heading struct {
	Level int
	ID    string
	Text  string
	Pos   diag.Pos
}

// Link is a link from the body to a markdown file, or to an #anchor of the
// same page.
type Link struct {
	// Name is the linked file's path in the content folder, with the
	// language filled in when the link left it out; "" for an anchor of the
	// same page.
	Name string
	// Written is the destination as the editor wrote it.
	Written  string
	Fragment string
	// Neutral reports that the link named no language (x.md).
	Neutral bool
	Pos     diag.Pos
}

// Result is what Convert learned about a body besides its HTML.
type Result struct {
	Headings []Heading
	// IDs holds every id attribute in the body (headings and footnotes).
	IDs   map[string]bool
	Links []Link
	// Errs holds the problems found: bad headings and links, and, marked
	// as warnings, what was removed from raw HTML.
	Errs []*diag.Error
}

var stateKey = parser.NewContextKey()

type state struct {
	page *Page
	res  *Result
}

// Convert renders src, the whole text of the document (with its front
// matter blanked), as HTML, and returns what it learned on the way:
// headings, ids, links and problems; the plain text goes to p.Text.
func (c *Converter) Convert(src []byte, p *Page) ([]byte, *Result, error) {
	var buf bytes.Buffer
	buf.Grow(len(src) * 3 / 2)
	res, err := c.ConvertTo(&buf, src, p)
	if err != nil {
		return nil, nil, err
	}
	return buf.Bytes(), res, nil
}

// ConvertTo is Convert writing the HTML to buf, which a caller converting
// thousands of bodies reuses.
func (c *Converter) ConvertTo(buf *bytes.Buffer, src []byte, p *Page) (*Result, error) {
	doc, res := c.parse(src, p)
	if err := c.forLang(p.Lang).Renderer().Render(buf, src, doc); err != nil {
		return nil, err
	}
	return res, nil
}

// Parse reads src as Convert does and returns what it learned, without
// making the HTML: the site's model needs every body's headings, ids,
// links and text before any page is made, and the pages convert their
// bodies later, one at a time.
func (c *Converter) Parse(src []byte, p *Page) *Result {
	_, res := c.parse(src, p)
	return res
}

func (c *Converter) parse(src []byte, p *Page) (ast.Node, *Result) {
	res := &Result{IDs: make(map[string]bool)}
	ctx := parser.NewContext()
	ctx.Set(stateKey, &state{page: p, res: res})
	doc := c.forLang(p.Lang).Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
	footnoteIDs(doc, res.IDs)
	if p.Text != nil {
		plainBody(doc, src, p.Text)
	}
	return doc, res
}

func stateOf(pc parser.Context) *state {
	s, _ := pc.Get(stateKey).(*state)
	return s
}

// footnoteIDs adds to ids the ids goldmark's footnote renderer gives
// footnotes and their back references, so links to them can be checked.
func footnoteIDs(doc ast.Node, ids map[string]bool) {
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch f := n.(type) {
		case *east.Footnote:
			ids["fn:"+strconv.Itoa(f.Index)] = true
		case *east.FootnoteLink:
			ids["fnref:"+strconv.Itoa(f.Index)] = true
		}
		return ast.WalkContinue, nil
	})
}
