package markdown

import (
	"strings"
	"testing"

	"explainer/generator/internal/diag"
)

func convertIn(t *testing.T, lang, src string) (string, *Result) {
	t.Helper()
	p := &Page{Name: "x." + lang + ".md", Lang: lang, Lines: diag.NewLines("content/x.md", []byte(src)), URL: func(string) string { return "/x/" }}
	html, res, err := New().Convert([]byte(src), p)
	if err != nil {
		t.Fatal(err)
	}
	return string(html), res
}

// TestQuotes checks that text gets curly quotes and apostrophes in both
// languages, and that code, addresses and what the typographer could
// also change (dashes, ellipses, << >>) keep what the editor typed.
func TestQuotes(t *testing.T) {
	for _, tc := range []struct{ lang, in, want string }{
		{"en", `Korea's "open market", the producers' view`, `<p>Korea’s “open market”, the producers’ view</p>`},
		{"en", `the 'negative list' rule, 'the' and 'long'`, `<p>the ‘negative list’ rule, ‘the’ and ‘long’</p>`},
		{"ko", `"30개월 제한은 협상 대상이 될 수 없다"고 밝혔다`, `<p>“30개월 제한은 협상 대상이 될 수 없다”고 밝혔다</p>`},
		{"ko", `'해방의 날'을 앞두고`, `<p>‘해방의 날’을 앞두고</p>`},
		{"en", "`it's \"code\"`", `<p><code>it's &quot;code&quot;</code></p>`},
		{"en", "```\nx = \"y\" # it's\n```", "<pre class=\"hl-chroma\"><code>x = &quot;y&quot; # it's\n</code></pre>"},
		{"en", `see https://example.com/it's-a-page`, `<a href="https://example.com/it's-a-page"`},
		{"en", `["quoted"](https://example.com/?q="a")`, `<a href="https://example.com/?q=%22a%22" rel="noopener noreferrer">“quoted”</a>`},
		{"en", `2011--2015... a << b >> c`, `<p>2011--2015... a &lt;&lt; b &gt;&gt; c</p>`},
		{"ko", `"이건 "협상 대상"이 아니다"라고`, `<p>“이건 “협상 대상”이 아니다”라고</p>`},
		{"ko", "\"첫 줄\"이\n\"둘째 줄\"로", "<p>“첫 줄”이\n“둘째 줄”로</p>"},
		{"ko", "*\"기울여\"*, `\"코드\"`와 \"인용\"을", "<p><em>“기울여”</em>, <code>&quot;코드&quot;</code>와 “인용”을</p>"},
		{"de", `"fallback"`, `<p>“fallback”</p>`},
		{"en", "the leaders'\nmeeting", "<p>the leaders’\nmeeting</p>"},
	} {
		got, _ := convertIn(t, tc.lang, tc.in)
		got = strings.NewReplacer(`<span class="nobr">`, "", "</span>", "").Replace(got) // particles_test.go
		if !strings.Contains(got, tc.want) {
			t.Errorf("%s %q:\n got %s\nwant %s", tc.lang, tc.in, got, tc.want)
		}
	}
}

// TestQuotesInHeadings checks that a heading's text, as the contents of a
// page list it, has the marks its HTML has, and that its anchor is the
// one the straight quotes made.
func TestQuotesInHeadings(t *testing.T) {
	_, res := convertIn(t, "en", "## Don't \"panic\"\n")
	if len(res.Headings) != 1 {
		t.Fatalf("headings: %+v", res.Headings)
	}
	if h := res.Headings[0]; h.Text != "Don’t “panic”" || h.ID != "dont-panic" {
		t.Errorf("heading %q #%s, want %q #%s", h.Text, h.ID, "Don’t “panic”", "dont-panic")
	}
}

// TestParticles checks that a closing bracket or quote and the Korean
// particle after it are kept on one line, and nothing else is.
func TestParticles(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"국가별 무역장벽보고서(NTE)를 냈다", `<p>국가별 무역장벽보고서(NTE<span class="nobr">)를</span> 냈다</p>`},
		{"[링크](https://example.com/)를 (A)와 (B)", `<p><a href="https://example.com/" rel="noopener noreferrer">링크</a>를 (A<span class="nobr">)와</span> (B)</p>`},
		{"(**굵게**)는 \"말\"이라고", `<p>(<strong>굵게</strong><span class="nobr">)는</span> “말<span class="nobr">”이</span>라고</p>`},
		{"`f(x)를` (x) 다음", "<p><code>f(x)를</code> (x) 다음</p>"},
		{"\"끝\"이\n다음 줄", "<p>“끝<span class=\"nobr\">”이</span>\n다음 줄</p>"},
	} {
		got, _ := convertIn(t, "ko", tc.in)
		if !strings.Contains(got, tc.want) {
			t.Errorf("%q:\n got %s\nwant %s", tc.in, got, tc.want)
		}
	}
}

// TestTypesetText: the same quotes as Typeset, as plain text: no span
// around a particle, no entity.
func TestTypesetText(t *testing.T) {
	for _, c := range []struct{ lang, in, want string }{
		{"en", `Items in the report's "Korea" chapter & more`, "Items in the report’s “Korea” chapter & more"},
		{"ko", `보고서(NTE)를 "무역장벽"이라고`, "보고서(NTE)를 “무역장벽”이라고"},
	} {
		if got := TypesetText(c.lang, c.in); got != c.want {
			t.Errorf("TypesetText(%s, %q) = %q, want %q", c.lang, c.in, got, c.want)
		}
	}
}
