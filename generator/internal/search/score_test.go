package search

import (
	"maps"
	"strings"
	"testing"
)

// A term counts the weight of every field it is in: once in the title,
// summary, law and sector however often it is there, up to maxTextCount
// times in the body.
func TestScore(t *testing.T) {
	d := Doc{
		Title:   "Cloud security",
		Summary: "cloud cloud 클라우드를",
		Extra:   "Cloud Act",
		Section: "Digital",
		Text:    strings.Repeat("cloud ", 9) + "digital 클라우드의",
	}
	want := map[string]int{
		"cloud":    weightTitle + 2*weightSummary + maxTextCount*weightText,
		"security": weightTitle,
		"act":      weightSummary,
		"digital":  weightSection + weightText,
		// 클라우드를 and 클라우드의 share three pairs.
		"클라": weightSummary + weightText, "라우": weightSummary + weightText, "우드": weightSummary + weightText,
		"드를": weightSummary, "를": weightSummary,
		"드의": weightText, "의": weightText,
	}
	sc := newScorer()
	if got := scoresOf(sc, d); !maps.Equal(got, want) {
		t.Errorf("score:\n got %v\nwant %v", got, want)
	}
	// A scorer keeps nothing of one document for the next.
	want = map[string]int{"beef": weightTitle + weightText}
	if got := scoresOf(sc, Doc{Title: "Beef", Text: "beef"}); !maps.Equal(got, want) {
		t.Errorf("score of the next document:\n got %v\nwant %v", got, want)
	}
}

func scoresOf(sc *scorer, d Doc) map[string]int {
	out := make(map[string]int)
	for _, ts := range sc.score(d) {
		out[ts.term] = ts.score
	}
	return out
}

// BenchmarkScore scores a page of mixed Korean and English text.
func BenchmarkScore(b *testing.B) {
	words := strings.Fields("배출가스 기술 정부가 여전히 위원회 기술 각각 개정 배출가스 기관 통해 한국의 수출업체 자동차 밝혔다 그러나 다시 인증 정책 " +
		"the report says Korea's approval of new genetically engineered crops is slowed by duplicate reviews and heavy data demands")
	var text strings.Builder
	for i := range 600 {
		text.WriteString(words[i*7%len(words)])
		text.WriteByte(' ')
	}
	d := Doc{Title: "합성 무역장벽 0", Summary: "수입 모두 기관 보안 심사 한국의 고시 시장에서", Text: text.String()}
	b.SetBytes(int64(len(d.Text)))
	sc := newScorer()
	for b.Loop() {
		sc.score(d)
	}
}
