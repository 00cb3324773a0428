package markdown

import (
	"bytes"
	"strings"
	"testing"

	"explainer/generator/internal/diag"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

func TestHeadingID(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"What the rule is", "what-the-rule-is"},
		{"  Trim me  ", "trim-me"},
		{"왜 문제인가", "왜-문제인가"},
		{"CSAP: 클라우드 보안인증", "csap-클라우드-보안인증"},
		{"2016–2020 figures", "20162020-figures"},
		{"Don't panic!", "dont-panic"},
		{"snake_case and-hyphen", "snake_case-and-hyphen"},
		{"KORUS FTA (2012)", "korus-fta-2012"},
		{"!!!", ""},
	} {
		if got := HeadingID(tc.in); got != tc.want {
			t.Errorf("HeadingID(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func convert(t *testing.T, name, src string) (string, *Result) {
	t.Helper()
	p := &Page{
		Name:  name,
		Lang:  "en",
		Lines: diag.NewLines("content/"+name, []byte(src)),
		URL: func(n string) string {
			if strings.HasPrefix(n, "missing") || strings.Contains(n, "/missing") {
				return ""
			}
			slug, _, _ := strings.Cut(n[strings.LastIndex(n, "/")+1:], ".")
			return "/site/en/" + slug + "/"
		},
	}
	html, res, err := New().Convert([]byte(src), p)
	if err != nil {
		t.Fatal(err)
	}
	return string(html), res
}

func errText(res *Result) string {
	var b []string
	for _, e := range res.Errs {
		b = append(b, e.Error())
	}
	return strings.Join(b, "\n")
}

func TestHeadings(t *testing.T) {
	html, res := convert(t, "barriers/x.en.md", "# Title\n\n## 왜 문제인가\n\n## History {#history}\n\n### Sub _emph_ `code`\n")
	for _, want := range []string{`<h2 id="왜-문제인가">왜 문제인가</h2>`, `<h2 id="history">History</h2>`, `<h3 id="sub-emph-code">`} {
		if !strings.Contains(html, want) {
			t.Errorf("output lacks %s:\n%s", want, html)
		}
	}
	if len(res.Errs) != 0 {
		t.Errorf("unexpected errors: %s", errText(res))
	}
	if got := len(res.Headings); got != 4 || res.Headings[3].Text != "Sub emph code" || res.Headings[3].Pos.Line != 7 {
		t.Errorf("headings = %+v", res.Headings)
	}
}

func TestHeadingErrors(t *testing.T) {
	_, res := convert(t, "barriers/x.en.md", "## Same\n\ntext\n\n## Same\n\n## Other {#same}\n\n## !!!\n")
	want := strings.Join([]string{
		`content/barriers/x.en.md:5:4: heading "Same" has the anchor #same, already used by the heading at line 1; give one of them another {#id}`,
		`content/barriers/x.en.md:7:4: heading "Other" has the anchor #same, already used by the heading at line 1; give one of them another {#id}`,
		`content/barriers/x.en.md:9:4: heading "!!!" gives an empty anchor; write one after it, like {#name}`,
	}, "\n")
	if got := errText(res); got != want {
		t.Errorf("errors:\n%s\nwant:\n%s", got, want)
	}
}

func TestLinks(t *testing.T) {
	src := "See [CSAP](cloud-csap.en.md), [neutral](beef.md#history),\n" +
		"[glossary](../pages/glossary.en.md#offset-trade), [self](#top), [web](https://example.com/x).\n"
	html, res := convert(t, "barriers/x.en.md", src)
	for _, want := range []string{
		`<a href="/site/en/cloud-csap/">CSAP</a>`,
		`<a href="/site/en/beef/#history">neutral</a>`,
		`<a href="/site/en/glossary/#offset-trade">glossary</a>`,
		`<a href="#top">self</a>`,
		`<a href="https://example.com/x" rel="noopener noreferrer">web</a>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("output lacks %s:\n%s", want, html)
		}
	}
	var got []string
	for _, l := range res.Links {
		got = append(got, l.Name+"#"+l.Fragment+"@"+l.Pos.String())
	}
	want := []string{
		"barriers/cloud-csap.en.md#@content/barriers/x.en.md:1:5",
		"barriers/beef.en.md#history@content/barriers/x.en.md:1:31",
		"pages/glossary.en.md#offset-trade@content/barriers/x.en.md:2:1",
		"#top@content/barriers/x.en.md:2:51",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("links:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !res.Links[1].Neutral || res.Links[0].Neutral {
		t.Errorf("neutral flags wrong: %+v", res.Links)
	}
}

func TestLinkErrors(t *testing.T) {
	src := "[a](javascript:alert(1))\n\n[b](/en/barriers/)\n\n[c](picture.png)\n\n[d](../../outside.en.md)\n\n[e]()\n"
	_, res := convert(t, "barriers/x.en.md", src)
	want := strings.Join([]string{
		`content/barriers/x.en.md:1:1: link scheme "javascript" is not allowed; links go to web pages (https://) or to markdown files`,
		`content/barriers/x.en.md:3:1: link to the site path "/en/barriers/"; link to the markdown file instead, such as ../barriers/<slug>.en.md`,
		`content/barriers/x.en.md:5:1: link to "picture.png", which is not a page; link to a page's markdown file, such as glossary.en.md`,
		`content/barriers/x.en.md:7:1: link to "../../outside.en.md" points outside the content folder`,
		`content/barriers/x.en.md:9:1: link has no destination`,
	}, "\n")
	if got := errText(res); got != want {
		t.Errorf("errors:\n%s\nwant:\n%s", got, want)
	}
}

func TestCodeHighlighting(t *testing.T) {
	html, _ := convert(t, "pages/x.en.md", "```go\npackage main\n```\n\n```nosuchlang\n<b>\n```\n")
	if !strings.Contains(html, `<span class="hl-kn">package</span>`) {
		t.Errorf("go code not highlighted with classes:\n%s", html)
	}
	if !strings.Contains(html, "&lt;b&gt;") || strings.Contains(html, "style=") {
		t.Errorf("unknown language must be escaped plain text without inline styles:\n%s", html)
	}
	// A block is a line of spans for each line of code, each token in a
	// span of its class, escaped; an empty line is a line too.
	html, _ = convert(t, "pages/x.en.md", "```yaml\nkey: \"<b>&'\" # 주석\n\nlist: [1]\n```\n")
	line := func(spans string) string {
		return `<span class="hl-line"><span class="hl-cl">` + spans + `</span></span>`
	}
	want := `<pre class="hl-chroma"><code>` +
		line(`<span class="hl-nt">key</span><span class="hl-p">:</span><span class="hl-w"> </span><span class="hl-s2">&#34;&lt;b&gt;&amp;&#39;&#34;</span><span class="hl-w"> </span><span class="hl-c"># 주석</span><span class="hl-w">`+"\n"+`</span>`) +
		line(`<span class="hl-w">`+"\n"+`</span>`) +
		line(`<span class="hl-nt">list</span><span class="hl-p">:</span><span class="hl-w"> </span><span class="hl-p">[</span><span class="hl-m">1</span><span class="hl-p">]</span><span class="hl-w">`+"\n"+`</span>`) +
		`</code></pre>`
	if html != want {
		t.Errorf("yaml block:\n got  %s\n want %s", html, want)
	}
}

func TestRawHTMLLeftOut(t *testing.T) {
	html, _ := convert(t, "pages/x.en.md", "<script>alert(1)</script>\n\ntext <img src=x onerror=alert(1)>\n")
	if strings.Contains(html, "<script") || strings.Contains(html, "onerror") {
		t.Errorf("raw HTML passed through:\n%s", html)
	}
}

func TestTildes(t *testing.T) {
	html, _ := convert(t, "pages/x.en.md", "2011~2015년과 2016~2020년, ~~struck~~, a~b~c, ~~~three~~~\n")
	if !strings.Contains(html, "2011~2015년과 2016~2020년") || !strings.Contains(html, "<del>struck</del>") ||
		!strings.Contains(html, "a~b~c") || strings.Count(html, "<del>") != 1 {
		t.Errorf("single tildes must stay text and only ~~double~~ strike:\n%s", html)
	}
}

// The second language's code blocks come from the converter's copy of the
// first's, and must be what converting them afresh gives.
func TestHighlightsShared(t *testing.T) {
	yaml := "sector: defense\nsteps:\n  - review: 118 days # days\n"
	blocks := "```yaml\n" + yaml + "```\n\n```go\nfunc f() int { return 1 }\n```\n"
	en := "# Rule\n\nSome text.\n\n" + blocks
	ko := "# 규정\n\n한국어 본문.\n\n" + blocks + "\n```python\n" + yaml + "```\n"
	page := func(name string, src string) *Page {
		return &Page{Name: name, Lang: "en", Lines: diag.NewLines(name, []byte(src)), URL: func(string) string { return "" }}
	}
	shared := New()
	if _, _, err := shared.Convert([]byte(en), page("barriers/x.en.md", en)); err != nil {
		t.Fatal(err)
	}
	if n := len(shared.code.html); n != 2 {
		t.Fatalf("after the first language the converter keeps %d code blocks, want 2", n)
	}
	got, _, err := shared.Convert([]byte(ko), page("barriers/x.ko.md", ko))
	if err != nil {
		t.Fatal(err)
	}
	want, _, err := New().Convert([]byte(ko), page("barriers/x.ko.md", ko))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("with the first language's blocks kept:\n%s\nconverted afresh:\n%s", got, want)
	}
	// The same text in another language is highlighted for that language.
	if n := len(shared.code.html); n != 3 {
		t.Errorf("the converter keeps %d code blocks, want 3 (the yaml text again as python is another block)", n)
	}
}

func TestHighlightsBounded(t *testing.T) {
	var h highlights
	h.put("big", strings.Repeat("x", highlightsMax))
	if _, ok := h.get("big"); ok || h.size != 0 {
		t.Errorf("a block larger than the limit was kept (size %d)", h.size)
	}
	h.put("a", strings.Repeat("x", highlightsMax/2))
	h.put("b", strings.Repeat("y", highlightsMax/2))
	if _, ok := h.get("a"); ok {
		t.Error("past the limit, the older blocks are still kept")
	}
	if html, ok := h.get("b"); !ok || html[0] != 'y' || h.size > highlightsMax {
		t.Errorf("past the limit, the new block is not kept alone (size %d)", h.size)
	}
}

// Table cells are written as goldmark's own table renderer writes them.
func TestTablesAsGoldmark(t *testing.T) {
	src := "| none | left | centre | right |\n| --- | :-- | :-: | --: |\n| a | *b* | `c` | 1,000 |\n| | x | | |\n\n| 연도 |\n| ---: |\n| 2025 |\n"
	got, _ := convert(t, "pages/x.en.md", src)
	var want bytes.Buffer
	if err := goldmark.New(goldmark.WithExtensions(extension.Table)).Convert([]byte(src), &want); err != nil {
		t.Fatal(err)
	}
	if got != want.String() {
		t.Errorf("got:\n%s\ngoldmark's table renderer:\n%s", got, want.String())
	}
}
