package markdown

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"explainer/generator/internal/diag"

	"golang.org/x/net/html"
)

// checkSafe fails t if the HTML has anything that could run script or
// restyle the page: a script-like element, an on* or style attribute, or
// a link or source with a scheme other than http(s) and mailto.
func checkSafe(t *testing.T, out []byte) {
	t.Helper()
	z := html.NewTokenizer(bytes.NewReader(out))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		switch tok.Data {
		case "script", "style", "iframe", "object", "embed", "svg", "math", "form", "base", "meta", "link":
			t.Fatalf("<%s> in the page:\n%s", tok.Data, out)
		}
		for _, a := range tok.Attr {
			k := strings.ToLower(a.Key)
			if strings.HasPrefix(k, "on") || k == "style" || k == "srcdoc" || k == "formaction" {
				t.Fatalf("attribute %s on <%s>:\n%s", k, tok.Data, out)
			}
			if (k == "href" || k == "src") && badScheme(a.Val) != "" {
				t.Fatalf("%s=%q on <%s>:\n%s", k, a.Val, tok.Data, out)
			}
		}
	}
}

func fuzzConvert(t *testing.T, src []byte) ([]byte, *Result) {
	p := &Page{Name: "barriers/x.en.md", Lang: "en", Lines: diag.NewLines("x.en.md", src), URL: func(name string) string {
		if name == "barriers/y.en.md" {
			return "/en/barriers/y/"
		}
		return ""
	}}
	out, res, err := New().Convert(src, p)
	if err != nil {
		t.Fatal(err)
	}
	lines := bytes.Count(src, []byte("\n")) + 1
	for _, e := range res.Errs {
		if e.Pos.Line < 0 || e.Pos.Line > lines {
			t.Errorf("problem at line %d of %d: %v", e.Pos.Line, lines, e)
		}
	}
	return out, res
}

// FuzzConvert converts any body: no panic, and nothing unsafe in the page.
func FuzzConvert(f *testing.F) {
	for _, c := range hostile {
		f.Add([]byte(c.src))
	}
	f.Add([]byte("# Title {#id}\n\n## 왜 문제인가\n\n[a](y.md#x) [b](../barriers/y.en.md) [^1]\n\n[^1]: note\n"))
	f.Add([]byte("```go\nfunc main() {}\n```\n\n| a | b |\n|---|---|\n| <b>x</b> | `c` |\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		out, _ := fuzzConvert(t, src)
		checkSafe(t, out)
	})
}

// FuzzLinks puts one destination in every kind of link: the page never
// gets a forbidden scheme, and one that is written is always an error.
func FuzzLinks(f *testing.F) {
	for _, d := range []string{"y.md", "../barriers/y.en.md#a", "https://example.org/", "javascript:alert(1)",
		"JaVaScRiPt:x", "java&#x09;script:x", "&#106;avascript:x", "data:text/html,x", " javascript:x", "#anchor", "mailto:a@b.c", "%6aavascript:x"} {
		f.Add(d)
	}
	f.Fuzz(func(t *testing.T, dest string) {
		if strings.ContainsAny(dest, "\n\r") {
			return // a link destination is one line
		}
		src := "[a](" + dest + ")\n\n[b](<" + dest + ">)\n\n<a href=\"" + dest + "\">c</a>\n\n<" + dest + ">\n"
		out, res := fuzzConvert(t, []byte(src))
		checkSafe(t, out)
		if badScheme(dest) != "" && !strings.ContainsAny(dest, " <>()[]\"\\`") && len(res.Errs) == 0 {
			t.Errorf("destination %q has scheme %q, but no error was reported", dest, badScheme(dest))
		}
	})
}

// FuzzHeadingID checks that an anchor is a single word safe in a URL
// fragment and an id attribute, and that making it twice changes nothing.
func FuzzHeadingID(f *testing.F) {
	for _, s := range []string{"Why it matters", "왜 문제인가", "C++ & Go: 2025!", "İstanbul", "ǅ", "a\u0301", "\xff\xfe", "  --  "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id := HeadingID(s)
		if !utf8.ValidString(id) {
			t.Fatalf("HeadingID(%q) = %q, not UTF-8", s, id)
		}
		if strings.ContainsAny(id, " \t\n#\"'<>&%?/\\") {
			t.Fatalf("HeadingID(%q) = %q, with a character unsafe in an anchor", s, id)
		}
		if again := HeadingID(id); again != id {
			t.Fatalf("HeadingID(%q) = %q, but HeadingID(%q) = %q", s, id, id, again)
		}
	})
}
