package search

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"strings"
	"testing"
)

// refScores is how a document's scores were first computed, from Terms:
// the reference the scorer is held to.
func refScores(d Doc) map[string]int {
	score := make(map[string]int)
	add := func(text string, weight, limit int) {
		seen := make(map[string]int)
		for _, t := range Terms(text) {
			if seen[t] < limit {
				seen[t]++
				score[t] += weight
			}
		}
	}
	add(d.Title, weightTitle, 1)
	add(d.Summary, weightSummary, 1)
	add(d.Extra, weightSummary, 1)
	add(d.Section, weightSection, 1)
	add(d.Text, weightText, maxTextCount)
	return score
}

func scoresOf(d Doc) map[string]int {
	sc := score(d)
	defer scorers.Put(sc)
	return scoresIn(sc)
}

// scoresIn is the scores of the document sc scored last.
func scoresIn(sc *scorer) map[string]int {
	out := make(map[string]int)
	sc.each(func(term string, score int32) { out[term] = int(score) })
	return out
}

func TestScoreAgrees(t *testing.T) {
	pieces := []string{"Cloud", "cloud", "CLOUD", "클라우드를", "보안인증", "美", "日本語", "カタカナ", "2025년", "7", "a", "Korea's",
		"İstanbul", "ΣΑΣ", "e\u0301", "\xff", "—", " ", ", ", "\n", "x1", "1x", "클", "가나다라마바사", "힣", "\uabff", "\ud7a4", "ㄱ", "\xea\xb0", "\xed\x9e", "\xea\x30\x80", "US-Korea", "Ǆ", "ǅ"}
	rng := rand.New(rand.NewPCG(3, 4))
	text := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(pieces[rng.IntN(len(pieces))])
			if rng.IntN(3) == 0 {
				b.WriteByte(' ')
			}
		}
		return b.String()
	}
	// One scorer for every document, as a Builder's part: its terms and
	// CJK runs, kept from the documents before, must not change a score.
	// The second scorer has no room left for runs (see maxRuns).
	full := newScorer()
	for i := range maxRuns {
		k := fmt.Sprint(i)
		_, h, _ := full.runs.find([]byte(k))
		full.runs.put(k, h)
		full.runTerms = append(full.runTerms, runTerms{})
	}
	for _, sc := range []*scorer{newScorer(), full} {
		for i := range 2000 {
			d := Doc{Title: text(3), Summary: text(6), Extra: text(2), Section: text(1), Text: text(rng.IntN(80))}
			sc.scoreDoc(d)
			if got, want := scoresIn(sc), refScores(d); !maps.Equal(got, want) {
				t.Fatalf("document %d %+v:\n got %v\nwant %v", i, d, got, want)
			}
		}
		if sc.runs.len() != maxRuns && sc == full {
			t.Errorf("a full scorer kept %d runs, more than %d", sc.runs.len(), maxRuns)
		}
	}
}

func FuzzScore(f *testing.F) {
	f.Add("Korea's Cloud", "클라우드를 보안인증(CSAP)을", "2025년 美 日本")
	f.Fuzz(func(t *testing.T, title, summary, text string) {
		d := Doc{Title: title, Summary: summary, Text: text}
		if got, want := scoresOf(d), refScores(d); !maps.Equal(got, want) {
			t.Errorf("%+v:\n got %v\nwant %v", d, got, want)
		}
	})
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
	for b.Loop() {
		scorers.Put(score(d))
	}
}
