package render

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
)

func TestMarkLanguages(t *testing.T) {
	for _, tc := range []struct {
		name, lang, in, want string
	}{
		{"Korean in English", "en",
			`<p>Defense Acquisition Program Act (방위사업법), or 방위사업법 시행령 제2조.</p>`,
			`<p>Defense Acquisition Program Act (<span lang="ko">방위사업법</span>), or <span lang="ko">방위사업법 시행령 제2조</span>.</p>`},
		{"already marked", "en",
			`<a href="/ko/" lang="ko">한국어로 읽기</a> <b>한국</b>`,
			`<a href="/ko/" lang="ko">한국어로 읽기</a> <b><span lang="ko">한국</span></b>`},
		{"title, attributes and chart left alone", "en",
			`<title>한국 · Site</title><meta content="한국"><svg><text>한국</text></svg><img alt="한국"><p title="한국">x</p>`,
			`<title>한국 · Site</title><meta content="한국"><svg><text>한국</text></svg><img alt="한국"><p title="한국">x</p>`},
		{"English sentence in Korean", "ko",
			`<li><a href="x">2025 National Trade Estimate Report</a>, 미국 무역대표부(USTR)</li>`,
			`<li><a href="x">2025 <span lang="en">National Trade Estimate Report</span></a>, 미국 무역대표부(USTR)</li>`},
		{"entities stay whole", "ko",
			`<p>The Korea&#39;s own words here</p>`,
			`<p><span lang="en">The Korea&#39;s own words here</span></p>`},
		{"short Latin in Korean is left", "ko",
			`<p>CSAP 인증과 USTR 보고서</p>`,
			`<p>CSAP 인증과 USTR 보고서</p>`},
		{"back to the page language after a marked element", "ko",
			`<p><a lang="en">Read in English</a> and then more words here</p>`,
			`<p><a lang="en">Read in English</a> <span lang="en">and then more words here</span></p>`},
	} {
		got := string(markLanguages(nil, []byte(tc.in), tc.lang))
		if got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, got, tc.want)
		}
	}
}

// Adding a language is adding a row to scripts. With rows for Greek, and
// for Japanese, whose kana are its own and whose Chinese characters it
// shares with Korean, each page marks the text of the languages it is not
// written in; a character two rows hold is marked as the first's.
func TestScriptsAreRows(t *testing.T) {
	defer func(m map[string]*marker) { markers = m }(markers)
	markers = makeMarkers(append(slices.Clone(scripts),
		&script{lang: "el", chars: [classes]charset{letters: {tables: []*unicode.RangeTable{unicode.Greek}}}, minWords: 1},
		&script{lang: "ja", chars: [classes]charset{letters: {tables: []*unicode.RangeTable{unicode.Hiragana, unicode.Katakana, unicode.Han}}}, minWords: 1},
	))
	for _, tc := range []struct{ lang, in, want string }{
		{"en", `<p>Ελλάδα, 한국, 日本語の text</p>`,
			`<p><span lang="el">Ελλάδα</span>, <span lang="ko">한국, 日本語</span><span lang="ja">の</span> text</p>`},
		{"ja", `<p>日本語の 한국어 and some English words</p>`,
			`<p>日本語の <span lang="ko">한국어</span> <span lang="en">and some English words</span></p>`},
		{"el", `<p>Ελλάδα and Korea 한국</p>`,
			`<p>Ελλάδα and Korea <span lang="ko">한국</span></p>`},
		{"ko", `<p>한국 日本 かな Ελλάδα</p>`,
			`<p>한국 日本 <span lang="ja">かな</span> <span lang="el">Ελλάδα</span></p>`},
		// A language no row names is taken as written in Latin letters.
		{"fr", `<p>Le mot 한국 veut dire Corée</p>`,
			`<p>Le mot <span lang="ko">한국</span> veut dire Corée</p>`},
	} {
		if got := string(markLanguages(nil, []byte(tc.in), tc.lang)); got != tc.want {
			t.Errorf("%s page:\n got %s\nwant %s", tc.lang, got, tc.want)
		}
	}
}

