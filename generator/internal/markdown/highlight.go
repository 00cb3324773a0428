package markdown

import (
	"bytes"
	"strings"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// The chroma styles of code blocks in the light and dark themes.
const (
	lightStyle = "github"
	darkStyle  = "github-dark"
)

var formatter = chromahtml.New(chromahtml.WithClasses(true), chromahtml.ClassPrefix("hl-"))

// codeBlocks renders fenced code with chroma, as spans with CSS classes.
// Code without a language, or in a language chroma does not know, is
// rendered as plain escaped text.
type codeBlocks struct{}

func (codeBlocks) RegisterFuncs(r renderer.NodeRendererFuncRegisterer) {
	r.Register(ast.KindFencedCodeBlock, renderCode)
}

func renderCode(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	cb := n.(*ast.FencedCodeBlock)
	var code bytes.Buffer
	for i := 0; i < cb.Lines().Len(); i++ {
		seg := cb.Lines().At(i)
		code.Write(seg.Value(src))
	}
	lang := strings.ToLower(string(cb.Language(src)))
	var lexer chroma.Lexer
	if lang != "" {
		lexer = lexers.Get(lang)
	}
	if lexer != nil {
		it, err := chroma.Coalesce(lexer).Tokenise(nil, code.String())
		if err == nil {
			return ast.WalkSkipChildren, formatter.Format(w, styles.Get(lightStyle), it)
		}
	}
	w.WriteString(`<pre class="hl-chroma"><code>`)
	w.Write(util.EscapeHTML(code.Bytes()))
	w.WriteString("</code></pre>\n")
	return ast.WalkSkipChildren, nil
}

// Stylesheet returns the CSS for highlighted code: the light style, and the
// dark one for readers whose system prefers dark.
func Stylesheet() ([]byte, error) {
	var b bytes.Buffer
	if err := formatter.WriteCSS(&b, styles.Get(lightStyle)); err != nil {
		return nil, err
	}
	b.WriteString("@media (prefers-color-scheme: dark) {\n")
	if err := formatter.WriteCSS(&b, styles.Get(darkStyle)); err != nil {
		return nil, err
	}
	b.WriteString("}\n")
	return b.Bytes(), nil
}
