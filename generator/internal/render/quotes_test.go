package render

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestCurlyQuotesInPages makes every page of the real site and checks
// that the text a reader sees, outside code, has no straight quote or
// apostrophe left: the bodies' (markdown's typographer) and the front
// matter's (Typeset) alike.
func TestCurlyQuotesInPages(t *testing.T) {
	curly := 0
	for _, p := range realPages(t) {
		page, err := p.HTML()
		if err != nil {
			t.Fatal(err)
		}
		z := html.NewTokenizer(bytes.NewReader(page))
		inBody, skip := false, 0
		for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
			name, _ := z.TagName()
			switch n := string(name); {
			case tt == html.StartTagToken && n == "body":
				inBody = true
			case tt == html.StartTagToken && (n == "code" || n == "pre" || n == "script"):
				skip++
			case tt == html.EndTagToken && (n == "code" || n == "pre" || n == "script"):
				skip--
			case tt == html.TextToken && inBody && skip == 0:
				text := string(z.Text())
				curly += strings.Count(text, "’") + strings.Count(text, "“")
				if i := strings.IndexAny(text, `"'`); i >= 0 {
					t.Errorf("%s: a straight quote in %q", p.Path, text[max(0, i-30):min(len(text), i+10)])
				}
			}
		}
	}
	if curly == 0 {
		t.Error("no typographic quote in the whole site: the test read nothing")
	}
}
