package markdown

import (
	"bytes"
	"flag"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"explainer/generator/internal/firstdiff"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
)

var update = flag.Bool("update", false, "rewrite chroma.css from chroma's styles")

// formatter is chroma's HTML formatter with the options the pages use:
// writeHighlighted is held to what it writes, and chroma.css is its style
// sheet.
var formatter = chromahtml.New(chromahtml.WithClasses(true), chromahtml.ClassPrefix(classPrefix))

// chromaStylesheet is the style sheet chroma makes of lightStyle, and of
// darkStyle for readers whose system prefers dark.
func chromaStylesheet(t *testing.T) []byte {
	var b bytes.Buffer
	for i, name := range []string{lightStyle, darkStyle} {
		style, ok := styles.Registry[name]
		if !ok {
			t.Fatalf("chroma has no style %q", name)
		}
		if i == 1 {
			b.WriteString("@media (prefers-color-scheme: dark) {\n")
		}
		if err := formatter.WriteCSS(&b, style); err != nil {
			t.Fatal(err)
		}
	}
	b.WriteString("}\n")
	return b.Bytes()
}

// chroma.css is what chroma makes of the two styles, with this version of
// chroma: after a change of style or of chroma, rewrite it with -update.
func TestStylesheetIsChromas(t *testing.T) {
	want := chromaStylesheet(t)
	if *update {
		if err := os.WriteFile("chroma.css", want, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Skip("rewrote chroma.css; the program embeds it when next compiled")
	}
	got := Stylesheet()
	if !bytes.Equal(got, want) {
		t.Errorf("chroma.css is not what chroma makes of %s and %s; rewrite it: go test ./generator/internal/markdown -run Stylesheet -update\n%s", lightStyle, darkStyle, firstdiff.Show(got, want, "have", "want"))
	}
	if !bytes.Contains(got, []byte(".hl-kn")) || !bytes.Contains(got, []byte("prefers-color-scheme: dark")) {
		t.Errorf("the style sheet lacks the classes or the dark theme:\n%s", got)
	}
}

// highlightLangs are the languages the comparisons below lex code in.
var highlightLangs = []string{"yaml", "go", "json", "bash", "python", "html", "markdown", "diff", "text"}

// chromas is code highlighted by chroma's own formatter, the reference.
func chromas(t testing.TB, lexer chroma.Lexer, code string) string {
	it, err := chroma.Coalesce(lexer).Tokenise(nil, code)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := formatter.Format(&b, styles.Get(lightStyle), it); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func ours(t testing.TB, lexer chroma.Lexer, code string) string {
	it, err := chroma.Coalesce(lexer).Tokenise(nil, code)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	writeHighlighted(&b, it)
	return b.String()
}

// writeHighlighted writes what chroma's formatter writes: lines with and
// without a final newline, blank lines, text to escape, tokens that span
// lines, and no code at all.
func TestHighlightIsChromas(t *testing.T) {
	codes := []string{
		"",
		"\n",
		"\n\n\n",
		"key: value\n",
		"key: value",
		"name: \"<b>&'x'</b>\"\nlist:\n  - one\n  - two\n\n\n",
		"a: |\n  several\n  lines\n\nb: 2\n# a comment\n",
		"package main\n\nfunc main() {\n\tprintln(\"hi\") // 인사\n}\n",
		"/* a comment\nover lines */\nx := `raw\nstring`\n",
		"{\"a\": [1, 2.5, true, null], \"b\": \"\\u00e9\"}",
		"echo \"$HOME\" > /tmp/x && cat <<EOF\nline\nEOF\n",
		"def f(x):\n    return x ** 2  # 제곱\n\r\n",
		"<p class=\"x\">a &amp; b</p>\n<script>if (a < b) {}</script>",
		"--- a\n+++ b\n@@ -1 +1 @@\n-old\n+new\n",
		"  \n\t\n",
	}
	for _, lang := range highlightLangs {
		lexer := lexers.Get(lang)
		if lexer == nil {
			t.Fatalf("chroma has no lexer for %s", lang)
		}
		for _, code := range codes {
			if got, want := ours(t, lexer, code), chromas(t, lexer, code); got != want {
				t.Errorf("%s %q:\n got  %s\n want %s", lang, code, got, want)
			}
		}
	}
}

func FuzzHighlight(f *testing.F) {
	f.Add(uint8(0), "key: [a, b]\n# c\n")
	f.Add(uint8(1), "func f() {\n\treturn\n}")
	f.Add(uint8(5), "<a href='x'>y</a>\n\n")
	f.Fuzz(func(t *testing.T, lang uint8, code string) {
		lexer := lexers.Get(highlightLangs[int(lang)%len(highlightLangs)])
		if got, want := ours(t, lexer, code), chromas(t, lexer, code); got != want {
			t.Errorf("%q:\n got  %s\n want %s", code, got, want)
		}
	})
}

// The lexers above never make an empty token, which chroma's formatter
// writes in a line of its own unless the line is the last: token lists
// made up here, with empty tokens anywhere, are written alike too.
func TestHighlightTokensAsChromas(t *testing.T) {
	values := []string{"", "", "\n", "a", "b\n", "\nc", "<&>'\"", "x\n\ny", "\n\n"}
	types := []chroma.TokenType{chroma.Text, chroma.Keyword, chroma.NameTag, chroma.LiteralStringDouble, chroma.Comment, chroma.Error, chroma.TokenType(12345)}
	rng := rand.New(rand.NewPCG(9, 10))
	for range 20000 {
		tokens := make([]chroma.Token, rng.IntN(6))
		for i := range tokens {
			tokens[i] = chroma.Token{Type: types[rng.IntN(len(types))], Value: values[rng.IntN(len(values))]}
		}
		var want, got strings.Builder
		if err := formatter.Format(&want, styles.Get(lightStyle), chroma.Literator(tokens...)); err != nil {
			t.Fatal(err)
		}
		writeHighlighted(&got, chroma.Literator(tokens...))
		if got.String() != want.String() {
			t.Fatalf("%q:\n got  %s\n want %s", tokens, got.String(), want.String())
		}
	}
}