// TestMarkLanguagesAgrees holds the scanner to the regular expressions it
// replaced (langmark_ref_test.go) on edge cases; FuzzMarkLanguages goes
// further, and the golden pages of package build hold it to the old output
// on whole pages.
func TestMarkLanguagesAgrees(t *testing.T) {
	cases := []string{
		"", "<", "<>", "</>", "<p", "plain", "한", "a b c", "a b", "1a b c", "a, b: c", "a ,b", "x’y z w",
		"a &amp; b c", "a b c 한 d e f", "<P>한국</P>", "<DIV LANG=\"ko\">a b c d</DIV>", "<p lang=\"en\"x>한</p>",
		"<p xml:lang=\"ko\">한</p>", "<p\tlang=\"ko\">a b c</p>", "<br>한<br/>", "<code>한 a b c</code>", "<svg><text>한</text></svg>x 한",
		"한 · 국 (1) ~ 2-3 가", "한 . 국 abc", "一二 三", "한 a", "a.b.c d e", "--- a b c", "'a b c", "a b c.", "a b c ",
		"<p title=\"a>b\">한</p>", "<!-- 한 -->한", "<p>한</q>한</p>한", "\xff한\xff a b c", "한\u00a0국", "한\v국", "٣ 한 ٣ 국",
		"<span lang=\"ko\"><em>a b c</em></span> d e f", "<pre><code>a b c</code></pre> 한글", "<a href=x lang=\"ko\">x</a>",
	}
	for _, c := range cases {
		if !bytesValidForRef(c) {
			markLanguages(nil, []byte(c), "en") // must not panic either
			continue
		}
		for _, lang := range []string{"en", "ko"} {
			if got, want := string(markLanguages(nil, []byte(c), lang)), string(refMarkLanguages([]byte(c), lang)); got != want {
				t.Errorf("markLanguages(%q, %s)\n got %q\nwant %q", c, lang, got, want)
			}
		}
	}
}

func FuzzMarkLanguages(f *testing.F) {
	f.Add("<p>Defense Acquisition Program Act (방위사업법) and the 2025 National Trade Estimate</p>", false)
	f.Add("<p lang=\"en\">a b c</p><p>미국 무역대표부 USTR National Trade Estimate</p>", true)
	f.Fuzz(func(t *testing.T, html string, ko bool) {
		lang := "en"
		if ko {
			lang = "ko"
		}
		if len(html) > 0 && !bytesValidForRef(html) {
			return
		}
		if got, want := string(markLanguages(nil, []byte(html), lang)), string(refMarkLanguages([]byte(html), lang)); got != want {
			t.Errorf("markLanguages(%q, %s)\n got %q\nwant %q", html, lang, got, want)
		}
	})
}

// bytesValidForRef leaves out the inputs on which the reference panics:
// a tag with no name ("<>", "< >").
func bytesValidForRef(html string) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	refMarkLanguages([]byte(html), "en")
	return true
}

// BenchmarkMarkLanguages marks the golden pages of package build, English
// and Korean.
func BenchmarkMarkLanguages(b *testing.B) {
	pages, err := filepath.Glob("../build/testdata/golden/*/*/*/index.html")
	if err != nil || len(pages) == 0 {
		b.Fatalf("no golden pages: %v", err)
	}
	type page struct {
		html []byte
		lang string
	}
	var ps []page
	var n int64
	for _, p := range pages {
		html, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		ps = append(ps, page{html, strings.Split(filepath.ToSlash(p), "/")[4]})
		n += int64(len(html))
	}
	b.SetBytes(n)
	var dst []byte
	for b.Loop() {
		for _, p := range ps {
			dst = markLanguages(dst, p.html, p.lang)
		}
	}
}
