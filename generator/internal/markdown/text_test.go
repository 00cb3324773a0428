package markdown

import (
	"math/rand/v2"
	"strings"
	"testing"

	"explainer/generator/internal/diag"
)

func TestConvertText(t *testing.T) {
	src := "## 클라우드 보안인증 {#csap}\n\nThe *rule* applies to `code` and\nwraps.[^1]\n\n" +
		"| a | b |\n|---|---|\n| 표 | cell |\n\n```yaml\nkey: value\n```\n\n<span>raw</span> after\n\n[^1]: A note.\n"
	var got []string
	p := &Page{Name: "barriers/x.en.md", Lang: "en", Lines: diag.NewLines("x.en.md", []byte(src)), URL: func(string) string { return "" },
		Text: func(text []byte) { got = append(got, string(text)) }}
	if _, _, err := New().Convert([]byte(src), p); err != nil {
		t.Fatal(err)
	}
	// The text comes with its white space as written (the search index
	// does not need it folded); folded, it is the text a reader sees.
	want := "클라우드 보안인증 The rule applies to code and wraps. a b 표 cell key: value raw after A note."
	if len(got) != 1 || string(CollapseSpace([]byte(got[0]))) != want || !strings.Contains(got[0], "value\n") {
		t.Errorf("Convert text:\n got  %q\n want [%q] once folded, with the line break kept before", got, want)
	}
}

// CollapseSpace does what strings.Fields and Join do together.
func TestCollapseSpace(t *testing.T) {
	cases := []string{"", " ", "a", " a ", "a  b", "\ta\nb\r\n", "한\u00a0국", "x\u0085y", "\u3000전각\u3000", "a\xffb  c", "\xff \xff", "  many   spaces  here  "}
	rng := rand.New(rand.NewPCG(5, 6))
	pieces := []string{" ", "\t", "\n", "a", "bc", "한", "\u00a0", "\u2003", "\xff", "\u0085", ".",
		"\u1680", "\u202f", "\u205f", "\u2028", "\u3000", "€", "\u3001", "é", "\xe2\x80", "\xc2", "\xe3"}
	for range 500 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		cases = append(cases, b.String())
	}
	for _, c := range cases {
		if got, want := string(CollapseSpace([]byte(c))), strings.Join(strings.Fields(c), " "); got != want {
			t.Errorf("CollapseSpace(%q) = %q, want %q", c, got, want)
		}
	}
}

func BenchmarkCollapseSpace(b *testing.B) {
	text := []byte(strings.Repeat("배출가스 기술 정부가 여전히 위원회 기술, and some English words  here.\n", 2000))
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		CollapseSpace(text)
	}
}
