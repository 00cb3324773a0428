package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// The corpus is a content folder in the real format: site.yaml, the two
// summaries, two other pages, and n barriers in English and in Korean. Every
// barrier has about 600 words of text, headings, a table, a fenced code
// block, a footnote, three links to other barriers (one to an anchor, one
// language-neutral) and three related slugs. The same seed and n always give
// the same bytes.

const seed = 20250331

var sectors = []string{"defense", "agriculture", "technology", "digital", "energy", "automotive", "health"}

const siteYAML = `title:
  en: "Synthetic benchmark site"
  ko: "벤치마크용 합성 사이트"
description:
  en: "Generated text for measuring the build."
  ko: "빌드 측정을 위해 만든 글입니다."
base_url: "https://example.github.io/explainer/"
languages:
  - code: en
    name: English
    locale: en_US
  - code: ko
    name: 한국어
    locale: ko_KR
report_year: 2025
sectors:
  - {id: defense, name: {en: "Defense", ko: "국방·방산"}}
  - {id: agriculture, name: {en: "Agriculture and food", ko: "농업·식품"}}
  - {id: technology, name: {en: "Industrial technology", ko: "산업기술"}}
  - {id: digital, name: {en: "Digital and data", ko: "디지털·데이터"}}
  - {id: energy, name: {en: "Energy", ko: "에너지"}}
  - {id: automotive, name: {en: "Automobiles", ko: "자동차"}}
  - {id: health, name: {en: "Pharmaceuticals and health", ko: "의약품·의료"}}
`

// lang holds the words and fixed phrases of one language of the corpus.
type lang struct {
	code     string
	words    []string
	ends     []string // words that end a sentence
	headings [4]string
	table    [4]string // column headings
	title    string    // format with the barrier's number
}

var english = lang{
	code: "en",
	words: strings.Fields(`the trade barrier report government agency rule market access import
		export tariff quota license foreign firms domestic producers ministry regulation
		standard certification review data cloud security defense offset beef rice
		pharmaceutical pricing reimbursement automobile emissions testing screening
		investment procurement contract technology transfer requirement approval
		process delay cost burden industry exporters negotiators agreement committee
		notice comment period transparency national treatment discrimination measure
		policy practice law decree ordinance amendment enforcement inspection permit
		in of for with under by on from against between after before within across
		and or but while although because since which that this these those its their
		says argues notes finds claims requires allows limits restricts delays raises
		lowers extends applies covers affects burdens favors protects supports`),
	ends:     strings.Fields(`concerns. practice. markets. rules. exporters. firms. years. review.`),
	headings: [4]string{"Background", "Numbers", "How it works", "Outlook"},
	table:    [4]string{"Year", "Imports", "Exports", "Share"},
	title:    "Synthetic barrier %d",
}

var korean = lang{
	code: "ko",
	words: strings.Fields(`무역 장벽 보고서 정부 기관 규정 시장 접근 수입 수출 관세 할당 허가
		외국 기업 국내 생산자 부처 규제 표준 인증 심사 데이터 클라우드 보안 국방 절충교역
		소고기 쌀 의약품 약가 급여 자동차 배출가스 시험 심사 투자 조달 계약 기술 이전
		요건 승인 절차 지연 비용 부담 산업 수출업체 협상단 협정 위원회 고시 의견 기간
		투명성 내국민 대우 차별 조치 정책 관행 법률 시행령 조례 개정 집행 검사 인가
		미국은 한국의 정부가 기업들이 제도를 규정에 따라 시장에서 수입품에 대해 이를
		통해 그러나 또한 특히 다만 이미 여전히 새로 크게 다시 함께 모두 각각`),
	ends:     strings.Fields(`지적했다. 밝혔다. 설명했다. 요구했다. 우려했다. 평가했다. 강조했다. 전망했다.`),
	headings: [4]string{"배경", "숫자로 보기", "작동 방식", "전망"},
	table:    [4]string{"연도", "수입", "수출", "비중"},
	title:    "합성 무역장벽 %d",
}

var langs = []lang{english, korean}

// slugOf is the slug of barrier i.
func slugOf(i int) string { return fmt.Sprintf("b-%05d", i) }

