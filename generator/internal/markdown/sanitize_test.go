package markdown

import (
	"regexp"
	"strings"
	"testing"

	"explainer/generator/internal/diag"
)

func convertRaw(t *testing.T, src string) (string, []string) {
	t.Helper()
	p := &Page{Name: "barriers/x.en.md", Lang: "en", Lines: diag.NewLines("x.en.md", []byte(src)), URL: func(string) string { return "/en/barriers/y/" }}
	html, res, err := New().Convert([]byte(src), p)
	if err != nil {
		t.Fatal(err)
	}
	var probs []string
	for _, e := range res.Errs {
		probs = append(probs, e.Error())
	}
	return strings.TrimSpace(string(html)), probs
}

// The raw HTML and links an editor could write to put script in a reader's
// page, or hide text from them; each case says what the page gets and
// what the editor is told.
var hostile = []struct {
	name  string
	src   string
	html  string
	probs []string
}{{
	name:  "inline script",
	src:   "a <script>alert(1)</script> b\n",
	html:  "<p>a alert(1) b</p>",
	probs: []string{"x.en.md:1:3: warning: raw HTML <script> removed with its content; markdown pages may use only simple formatting tags"},
}, {
	name:  "script block",
	src:   "<script>\nalert(1)\n</script>\n\npara\n",
	html:  "<p>para</p>",
	probs: []string{"x.en.md:1:1: warning: raw HTML <script> removed with its content; markdown pages may use only simple formatting tags"},
}, {
	name:  "mixed-case script with a src",
	src:   "<SCRIPT SRC=//evil.example/x.js></SCRIPT>\n",
	html:  "",
	probs: []string{"x.en.md:1:1: warning: raw HTML <script> removed with its content; markdown pages may use only simple formatting tags"},
}, {
	name: "event handler, style and javascript: link",
	src:  "x <b onclick=\"x()\">bold</b> <span style=\"display:none\">hid</span> <a href=\"javascript:alert(1)\">j</a>\n",
	html: "<p>x <b>bold</b> <span>hid</span> j</p>",
	probs: []string{
		`x.en.md:1:3: warning: attribute "onclick" removed from raw HTML <b>`,
		`x.en.md:1:29: warning: attribute "style" removed from raw HTML <span>`,
		`x.en.md:1:67: link scheme "javascript" is not allowed; links go to web pages (https://) or to markdown files`,
	},
}, {
	name: "iframe, img onerror, class and id",
	src:  "<div class=\"site-header\" id=\"main\">\n<iframe src=\"https://e.org\"></iframe>\n<img src=x onerror=alert(1)>\n</div>\n",
	html: "<div>\n\n\n</div>",
	probs: []string{
		`x.en.md:1:1: warning: attribute "class" removed from raw HTML <div>`,
		`x.en.md:1:1: warning: attribute "id" removed from raw HTML <div>`,
		"x.en.md:2:1: warning: raw HTML <iframe> removed with its content; markdown pages may use only simple formatting tags",
		"x.en.md:3:1: warning: raw HTML <img> removed; markdown pages may use only simple formatting tags",
	},
}, {
	name: "svg and object",
	src:  "a <svg onload=alert(1)><script>x</script></svg> <object data=x.swf></object> b\n",
	html: "<p>a x  b</p>",
	probs: []string{
		"x.en.md:1:3: warning: raw HTML <svg> removed with its content; markdown pages may use only simple formatting tags",
		"x.en.md:1:24: warning: raw HTML <script> removed with its content; markdown pages may use only simple formatting tags",
		"x.en.md:1:49: warning: raw HTML <object> removed with its content; markdown pages may use only simple formatting tags",
	},
}, {
	name: "markdown links with hidden javascript: and data: schemes",
	src:  "[j](JaVaScRiPt:alert(1)) [k](java&#x09;script:alert(1)) [l](&#106;avascript:alert(1)) [d](data:text/html;base64,PHNjcmlwdD4=) [v](vbscript:x)\n",
	html: `<p><a href="#">j</a> <a href="#">k</a> <a href="#">l</a> <a href="#">d</a> <a href="#">v</a></p>`,
	probs: []string{
		`x.en.md:1:1: link scheme "javascript" is not allowed; links go to web pages (https://) or to markdown files`,
		`x.en.md:1:26: link scheme "javascript" is not allowed; links go to web pages (https://) or to markdown files`,
		`x.en.md:1:57: link scheme "javascript" is not allowed; links go to web pages (https://) or to markdown files`,
		`x.en.md:1:87: link scheme "data" is not allowed; links go to web pages (https://) or to markdown files`,
		`x.en.md:1:127: link scheme "vbscript" is not allowed; links go to web pages (https://) or to markdown files`,
	},
}, {
	name: "autolinks",
	src:  "see <javascript:alert(1)> and <JAVASCRIPT:x> but <https://e.org>, www.example.com and https://x.org\n",
	html: `<p>see javascript:alert(1) and JAVASCRIPT:x but <a href="https://e.org" rel="noopener noreferrer">https://e.org</a>, <a href="http://www.example.com" rel="noopener noreferrer">www.example.com</a> and <a href="https://x.org" rel="noopener noreferrer">https://x.org</a></p>`,
	probs: []string{
		`x.en.md:1:5: link scheme "javascript" is not allowed; links go to web pages (https://) or to markdown files`,
		`x.en.md:1:31: link scheme "javascript" is not allowed; links go to web pages (https://) or to markdown files`,
	},
}, {
	name: "raw HTML links",
	src:  "<a href=\"java&#x09;script:alert(1)\">t</a> <a href=\"x.en.md\">r</a> <a href=\"https://e.org\">e</a> <!-- note --> <abbr title=\"t\">T</abbr>\n",
	html: `<p>t r <a href="https://e.org" rel="noopener noreferrer">e</a>  <abbr title="t">T</abbr></p>`,
	probs: []string{
		`x.en.md:1:1: link scheme "javascript" is not allowed; links go to web pages (https://) or to markdown files`,
		`x.en.md:1:43: warning: raw HTML link to "x.en.md" removed: links between pages are checked only in markdown; write [text](x.en.md)`,
	},
}, {
	name:  "image with a javascript: address",
	src:   "![i](javascript:alert(1))\n",
	html:  `<p><img src="" alt="i"></p>`,
	probs: []string{`x.en.md:1:1: image address scheme "javascript" is not allowed; a picture is a file of the content folder's pictures/ folder, such as ../pictures/name.png`},
}, {
	name:  "allowed formatting stays",
	src:   "H<sub>2</sub>O, <kbd>Ctrl</kbd>, <span lang=\"ko\">한국</span>\n\n<details><summary>More</summary>\n\nText\n\n</details>\n",
	html:  "<p>H<sub>2</sub>O, <kbd>Ctrl</kbd>, <span lang=\"ko\">한국</span></p>\n<details><summary>More</summary>\n<p>Text</p>\n</details>",
	probs: nil,
}}

