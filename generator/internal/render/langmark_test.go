package render

import "testing"

func TestMarkLanguages(t *testing.T) {
	for _, tc := range []struct {
		name, lang, in, want string
	}{
		{"Korean in English", "en",
			`<p>Defense Acquisition Program Act (방위사업법), or 방위사업법 시행령 제2조.</p>`,
			`<p>Defense Acquisition Program Act (<span lang="ko">방위사업법</span>), or <span lang="ko">방위사업법 시행령 제2조</span>.</p>`},
		{"already marked", "en",
			`<a href="/ko/" lang="ko">한국어로 읽기</a> <b>한국</b>`,
			`<a href="/ko/" lang="ko">한국어로 읽기</a> <b><span lang="ko">한국</span></b>`},
		{"title, attributes and chart left alone", "en",
			`<title>한국 · Site</title><meta content="한국"><svg><text>한국</text></svg><img alt="한국"><p title="한국">x</p>`,
			`<title>한국 · Site</title><meta content="한국"><svg><text>한국</text></svg><img alt="한국"><p title="한국">x</p>`},
		{"English sentence in Korean", "ko",
			`<li><a href="x">2025 National Trade Estimate Report</a>, 미국 무역대표부(USTR)</li>`,
			`<li><a href="x">2025 <span lang="en">National Trade Estimate Report</span></a>, 미국 무역대표부(USTR)</li>`},
		{"entities stay whole", "ko",
			`<p>The Korea&#39;s own words here</p>`,
			`<p><span lang="en">The Korea&#39;s own words here</span></p>`},
		{"short Latin in Korean is left", "ko",
			`<p>CSAP 인증과 USTR 보고서</p>`,
			`<p>CSAP 인증과 USTR 보고서</p>`},
		{"back to the page language after a marked element", "ko",
			`<p><a lang="en">Read in English</a> and then more words here</p>`,
			`<p><a lang="en">Read in English</a> <span lang="en">and then more words here</span></p>`},
	} {
		got := string(markLanguages([]byte(tc.in), tc.lang))
		if got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, got, tc.want)
		}
	}
}