// WriteCorpus writes the corpus of n barriers into dir, which it empties
// first.
func WriteCorpus(dir string, n int) error {
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	for _, sub := range []string{"barriers", "pages"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			return err
		}
	}
	files := map[string]string{"site.yaml": siteYAML}
	for _, l := range langs {
		files["summary."+l.code+".md"] = summary(l)
		files["pages/about."+l.code+".md"] = page(l, "about", 10)
		files["pages/glossary."+l.code+".md"] = page(l, "glossary", 20)
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			return err
		}
	}
	for i := range n {
		rel := related(i, n)
		for _, l := range langs {
			text := barrier(l, i, rel)
			name := filepath.Join(dir, "barriers", slugOf(i)+"."+l.code+".md")
			if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}

// related picks up to three other barriers for barrier i, the same ones in
// both languages.
func related(i, n int) []int {
	r := rand.New(rand.NewPCG(seed, uint64(i)))
	var out []int
	for tries := 0; len(out) < 3 && tries < 20 && n > 1; tries++ {
		j := r.IntN(n)
		if j != i && !contains(out, j) {
			out = append(out, j)
		}
	}
	return out
}

func contains(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// barrier is the text of barrier i in language l.
func barrier(l lang, i int, rel []int) string {
	r := rand.New(rand.NewPCG(seed, uint64(i)<<1|uint64(len(l.code))))
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %q\n", fmt.Sprintf(l.title, i))
	fmt.Fprintf(&b, "summary: %q\n", sentence(r, l, 14))
	fmt.Fprintf(&b, "sector: %s\nlaw: %q\n", sectors[i%len(sectors)], sentence(r, l, 3))
	fmt.Fprintf(&b, "first_listed: %d\nupdated: 2025-04-01\nweight: %d\n", 2020+i%6, i%50)
	b.WriteString("related: [")
	for k, j := range rel {
		if k > 0 {
			b.WriteString(", ")
		}
		b.WriteString(slugOf(j))
	}
	b.WriteString("]\nsources:\n")
	b.WriteString("  - title: \"2025 National Trade Estimate Report on Foreign Trade Barriers\"\n")
	b.WriteString("    url: https://ustr.gov/\n    publisher: Office of the US Trade Representative\n    date: 2025-03-31\n---\n\n")

	words := 0
	para := func(k int) {
		for range k {
			s := sentence(r, l, 10+r.IntN(8))
			words += strings.Count(s, " ") + 1
			b.WriteString(s)
			b.WriteByte(' ')
		}
		b.WriteString("\n\n")
	}
	para(4)
	fmt.Fprintf(&b, "## %s {#background}\n\n", l.headings[0])
	para(3)
	for k, j := range rel {
		// Three kinds of link: to the file, to an anchor, and neutral.
		target := slugOf(j) + "." + l.code + ".md"
		switch k {
		case 1:
			target += "#background"
		case 2:
			target = slugOf(j) + ".md"
		}
		fmt.Fprintf(&b, "See [%s](%s), which %s ", fmt.Sprintf(l.title, j), target, sentence(r, l, 8))
		words += 12
	}
	b.WriteString("The report counts it twice.[^1]\n\n")
	para(3)
	fmt.Fprintf(&b, "## %s {#numbers}\n\n", l.headings[1])
	fmt.Fprintf(&b, "| %s | %s | %s | %s |\n| --- | ---: | ---: | ---: |\n", l.table[0], l.table[1], l.table[2], l.table[3])
	for y := 2020; y < 2025; y++ {
		fmt.Fprintf(&b, "| %d | %d | %d | %d.%d%% |\n", y, r.IntN(9000)+100, r.IntN(9000)+100, r.IntN(60), r.IntN(10))
	}
	b.WriteString("\n")
	para(3)
	fmt.Fprintf(&b, "## %s {#how-it-works}\n\n", l.headings[2])
	para(2)
	fmt.Fprintf(&b, "```yaml\nbarrier: %s\nsector: %s\nsteps:\n  - review: %d days\n  - approval: %d days\n```\n\n", slugOf(i), sectors[i%len(sectors)], 30+r.IntN(90), 10+r.IntN(60))
	fmt.Fprintf(&b, "### %s %d {#detail}\n\n", l.headings[2], i)
	para(3)
	fmt.Fprintf(&b, "## %s {#outlook}\n\n", l.headings[3])
	for words < 600 {
		para(3)
	}
	fmt.Fprintf(&b, "[^1]: %s\n", sentence(r, l, 9))
	return b.String()
}

// sentence is k words of l, capitalised in English, ending with a full stop.
func sentence(r *rand.Rand, l lang, k int) string {
	w := make([]string, 0, k)
	for range k - 1 {
		w = append(w, l.words[r.IntN(len(l.words))])
	}
	w = append(w, l.ends[r.IntN(len(l.ends))])
	s := strings.Join(w, " ")
	if l.code == "en" {
		s = strings.ToUpper(s[:1]) + s[1:]
	}
	return s
}

func summary(l lang) string {
	r := rand.New(rand.NewPCG(seed, 1<<40|uint64(len(l.code))))
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %q\nsummary: %q\n", sentence(r, l, 6), sentence(r, l, 12))
	b.WriteString("numbers:\n  - {value: \"21\", label: \"practices\"}\n  - {value: \"7\", label: \"pages\"}\n---\n\n")
	for range 4 {
		b.WriteString(sentence(r, l, 15) + " " + sentence(r, l, 12) + "\n\n")
	}
	return b.String()
}

func page(l lang, slug string, weight int) string {
	r := rand.New(rand.NewPCG(seed, 1<<41|uint64(weight)|uint64(len(l.code))))
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %q\nsummary: %q\nweight: %d\n---\n\n", slug+" "+l.code, sentence(r, l, 10), weight)
	fmt.Fprintf(&b, "## %s {#background}\n\n", l.headings[0])
	for range 3 {
		b.WriteString(sentence(r, l, 15) + " " + sentence(r, l, 12) + "\n\n")
	}
	return b.String()
}
