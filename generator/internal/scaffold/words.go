package scaffold

// guide is the guidance written into a new file, in the file's language,
// so that a translator reads it in the language they write.
type guide struct {
	Intro, Title, TitleHelp, Summary, SummaryHelp, SectorHelp string
	Law, FirstListed, Related, Draft, Sources                 string
	Status, StatusDate                                        string
	// Sections are the body's headings, with a shared {#id} so both
	// languages have the same anchors, and the text under each.
	Sections [][2]string
}

func words(lang string) guide {
	if lang == "ko" {
		return korean
	}
	return english
}

var english = guide{
	Intro:       "Every key is explained in content/README.md. Lines starting with # are notes.",
	Title:       "Name of the barrier",
	TitleHelp:   "required: a short headline",
	Summary:     "One sentence: what the rule is and why Washington objects to it.",
	SummaryHelp: "required: shown on cards and in search results",
	SectorHelp:  "required, one of",
	Law:         "The Korean law or rule at issue   (remove the # to use it)",
	FirstListed: "the first report year that named it (remove the # to use it)",
	Related:     "slugs of related barriers (remove the # to use it)",
	Status:      "what has become of it since the report (remove the # here and on the next line), one of",
	StatusDate:  "the day that status was checked",
	Draft:       "change to false to publish",
	Sources:     "required: at least one; add url: for sources that can be read online",
	Sections: [][2]string{
		{"## The rule {#rule}", "What the Korean rule says and who it applies to."},
		{"## What the report says {#report}", "What the US Trade Representative objects to, in the report's own terms."},
		{"## What is at stake {#stake}", "Trade figures, who gains and who loses, and what Korea has said."},
	},
}

var korean = guide{
	Intro:       "키마다 설명은 content/README.md에 있습니다. #으로 시작하는 줄은 메모입니다.",
	Title:       "무역장벽 이름",
	TitleHelp:   "필수: 짧은 제목",
	Summary:     "어떤 제도이고 미국이 왜 문제 삼는지 한 문장으로 씁니다.",
	SummaryHelp: "필수: 카드와 검색 결과에 보입니다",
	SectorHelp:  "필수, 다음 중 하나",
	Law:         "관련 한국 법령이나 제도   (쓰려면 맨 앞 #을 지우세요)",
	FirstListed: "이 장벽이 처음 실린 보고서 연도 (쓰려면 맨 앞 #을 지우세요)",
	Related:     "관련 무역장벽의 슬러그 (쓰려면 맨 앞 #을 지우세요)",
	Status:      "보고서 이후 달라진 상황 (쓰려면 이 줄과 다음 줄의 맨 앞 #을 지우세요). 다음 중 하나",
	StatusDate:  "그 상황을 확인한 날짜",
	Draft:       "공개하려면 false로 바꾸세요",
	Sources:     "필수: 하나 이상. 온라인에서 볼 수 있으면 url:을 더하세요",
	Sections: [][2]string{
		{"## 제도 {#rule}", "한국의 제도가 무엇을 정하고 누구에게 적용되는지 씁니다."},
		{"## 보고서의 지적 {#report}", "미국 무역대표부가 보고서에서 무엇을 문제 삼았는지 씁니다."},
		{"## 쟁점 {#stake}", "교역 규모, 득실, 한국 정부의 입장을 씁니다."},
	},
}
