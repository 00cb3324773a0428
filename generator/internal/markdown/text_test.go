package markdown

import (
	"strings"
	"testing"

	"explainer/generator/internal/diag"
)

func TestConvertText(t *testing.T) {
	src := "## 클라우드 보안인증 {#csap}\n\nThe *rule* applies to `code` and\nwraps.[^1]\n\n" +
		"| a | b |\n|---|---|\n| 표 | cell |\n\n```yaml\nkey: value\n```\n\n<span>raw</span> after\n\n[^1]: A note.\n"
	var got []string
	p := &Page{Name: "barriers/x.en.md", Lang: "en", Lines: diag.NewLines("x.en.md", []byte(src)), URL: func(string) string { return "" },
		Text: func(text string) { got = append(got, text) }}
	if _, _, err := New().Convert([]byte(src), p); err != nil {
		t.Fatal(err)
	}
	// The text comes with its white space as written (the search index
	// does not need it folded); folded, it is the text a reader sees.
	want := "클라우드 보안인증 The rule applies to code and wraps. a b 표 cell key: value raw after A note."
	if len(got) != 1 || CollapseSpace(got[0]) != want || !strings.Contains(got[0], "value\n") {
		t.Errorf("Convert text:\n got  %q\n want [%q] once folded, with the line break kept before", got, want)
	}
}

func TestCollapseSpace(t *testing.T) {
	cases := []struct{ in, want string }{
		{"", ""},
		{" \t\n", ""},
		{" a ", "a"},
		{"\ta\nb\r\n", "a b"},
		{"한\u00a0국\u3000전각", "한 국 전각"},
		{"  many   spaces  here  ", "many spaces here"},
	}
	for _, c := range cases {
		if got := CollapseSpace(c.in); got != c.want {
			t.Errorf("CollapseSpace(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
