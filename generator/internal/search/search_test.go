package search

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"
)

func TestTokens(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string
	}{
		{"Korea's Cloud Security", "korea cloud security"},
		{"2025년 보고서에 처음 등장", "2025 년* 보고서에* 처음* 등장*"},
		{"클라우드 보안인증(CSAP)을", "클라우드* 보안인증* csap 을*"},
		{"美 무역장벽보고서", "美* 무역장벽보고서*"},
		{"a US-Korea deal, 7 pages", "us korea deal 7 pages"},
		{"", ""},
	} {
		var got []string
		for _, tok := range Tokens(tc.in) {
			s := tok.Text
			if tok.CJK {
				s += "*"
			}
			got = append(got, s)
		}
		if fmt.Sprint(got) != fmt.Sprint(strings.Fields(tc.want)) {
			t.Errorf("Tokens(%q) = %v, want %v (* marks CJK)", tc.in, got, strings.Fields(tc.want))
		}
	}
}

// Tokens are found in the text as written and lower-cased one by one:
// the same as lower-casing the whole text first, as no character's kind
// (letter or digit, CJK or not) changes with its case, and CJK has none.
func TestLowerKeepsKinds(t *testing.T) {
	kind := func(r rune) [3]bool { return [3]bool{unicode.IsLetter(r), unicode.IsDigit(r), isCJK(r)} }
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if l := unicode.ToLower(r); kind(l) != kind(r) || isCJK(r) && l != r {
			t.Errorf("%U lower-cased is %U, of another kind, or CJK has case", r, l)
		}
	}
	for _, s := range []string{"KOREA'S Cloud", "İSTANBUL ǅ Ⱥ", "\xffAB\xc0CD", "美國 ÉCOLE 서울SEOUL"} {
		if got, want := Tokens(s), Tokens(strings.ToLower(s)); !slices.Equal(got, want) {
			t.Errorf("Tokens(%q) = %v, but %v lower-cased first", s, got, want)
		}
	}
}

// tokens takes a Hangul syllable for a CJK letter without asking Unicode's
// tables.
func TestSyllablesAreCJKLetters(t *testing.T) {
	for r := '가'; r <= '힣'; r++ {
		if !unicode.IsLetter(r) || !isCJK(r) {
			t.Fatalf("%U is not a CJK letter", r)
		}
	}
}

func TestTermsAreBigramsForHangul(t *testing.T) {
	got := Terms("클라우드를 cloud")
	want := []string{"클라", "라우", "우드", "드를", "를", "cloud"}
	if !slices.Equal(got, want) {
		t.Errorf("Terms = %v, want %v", got, want)
	}
}

func TestStripParticle(t *testing.T) {
	for in, want := range map[string]string{
		"클라우드를": "클라우드", "국방부에서": "국방부", "보고서의": "보고서", "한국은": "한국",
		"나는":  "나는", // the stem would be one letter: left alone
		"보고서": "보고서",
	} {
		if got, _ := StripParticle(in); got != want {
			t.Errorf("StripParticle(%q) = %q, want %q", in, got, want)
		}
	}
}

// docs is a small index in both languages: the Korean words appear only
// with particles or inside compounds.
var docs = []Doc{
	{URL: "/ko/barriers/cloud-csap/", Title: "공공 클라우드 인증", Summary: "공공기관에 클라우드를 공급하려면 보안인증을 받아야 한다.", Section: "디지털·데이터", Text: "미국 업체들은 클라우드의 인증이 장벽이라고 본다."},
	{URL: "/ko/barriers/defense-offset/", Title: "방산 절충교역 의무", Summary: "무기를 파는 외국 업체는 대가를 제공해야 한다.", Section: "국방·방산", Text: "국방부가 해외 계약마다 요구한다. 클라우드와는 관계가 없다."},
	{URL: "/ko/glossary/", Title: "용어 풀이", Summary: "용어를 풀이했다.", Text: "절충교역은 무기 구매에 붙는 거래다. 국방부는 이를 요구한다."},
	{URL: "/en/barriers/cloud-csap/", Title: "Cloud security certification", Summary: "Cloud services sold to public bodies need a certificate.", Section: "Digital", Extra: "Cloud Security Assurance Program"},
	{URL: "/en/barriers/defense-offset/", Title: "Defense offset obligations", Summary: "Foreign arms sellers must give Korea technology.", Section: "Defense", Text: "Korea's Ministry of National Defense asks for an offset."},
}

func TestQuery(t *testing.T) {
	ix := Build(docs)
	for _, tc := range []struct {
		q    string
		want []int
	}{
		// Without particles: 클라우드 finds 클라우드를, 클라우드의, 클라우드와.
		{"클라우드", []int{0, 1}},
		{"국방부", []int{1, 2}},
		// With a particle that no page uses, the particle is dropped.
		{"국방부에서", []int{1, 2}},
		// Part of a compound word.
		{"인증", []int{0}},
		{"절충", []int{1, 2}},
		// One letter matches every pair starting with it.
		{"클", []int{0, 1}},
		// Every word must match.
		{"클라우드 국방부", []int{1}},
		// English: prefixes, case, and the title outranking the body.
		{"certif", []int{3}},
		{"DEFENSE", []int{4}},
		{"korea", []int{4}},
		{"cloud program", []int{3}},
		{"offset korea", []int{4}},
		{"nothing-like-this", nil},
		{"", nil},
	} {
		got := ix.Query(tc.q)
		if len(got) == 0 {
			got = nil
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("Query(%q) = %v, want %v", tc.q, got, tc.want)
		}
	}
}

func TestTitleOutranksBody(t *testing.T) {
	ix := Build(docs)
	// 절충교역 is the title of doc 1 and only in the body of doc 2.
	if got := ix.Query("절충교역"); !slices.Equal(got, []int{1, 2}) {
		t.Errorf("Query(절충교역) = %v, want the titled page first: [1 2]", got)
	}
}

func TestJSONIsStableAndReadable(t *testing.T) {
	a, err := Build(docs).JSON()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Build(docs).JSON()
	if string(a) != string(b) {
		t.Error("two builds of the same docs gave different JSON")
	}
	var back Index
	if err := json.Unmarshal(a, &back); err != nil {
		t.Fatal(err)
	}
	if got := back.Query("클라우드"); !slices.Equal(got, []int{0, 1}) {
		t.Errorf("after a JSON round trip, Query(클라우드) = %v", got)
	}
	if back.Docs[3].URL != "/en/barriers/cloud-csap/" || back.Docs[3].Section != "Digital" {
		t.Errorf("doc 3 = %+v", back.Docs[3])
	}
}
