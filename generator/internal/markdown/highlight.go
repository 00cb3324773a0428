package markdown

import (
	"bytes"
	_ "embed"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// formatter is chroma's HTML formatter as the pages use it: each token in
// a span of its type's class (hl-kn, ...), which Stylesheet colours.
var formatter = chromahtml.New(chromahtml.WithClasses(true), chromahtml.ClassPrefix("hl-"))

// chroma.css is the CSS of the chroma styles of code blocks in the light
// and dark themes (lightStyle and darkStyle, highlight_test.go), made once
// by
//
//	go test ./generator/internal/markdown -run Stylesheet -update
//
// and TestStylesheetIsChromas fails when it is not what chroma makes of
// them. A program that imports chroma's styles parses every one of them
// (about 80) before main runs: 10 ms of every build, check and preview,
// a tenth of the real site's check.
//
//go:embed chroma.css
var stylesheet []byte

// noStyle is the style formatter is given to write code with: with
// classes it writes no style's colours, so none needs to be loaded
// (TestAnyStyleWritesTheSame).
var noStyle = chroma.MustNewStyle("classes", chroma.StyleEntries{})

// codeBlocks renders fenced code with chroma, as spans with CSS classes.
// Code without a language, or in a language chroma does not know, is
// rendered as plain escaped text.
type codeBlocks struct {
	seen *highlights
}

func (c codeBlocks) RegisterFuncs(r renderer.NodeRendererFuncRegisterer) {
	r.Register(ast.KindFencedCodeBlock, c.render)
}

func (c codeBlocks) render(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	cb := n.(*ast.FencedCodeBlock)
	code := cb.Lines().Value(src)
	lang := strings.ToLower(string(cb.Language(src)))
	var lexer chroma.Lexer
	if lang != "" {
		lexer = lexers.Get(lang)
	}
	if lexer != nil {
		key := lang + "\n" + string(code)
		if html, ok := c.seen.get(key); ok {
			_, err := w.WriteString(html)
			return ast.WalkSkipChildren, err
		}
		var html strings.Builder
		it, err := chroma.Coalesce(lexer).Tokenise(nil, key[len(lang)+1:])
		if err == nil {
			err = formatter.Format(&html, noStyle, it)
		}
		if err == nil {
			c.seen.put(key, html.String())
			_, err = w.WriteString(html.String())
			return ast.WalkSkipChildren, err
		}
	}
	w.WriteString(`<pre class="hl-chroma"><code>`)
	w.Write(util.EscapeHTML(code))
	w.WriteString("</code></pre>\n")
	return ast.WalkSkipChildren, nil
}

// highlights keeps the HTML of the code blocks highlighted last. Code is
// not translated, so the languages of an entry share their code blocks,
// and they are converted one after the other (see render.WritePages): the second
// language's blocks are copies of the first's, and chroma, the dearest
// part of converting a body, runs once for both (without this, checking
// the benchmark corpus of 10,000 barriers, one YAML block each, takes
// 30% more CPU time). Past highlightsMax bytes it starts again empty, so
// it never holds more than a few pages' worth.
type highlights struct {
	mu   sync.Mutex
	html map[string]string // by language and code
	size int
}

const highlightsMax = 256 << 10

func (h *highlights) get(key string) (string, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	html, ok := h.html[key]
	return html, ok
}

func (h *highlights) put(key, html string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	n := len(key) + len(html)
	if n > highlightsMax {
		return
	}
	if h.html == nil || h.size+n > highlightsMax {
		h.html, h.size = make(map[string]string), 0
	}
	h.html[key] = html
	h.size += n
}

// Stylesheet returns the CSS for highlighted code: the light style, and the
// dark one for readers whose system prefers dark.
func Stylesheet() []byte { return bytes.Clone(stylesheet) }
