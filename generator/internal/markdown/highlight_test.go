package markdown

import (
	"bytes"
	"flag"
	"os"
	"strings"
	"testing"

	"explainer/generator/internal/firstdiff"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
)

var update = flag.Bool("update", false, "rewrite chroma.css from chroma's styles")

// The chroma styles of code blocks in the light and dark themes.
const (
	lightStyle = "github"
	darkStyle  = "github-dark"
)

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

// The formatter writes classes, not colours: code is written the same
// with the empty style the pages use as with the styles of chroma.css.
func TestAnyStyleWritesTheSame(t *testing.T) {
	code := "name: \"<b>&'x'</b>\" # 주석\nlist:\n  - one\n\n"
	for _, style := range []*chroma.Style{styles.Get(lightStyle), styles.Get(darkStyle)} {
		var got, want strings.Builder
		for _, w := range []struct {
			b     *strings.Builder
			style *chroma.Style
		}{{&got, noStyle}, {&want, style}} {
			it, err := chroma.Coalesce(lexers.Get("yaml")).Tokenise(nil, code)
			if err != nil {
				t.Fatal(err)
			}
			if err := formatter.Format(w.b, w.style, it); err != nil {
				t.Fatal(err)
			}
		}
		if got.String() != want.String() || !strings.Contains(got.String(), `class="hl-`) {
			t.Errorf("with %s:\n got  %s\n want %s", style.Name, got.String(), want.String())
		}
	}
}
