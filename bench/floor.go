package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// The floor is the least work any goldmark-based generator must do for a
// content folder: read every markdown file, split off its front matter,
// convert the body with the generator's goldmark extensions and chroma
// highlighting (heading ids included), and write one HTML file per page, on
// all cores. It has no templates, no checks and no link graph, so the real
// build's time over the floor's is the price of everything the generator
// adds.

// floorMarkdown is goldmark configured as package markdown configures it:
// GFM, footnotes, definition lists, {#id} heading attributes, automatic
// heading ids, and fenced code highlighted by chroma with CSS classes.
func floorMarkdown() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.DefinitionList),
		goldmark.WithParserOptions(parser.WithHeadingAttribute(), parser.WithAutoHeadingID()),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(floorCode{}, 100))),
	)
}

var floorFormatter = chromahtml.New(chromahtml.WithClasses(true), chromahtml.ClassPrefix("hl-"))

type floorCode struct{}

func (floorCode) RegisterFuncs(r renderer.NodeRendererFuncRegisterer) {
	r.Register(ast.KindFencedCodeBlock, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkSkipChildren, nil
		}
		cb := n.(*ast.FencedCodeBlock)
		var code bytes.Buffer
		for i := 0; i < cb.Lines().Len(); i++ {
			seg := cb.Lines().At(i)
			code.Write(seg.Value(src))
		}
		lexer := lexers.Get(strings.ToLower(string(cb.Language(src))))
		if lexer == nil {
			lexer = lexers.Fallback
		}
		it, err := chroma.Coalesce(lexer).Tokenise(nil, code.String())
		if err != nil {
			return ast.WalkStop, err
		}
		return ast.WalkSkipChildren, floorFormatter.Format(w, styles.Get("github"), it)
	})
}

// Floor converts every markdown file below content into out, one
// <lang>/<folder>/<slug>/index.html per file.
func Floor(content, out string) (int, error) {
	var names []string
	err := filepath.WalkDir(content, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") && filepath.Base(p) != "README.md" {
			names = append(names, p)
		}
		return err
	})
	if err != nil {
		return 0, err
	}
	md := floorMarkdown()
	work := make(chan string)
	errs := make(chan error, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			var first error
			for p := range work {
				if err := floorPage(md, content, out, p); err != nil && first == nil {
					first = err
				}
			}
			errs <- first
		})
	}
	for _, p := range names {
		work <- p
	}
	close(work)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			return 0, err
		}
	}
	return len(names), nil
}

func floorPage(md goldmark.Markdown, content, out, p string) error {
	src, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	body := src
	if rest, ok := bytes.CutPrefix(src, []byte("---\n")); ok {
		if i := bytes.Index(rest, []byte("\n---\n")); i >= 0 {
			body = rest[i+5:]
		}
	}
	var html bytes.Buffer
	if err := md.Convert(body, &html); err != nil {
		return err
	}
	rel, err := filepath.Rel(content, p)
	if err != nil {
		return err
	}
	// One folder per language, as the build writes them: a folder of
	// 20,000 pages costs the file system more than two of 10,000.
	name, lang := strings.TrimSuffix(rel, ".md"), ""
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		name, lang = name[:i], name[i+1:]
	}
	dir := filepath.Join(out, lang, name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "index.html"), html.Bytes(), 0o644)
}
