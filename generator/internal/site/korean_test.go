package site

import (
	"strings"
	"testing"
)

// TestNotKorean: the first paragraph of prose with no Hangul is found;
// what a Korean page rightly writes in English is not.
func TestNotKorean(t *testing.T) {
	english := "Korea allows imports of US beef only from cattle slaughtered at less than thirty months of age."
	for _, c := range []struct {
		name, body string
		want       int // the line of the paragraph found, 0 for none
	}{
		{"korean", "## 경과\n\n한국은 30개월 미만 소의 쇠고기만 수입한다.\n", 0},
		{"english", "## 경과\n\n한국어 문단.\n\n" + english + "\nSecond line.\n", 5},
		{"english list item", "- 한국어 항목\n- " + english + "\n", 2},
		{"english quote", "> " + english + "\n", 1},
		{"korean with english names", "미국 무역대표부(USTR)의 National Trade Estimate Report on Foreign Trade Barriers 2025년판에 실렸다.\n", 0},
		{"short line", "Korea-US Beef Agreement (2008)\n", 0},
		{"fenced code", "```\n" + english + "\n```\n~~~~\n" + english + "\n~~~~\n", 0},
		{"indented code", "한국어.\n\n    " + english + "\n", 0},
		{"link", "[" + english + "](https://example.com/)\n", 0},
		{"table", "| " + english + " |\n| --- |\n", 0},
		{"footnote", "[^1]: " + english + "\n", 0},
		{"heading", "## " + english + "\n", 0},
		{"html", "<div>" + english + "</div>\n", 0},
		{"unclosed fence", "```\n" + english + "\n", 0},
	} {
		off, found := notKorean([]byte(c.body))
		line := 0
		if found {
			line = strings.Count(c.body[:off], "\n") + 1
		}
		if line != c.want {
			t.Errorf("%s: found line %d, want %d", c.name, line, c.want)
		}
	}
}
