package markdown

import (
	"testing"

	"explainer/generator/internal/diag"
)

func TestConvertText(t *testing.T) {
	src := "## 클라우드 보안인증 {#csap}\n\nThe *rule* applies to `code` and\nwraps.[^1]\n\n" +
		"| a | b |\n|---|---|\n| 표 | cell |\n\n```yaml\nkey: value\n```\n\n<span>raw</span> after\n\n[^1]: A note.\n"
	p := &Page{Name: "barriers/x.en.md", Lang: "en", Lines: diag.NewLines("x.en.md", []byte(src)), URL: func(string) string { return "" }}
	_, res, err := New().Convert([]byte(src), p)
	if err != nil {
		t.Fatal(err)
	}
	want := "클라우드 보안인증 The rule applies to code and wraps. a b 표 cell key: value raw after A note."
	if res.Text != want {
		t.Errorf("Convert text:\n got  %q\n want %q", res.Text, want)
	}
}
