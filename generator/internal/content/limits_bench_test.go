package content

import (
	"strings"
	"testing"

	"explainer/generator/internal/diag"
	"explainer/generator/internal/markdown"
)

// worstBodies are the slowest markdown bodies found that still pass the
// limits: a whole file (MaxFileSize) of paragraphs just under
// MaxParagraph, each made of one construct goldmark rescans, plus ordinary
// prose of the same size for comparison. README.md quotes the results.
func worstBodies() map[string][]byte {
	fill := func(unit string, para int) []byte {
		p := strings.Repeat(unit, para/len(unit)) + "\n\n"
		return []byte(strings.Repeat(p, (MaxFileSize-1024)/len(p)))
	}
	nested := strings.Repeat(strings.Repeat("> ", MaxBlockDepth)+"x\n", 100) + "\n"
	return map[string][]byte{
		"prose":            fill("Some **bold** words and a [link](https://example.org/) in a sentence. ", 1000),
		"unclosed-links":   fill("[a](", MaxParagraph-8),
		"emphasis":         fill("*a_", MaxParagraph-8),
		"brackets":         fill("[", MaxParagraph-8),
		"code-spans":       fill("`a", MaxParagraph-8),
		"quotes-32-deep":   []byte(strings.Repeat(nested, (MaxFileSize-1024)/len(nested))),
		"raw-html-removed": fill("<b onclick=x>a</b> ", 2000),
	}
}

func BenchmarkWorstCaseBody(b *testing.B) {
	for name, src := range worstBodies() {
		b.Run(name, func(b *testing.B) {
			lines := diag.NewLines("x.en.md", src)
			if e := checkBody(src, lines); e != nil {
				b.Fatalf("the limits refuse it: %v", e)
			}
			md := markdown.New()
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := md.Convert(src, &markdown.Page{Name: "pages/x.en.md", Lang: "en", Lines: lines, URL: func(string) string { return "" }}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRefuseOversized is what a 10 MB entry costs: reading stops at
// the limit.
func BenchmarkRefuseOversized(b *testing.B) {
	fsys := mapFS(map[string]string{"pages/about.en.md": page("", strings.Repeat("A long line of text.\n", 10<<20/21))})
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(fsys, "content"); err == nil {
			b.Fatal("a 10 MB entry loaded")
		}
	}
}
