package render

import (
	"html/template"
	"strings"
	"testing"

	"explainer/generator/internal/markdown"
	"explainer/generator/internal/site"
)

func TestInitialOf(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"국가별 무역장벽보고서(NTE)", "ㄱ"}, {"까다로운", "ㄱ"}, {"떡", "ㄷ"}, {"쌀", "ㅅ"}, {"힣", "ㅎ"},
		{"USTR", "U"}, {"offset trade", "O"}, {"(NTE) report", "N"}, {"2025 report", "0–9"}, {"é", "É"}, {"!!", ""},
	} {
		if got := initialOf(tc.in); got != tc.want {
			t.Errorf("initialOf(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestInitials checks a glossary's index: every letter of the alphabet in
// order, each linked to the first term with that initial, and a term
// outside the alphabet adding its letter at the end.
func TestInitials(t *testing.T) {
	heads := []site.Heading{
		{Level: 2, ID: "nte", Text: "국가별 무역장벽보고서"}, {Level: 2, ID: "tariffs", Text: "상호관세"},
		{Level: 3, ID: "sub", Text: "기타"}, {Level: 2, ID: "kiet", Text: "산업연구원"},
		{Level: 2, ID: "csap", Text: "CSAP"}, {Level: 2, ID: "double", Text: "까치"},
	}
	p := &Page{Lang: "ko", Entry: &site.Entry{}, headings: heads}
	var got []string
	for _, in := range p.Initials() {
		got = append(got, in.Letter+"="+in.ID)
	}
	want := "ㄱ=nte ㄴ= ㄷ= ㄹ= ㅁ= ㅂ= ㅅ=tariffs ㅇ= ㅈ= ㅊ= ㅋ= ㅌ= ㅍ= ㅎ= C=csap"
	if strings.Join(got, " ") != want {
		t.Errorf("index:\n got %s\nwant %s", strings.Join(got, " "), want)
	}
	p.Lang = "en" // A to Z, then the Korean terms' initials, ㄱ and ㅅ
	if in := p.Initials(); len(in) != 28 || in[2] != (Initial{"C", "csap"}) || in[26] != (Initial{"ㄱ", "nte"}) || in[27] != (Initial{"ㅅ", "tariffs"}) {
		t.Errorf("English index: %v", in)
	}
}

// TestCodeStylesOnlyWithCode checks that a page links code.css when its
// body has highlighted code, and not otherwise.
func TestCodeStylesOnlyWithCode(t *testing.T) {
	var page *Page
	for _, p := range realPages(t) {
		if p.Kind == "page" {
			page = p
			break
		}
	}
	code, _, err := markdown.New().Convert([]byte("```yaml\nkey: value\n```\n"), &markdown.Page{Name: "x.en.md", Lang: "en", URL: func(string) string { return "" }})
	if err != nil {
		t.Fatal(err)
	}
	for _, body := range []string{"<p>No code here.</p>", string(code)} {
		q := *page
		q.Body = template.HTML(body)
		html, err := q.executeTo(new(pageBuffer))
		if err != nil {
			t.Fatal(err)
		}
		linked := strings.Contains(string(html), `/assets/code.`)
		if want := strings.Contains(body, "<pre"); linked != want || q.HasCode() != want {
			t.Errorf("body %.40q: code.css linked %v, HasCode %v; want %v", body, linked, q.HasCode(), want)
		}
	}
}