func TestHostileHTML(t *testing.T) {
	for _, c := range hostile {
		t.Run(c.name, func(t *testing.T) {
			html, probs := convertRaw(t, c.src)
			if html != c.html {
				t.Errorf("HTML:\n got %s\nwant %s", html, c.html)
			}
			if strings.Join(probs, "\n") != strings.Join(c.probs, "\n") {
				t.Errorf("problems:\n got %s\nwant %s", strings.Join(probs, "\n     "), strings.Join(c.probs, "\n     "))
			}
		})
	}
}

// unsafeRE matches what must never reach a page from markdown.
var unsafeRE = regexp.MustCompile(`(?i)<script|<iframe|<object|<embed|<svg|\son[a-z]+\s*=|style\s*=|(href|src)\s*=\s*"?\s*(javascript|vbscript|data):`)

// TestNothingUnsafeReachesThePage is the property behind the table above:
// whatever was written, the HTML holds no script, handler or style.
func TestNothingUnsafeReachesThePage(t *testing.T) {
	for _, c := range hostile {
		html, _ := convertRaw(t, c.src)
		if m := unsafeRE.FindString(html); m != "" {
			t.Errorf("%s: the page has %q:\n%s", c.name, m, html)
		}
	}
}

func TestBadScheme(t *testing.T) {
	for dest, want := range map[string]string{
		"javascript:alert(1)":       "javascript",
		"JaVaScRiPt:alert(1)":       "javascript",
		"java\tscript:alert(1)":     "javascript",
		"java&#x09;script:alert(1)": "javascript",
		"java&#10;script:alert(1)":  "javascript",
		" \x01javascript:alert(1)":  "javascript",
		"&#106;avascript:alert(1)":  "javascript",
		"javascript&colon;alert(1)": "javascript",
		"data:text/html,<script>":   "data",
		"vbscript:x":                "vbscript",
		"file:///etc/passwd":        "file",
		"https://example.org/a:b":   "",
		"HTTPS://EXAMPLE.ORG":       "",
		"mailto:a@example.org":      "",
		"glossary.en.md#a:b":        "",
		"../pages/glossary.en.md":   "",
		"#section":                  "",
	} {
		if got := badScheme(dest); got != want {
			t.Errorf("badScheme(%q) = %q, want %q", dest, got, want)
		}
	}
}

func TestWarningsAreCapped(t *testing.T) {
	_, probs := convertRaw(t, strings.Repeat("<u style=x>a</u>\n", 25)+"\n<a href=\"javascript:x\">j</a>\n")
	if len(probs) != 22 {
		t.Fatalf("%d problems, want 20 warnings, a count and the error:\n%s", len(probs), strings.Join(probs, "\n"))
	}
	if want := "x.en.md:21:1: warning: 5 more removals from raw HTML in this file, from here on"; probs[21] != want {
		t.Errorf("last problem %q, want %q", probs[21], want)
	}
	if want := "x.en.md:27:1: link scheme"; !strings.HasPrefix(probs[20], want) {
		t.Errorf("the error is not kept: %q", probs[20])
	}
}

// A backslash escape is resolved before the address is written, so it
// cannot hide a scheme either.
func TestEscapedScheme(t *testing.T) {
	html, probs := convertRaw(t, "[e](javascript\\:alert(1))\n")
	if want := `<p><a href="#">e</a></p>`; html != want {
		t.Errorf("HTML %s, want %s", html, want)
	}
	want := `x.en.md:1:1: link scheme "javascript" is not allowed; links go to web pages (https://) or to markdown files`
	if len(probs) != 1 || probs[0] != want {
		t.Errorf("problems %q, want %q", probs, want)
	}
}
