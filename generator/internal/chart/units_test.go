package chart

import (
	"strings"
	"testing"
)

func TestKoreanNumber(t *testing.T) {
	for _, tc := range []struct {
		in   float64
		want string
	}{
		{7_990_000_000, "79억9000만"},
		{10_000_000_000, "100억"},
		{1_200_000_000_000, "1조 2000억"},
		{50_000_000, "5000만"},
		{800_000_000, "8억"},
		{1_000_000_000_000, "1조"},
		{1_200_050_000_000, "1조 2000억5000만"},
		{12_345, "1만2345"},
		{10_000, "1만"},
		{9_999, "9999"},
		{0, "0"},
		{-30_000, "-3만"},
		{2.5, "2.5"},
		{1e17, "100,000,000,000,000,000"},
	} {
		if got := KoreanNumber(tc.in); got != tc.want {
			t.Errorf("KoreanNumber(%v) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestAmount(t *testing.T) {
	for _, tc := range []struct {
		lang, unit string
		in         float64
		want       string
	}{
		// The defense offset figure, in both languages' units.
		{"ko", "10억 달러", 7.99, "79억9000만 달러"},
		{"ko", "10억 달러", 0.8, "8억 달러"},
		{"en", "USD billion", 7.99, "$7.99 billion"},
		{"en", "USD billion", 0.8, "$0.8 billion"},
		// The raw amount reads the same as the scaled one.
		{"ko", "달러", 7_990_000_000, "79억9000만 달러"},
		{"ko", "억 원", 100, "100억원"},
		{"ko", "억원", 12_000, "1조 2000억원"},
		{"ko", "만 명", 5000, "5000만명"},
		{"ko", "조 원", 1.2, "1조 2000억원"},
		{"ko", "명", 12_345, "1만2345명"},
		{"ko", "건", 21, "21건"},
		{"ko", "%", 32.8, "32.8%"},
		{"ko", "쪽", 7, "7쪽"},
		{"ko", "", 1250, "1250"},
		{"ko", "", 0.5, "0.5"},
		{"en", "USD", 1500, "$1,500"},
		{"en", "KRW trillion", 1.2, "₩1.2 trillion"},
		{"en", "items", 21, "21 items"},
		{"en", "%", 32.8, "32.8%"},
		{"en", "USD per barrel", 80, "80 USD per barrel"},
		{"en", "pages", 7, "7 pages"},
	} {
		if got := Amount(tc.lang, tc.unit, tc.in); got != tc.want {
			t.Errorf("Amount(%q, %q, %v) = %q, want %q", tc.lang, tc.unit, tc.in, got, tc.want)
		}
	}
}

func TestKoreanChartReadsNaturally(t *testing.T) {
	c := Chart{ID: "offset-value", Title: "한국이 얻어낸 절충교역 규모", Intro: "막대그래프.", Lang: "ko", Unit: "10억 달러",
		Bars: []Bar{{"2011~2015년", 7.99}, {"2016~2020년", 0.8}}}
	svg := string(SVG(c))
	_, texts := decode(t, svg)
	if got, want := strings.Join(texts, " | "), "2011~2015년 | 79억9000만 달러 | 2016~2020년 | 8억 달러"; got != want {
		t.Errorf("texts = %q, want %q", got, want)
	}
	if got, want := Describe(c), "막대그래프. 2011~2015년: 79억9000만 달러; 2016~2020년: 8억 달러."; got != want {
		t.Errorf("Describe = %q, want %q", got, want)
	}
	if strings.Contains(svg, "10억 달러") {
		t.Errorf("the unit's scale reached the chart:\n%s", svg)
	}
}
