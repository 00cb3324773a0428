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

// Korean words apart are also indexed by the pair across the space, so a
// compound matches written either way; not across other characters or
// another script.
func TestTermsPairAcrossSpace(t *testing.T) {
	for in, want := range map[string]string{
		"망 사용료":      "망 망사 사용 용료 료",
		"해방의 날":      "해방 방의 의 의날 날",
		"해방의\n날":     "해방 방의 의 의날 날",
		"망, 사용료":     "망 사용 용료 료",
		"망 OTT 사용료":  "망 ott 사용 용료 료",
		"2025년 무역":   "2025 년 년무 무역 역",
		"美 무역":       "美 美무 무역 역",
		"cloud 클라우드": "cloud 클라 라우 우드 드",
	} {
		in = strings.ReplaceAll(in, `\n`, "\n")
		if got := strings.Join(Terms(in), " "); got != want {
			t.Errorf("Terms(%q) = %s, want %s", in, got, want)
		}
	}
}

// normalised is the table of query words and their normal forms that the
// browser tests also run through search.js: the two must agree.
var normalised = map[string]string{
	"클라우드를": "클라우드", "국방부에서": "국방부", "보고서의": "보고서", "한국은": "한국",
	"절충교역을": "절충교역", "개인정보를": "개인정보", "쇠고기를": "쇠고기", "소고기는": "소고기",
	"기업들이": "기업", "서울에서는": "서울", "데이터라는": "데이터", "미국으로": "미국",
	"인증제도를": "인증제", // 도 reads as a particle too: the index still has 제도
	"나는":    "나는",  // the stem would be one letter: left alone
	"지도":    "지도", "지도를": "지도", "제도": "제도",
	"보고서": "보고서", "OTT": "ott", "Defence": "defence", "2025년": "2025년",
}

func TestNormalize(t *testing.T) {
	for in, want := range normalised {
		var got []string
		for _, tok := range Tokens(in) {
			got = append(got, Normalize(tok).Text)
		}
		if strings.Join(got, "") != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
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
		// With a particle: the same pages in the same order.
		{"국방부에서", []int{1, 2}},
		{"클라우드를", []int{0, 1}},
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

// parts are the lead and two sections of one page, and another page.
var parts = []Doc{
	{URL: "/ko/glossary/", Title: "용어 풀이", Summary: "이 사이트의 용어를 풀이했다.", Text: "용어는 처음 나오는 순서로 실었다."},
	{URL: "/ko/glossary/#offset-trade", Title: "용어 풀이", Heading: "절충교역", Text: "무기 구매에 붙는 반대급부. 망 사용료와는 다르다."},
	{URL: "/ko/glossary/#liberation-day", Title: "용어 풀이", Heading: "해방의 날", Text: "트럼프 대통령이 상호관세를 발표한 날."},
	{URL: "/ko/barriers/network-fees/", Title: "망사용료", Summary: "콘텐츠 업체가 통신사에 내는 망사용료.", Text: "해방의날 이후 다시 쟁점이 됐다. 용어"},
}

// A page is found once, at the part where the query matched best; its
// words may be in different parts.
func TestQueryLinksToTheSection(t *testing.T) {
	ix := Build(parts)
	for _, tc := range []struct {
		q    string
		want []int
	}{
		{"절충교역을", []int{1}},
		{"해방의 날", []int{2, 3}}, // the heading outranks the text
		{"해방의날", []int{2, 3}},
		{"망사용료", []int{3, 1}},
		{"망 사용료를", []int{3, 1}},
		{"용어", []int{0, 3}},
		{"상호관세를 트럼프", []int{2}},
		// In the title and a section, neither with both: the title
		// weighs more.
		{"용어 상호관세", []int{0}},
	} {
		if got := ix.Query(tc.q); !slices.Equal(got, tc.want) {
			t.Errorf("Query(%q) = %v, want %v", tc.q, got, tc.want)
		}
	}
}

func TestQuerySynonyms(t *testing.T) {
	syn, err := ParseSynonyms("synonyms.yaml", []byte("- [쇠고기, 소고기]\n- [defence, defense]\n- [OTT, streaming]\n"))
	if err != nil {
		t.Fatal(err)
	}
	ix := Build([]Doc{
		{URL: "/a/", Title: "쇠고기 수입", Text: "미국산 쇠고기를"},
		{URL: "/b/", Title: "가공육", Text: "소고기 가공품과 streaming services"},
		{URL: "/c/", Title: "Defense offsets", Text: "OTT"},
	})
	ix.Synonyms = syn
	for _, tc := range []struct {
		q    string
		want []int
	}{
		{"쇠고기", []int{0, 1}},
		{"소고기를", []int{0, 1}},
		{"defence", []int{2}},
		{"ott", []int{1, 2}}, // equal scores: in the order of the index
		{"streaming", []int{1, 2}},
		{"stream", []int{1}}, // a prefix is not a synonym
	} {
		if got := ix.Query(tc.q); !slices.Equal(got, tc.want) {
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
	if back.Docs[3].URL != "/en/barriers/cloud-csap/" || back.Docs[3].Section != "Digital" || !strings.HasPrefix(back.Docs[3].Text, "Cloud services sold") {
		t.Errorf("doc 3 = %+v", back.Docs[3])
	}
}
