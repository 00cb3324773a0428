package markdown

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// typesetters are goldmark set up for plain text, one per language:
// paragraphs, and inline nothing but the typographer's quotes, so a
// front matter title or summary (which is not markdown) gets the marks
// and the kept-together particles of the body, and nothing else.
var typesetters sync.Map // language -> goldmark.Markdown

func typesetter(lang string) goldmark.Markdown {
	if md, ok := typesetters.Load(lang); ok {
		return md.(goldmark.Markdown)
	}
	q, ok := quoteStyles[lang]
	if !ok {
		q = quoteStyles[defaultQuotes]
	}
	md := goldmark.New(
		goldmark.WithParser(parser.NewParser(
			parser.WithBlockParsers(util.Prioritized(parser.NewParagraphParser(), 100)),
			parser.WithInlineParsers(),
			parser.WithParagraphTransformers(),
		)),
		goldmark.WithExtensions(q.typographer()),
		goldmark.WithParserOptions(parser.WithASTTransformers(
			util.Prioritized(closingQuotes{q}, 300),
			util.Prioritized(particles{}, 400),
		)),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(particles{}, 500))),
	)
	md2, _ := typesetters.LoadOrStore(lang, md)
	return md2.(goldmark.Markdown)
}

// Typeset returns plain text s, in language lang, as HTML: escaped, with
// typographic quotes and a Korean particle kept on the line of the
// bracket or quote before it, as in bodies.
func Typeset(lang, s string) string {
	if !strings.ContainsAny(s, `"')]`) {
		return string(util.EscapeHTML([]byte(s))) // nothing to set
	}
	var b bytes.Buffer
	md := typesetter(lang)
	src := []byte(s)
	doc := md.Parser().Parse(text.NewReader(src))
	if err := md.Renderer().Render(&b, src, doc); err != nil {
		return string(util.EscapeHTML(src))
	}
	out := strings.TrimSpace(b.String())
	out = strings.TrimPrefix(out, "<p>")
	out = strings.TrimSuffix(out, "</p>")
	return strings.ReplaceAll(out, "</p>\n<p>", " ")
}

// anyTag matches the tags Typeset writes.
var anyTag = regexp.MustCompile(`<[^>]*>`)

// TypesetText is Typeset as plain text, for where no markup may go (an
// SVG's <title>): the same quotes, no spans, nothing escaped.
func TypesetText(lang, s string) string {
	return html.UnescapeString(anyTag.ReplaceAllString(Typeset(lang, s), ""))
}
