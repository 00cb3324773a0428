package browsertest

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"explainer/generator/internal/search"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// loadIndex reads the search index the build wrote for lang.
func loadIndex(t *testing.T, lang string) *search.Index {
	t.Helper()
	names, _ := filepath.Glob(filepath.Join(outDir, "assets", "search."+lang+".*.json"))
	if len(names) != 1 {
		t.Fatalf("want one search index for %s, found %v", lang, names)
	}
	data, err := os.ReadFile(names[0])
	if err != nil {
		t.Fatal(err)
	}
	var ix search.Index
	if err := json.Unmarshal(data, &ix); err != nil {
		t.Fatal(err)
	}
	return &ix
}

// goResults is what the Go reference finds, as search.js shows it: the
// first 20 addresses.
func goResults(ix *search.Index, q string) []string {
	var out []string
	for _, d := range ix.Query(q) {
		out = append(out, ix.Docs[d].URL)
	}
	return out[:min(len(out), 20)]
}

// typeQuery types q into the search box of the page at path and returns
// the addresses of the results shown, once the status says how many.
func typeQuery(t *testing.T, ctx context.Context, path, q string) []string {
	t.Helper()
	if err := open(ctx, path); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("search-q"), q)); err != nil {
		t.Fatal(err)
	}
	if err := waitForResults(ctx, q); err != nil {
		t.Fatalf("%q: no search status shown: %v", q, err)
	}
	return eval[[]string](t, ctx, `[...document.querySelectorAll("#search-results [role=option]")].map(a => a.getAttribute("href"))`)
}

// searchQueries are typed into the search box. Each names a page it must
// find; these pages are in the fixture and in the real content alike.
var searchQueries = []struct{ lang, q, want string }{
	{"ko", "클라우드", "ko/barriers/cloud-csap/"},     // 클라우드를, 클라우드의 ...
	{"ko", "절충교역", "ko/barriers/defense-offset/"}, // 절충교역은, 절충교역을 ...
	{"ko", "인증", "ko/barriers/cloud-csap/"},       // inside 보안인증
	{"ko", "보안인증을", "ko/barriers/cloud-csap/"},    // a particle no page uses
	{"en", "certif", "en/barriers/cloud-csap/"},
	{"en", "Offset", "en/barriers/defense-offset/"},
}

// TestSearchBox types queries into the search box of the home page and
// checks the results the reader sees against the Go reference, the count
// in words, and the passages with the query's words marked.
func TestSearchBox(t *testing.T) {
	t.Parallel()
	ctx, probs := tab(t)
	queries := searchQueries
	if fixture {
		// In testdata/site.txtar 국방부 appears only as 국방부가 and 국방부는.
		queries = append(queries, struct{ lang, q, want string }{"ko", "국방부", "ko/glossary/"})
	}
	for _, tc := range queries {
		got := typeQuery(t, ctx, tc.lang+"/", tc.q)
		want := goResults(loadIndex(t, tc.lang), tc.q)
		if !slices.Equal(got, want) {
			t.Errorf("%s %q: the page shows %v, the Go reference finds %v", tc.lang, tc.q, got, want)
		}
		if !slices.ContainsFunc(got, func(u string) bool { return strings.HasPrefix(u, basePath+tc.want) }) {
			t.Errorf("%s %q: %s not among the results %v", tc.lang, tc.q, tc.want, got)
		}
		status := eval[string](t, ctx, `document.getElementById("search-status").textContent`)
		if !strings.Contains(status, strconv.Itoa(len(got))) {
			t.Errorf("%s %q: status %q does not give the count %d", tc.lang, tc.q, status, len(got))
		}
		// Each result shows a passage (not the summary) with a word
		// of the query marked.
		marked := eval[[]string](t, ctx, `[...document.querySelectorAll("#search-results [role=option]")].map(a => [...a.querySelectorAll("mark")].map(m => m.textContent).join("|"))`)
		for i, m := range marked {
			if m == "" {
				t.Errorf("%s %q: result %d (%s) marks no word of the query", tc.lang, tc.q, i, got[i])
			}
		}
		t.Logf("%s %q: %d results, first %v (marked %v)", tc.lang, tc.q, len(got), got[:min(3, len(got))], marked[:min(3, len(marked))])
	}
	for _, p := range probs.take() {
		t.Error(p)
	}
}

// TestSearchCountWords: "1 result", "2 results"; Korean counts with 건.
func TestSearchCountWords(t *testing.T) {
	t.Parallel()
	ctx, _ := tab(t)
	for _, lang := range []string{"en", "ko"} {
		ix := loadIndex(t, lang)
		var one, many string
		for _, d := range ix.Docs {
			for _, tok := range search.Tokens(d.Title + " " + d.Text) {
				n := len(ix.Query(tok.Text))
				if n == 1 && one == "" {
					one = tok.Text
				} else if n > 1 && many == "" {
					many = tok.Text
				}
			}
			if one != "" && many != "" {
				break
			}
		}
		for q, want := range map[string]string{one: map[string]string{"en": "1 result", "ko": "검색 결과 1건"}[lang], many: map[string]string{"en": " results", "ko": "건"}[lang]} {
			typeQuery(t, ctx, lang+"/", q)
			status := eval[string](t, ctx, `document.getElementById("search-status").textContent`)
			if !strings.Contains(status, want) || lang == "en" && q == one && strings.Contains(status, "results") {
				t.Errorf("%s %q: status %q, want %q", lang, q, status, want)
			}
		}
	}
}

// TestSearchMatchesGo runs many queries through search.js and the Go
// reference: every word of every title and heading, whole, cut short,
// with a particle and with its neighbour, must give the same results in
// the same order.
func TestSearchMatchesGo(t *testing.T) {
	t.Parallel()
	ctx, _ := tab(t)
	for _, lang := range []string{"en", "ko"} {
		ix := loadIndex(t, lang)
		qs := []string{"a", "클", "2025", "zzzz", "  ", "망 사용료", "망사용료", "해방의 날", "해방의날", "쇠고기를", "소고기", "GMO", "defence"}
		for _, d := range ix.Docs {
			for _, tok := range search.Tokens(d.Title + " " + d.Heading + " " + d.Section) {
				rs := []rune(tok.Text)
				qs = append(qs, tok.Text, string(rs[:max(1, len(rs)-1)]), tok.Text+"를", tok.Text+" "+d.Section)
			}
		}
		for _, g := range ix.Synonyms {
			qs = append(qs, g...)
		}
		// Titles, headings and sections repeat their words: each query
		// once is five times fewer, and gives the same results.
		seen := map[string]bool{}
		qs = slices.DeleteFunc(qs, func(q string) bool {
			dup := seen[q]
			seen[q] = true
			return dup
		})
		if err := open(ctx, lang+"/"); err != nil {
			t.Fatal(err)
		}
		js, _ := json.Marshal(qs)
		got := eval[[][]string](t, ctx, `Promise.all(`+string(js)+`.map(q => window.explainerSearch(q)))`)
		for i, q := range qs {
			want := goResults(ix, q)
			g := got[i][:min(len(got[i]), 20)]
			if len(g) == 0 && len(want) == 0 {
				continue
			}
			if !slices.Equal(g, want) {
				t.Errorf("%s %q: search.js finds %v, Go finds %v", lang, q, g, want)
			}
		}
	}
}

// normalForms are query words run through search.Normalize and search.js:
// the two must agree.
var normalForms = []string{
	"절충교역을", "개인정보를", "쇠고기를", "쇠고기", "클라우드의", "국방부에서", "기업들이", "서울에서는",
	"미국으로", "데이터라는", "인증제도를", "지도를", "지도", "나는", "한국은", "보고서", "OTT", "Defence",
	"2025년", "무역장벽이란", "망사용료를", "해방의날", "美國의", "유전자변형", "LMO", "보다", "은",
}

func TestSearchNormalizeAgrees(t *testing.T) {
	t.Parallel()
	ctx, _ := tab(t)
	if err := open(ctx, "ko/"); err != nil {
		t.Fatal(err)
	}
	js, _ := json.Marshal(normalForms)
	got := eval[[]string](t, ctx, `Promise.all(`+string(js)+`.map(w => window.explainerSearch.normalize(w)))`)
	for i, w := range normalForms {
		var want string
		for _, tok := range search.Tokens(w) {
			want += search.Normalize(tok).Text
		}
		if got[i] != want {
			t.Errorf("%q: search.js normalises it to %q, Go to %q", w, got[i], want)
		}
	}
}

// jsResults runs queries through search.js on the home page of lang,
// loading it unless the tab shows it already: search.js keeps no state
// from one query to the next that could change the results.
func jsResults(t *testing.T, ctx context.Context, lang string, qs ...string) [][]string {
	t.Helper()
	home, _ := json.Marshal(pageURL(lang + "/"))
	if !eval[bool](t, ctx, `location.href === `+string(home)+` && typeof window.explainerSearch === "function"`) {
		if err := open(ctx, lang+"/"); err != nil {
			t.Fatal(err)
		}
	}
	js, _ := json.Marshal(qs)
	return eval[[][]string](t, ctx, `Promise.all(`+string(js)+`.map(q => window.explainerSearch(q)))`)
}

// A Korean word with a particle or ending finds the same pages in the same
// order as the bare word.
func TestSearchKoreanParticles(t *testing.T) {
	t.Parallel()
	ctx, _ := tab(t)
	pairs := [][2]string{{"절충교역", "절충교역을"}, {"쇠고기", "쇠고기를"}, {"클라우드", "클라우드의"}, {"절충교역", "절충교역이란"}}
	if !fixture {
		pairs = append(pairs, [2]string{"개인정보", "개인정보를"}, [2]string{"국가핵심기술", "국가핵심기술은"}, [2]string{"망 사용료", "망 사용료를"})
	}
	for _, p := range pairs {
		got := jsResults(t, ctx, "ko", p[0], p[1])
		if len(got[0]) == 0 || !slices.Equal(got[0], got[1]) {
			t.Errorf("%q finds %v, %q finds %v: want the same, not none", p[0], got[0], p[1], got[1])
		}
		t.Logf("ko %q and %q: %v", p[0], p[1], got[0][:min(4, len(got[0]))])
	}
	if fixture {
		return
	}
	// The cases of the issue: the personal-data page first, the
	// processed-beef page found.
	got := jsResults(t, ctx, "ko", "개인정보를", "쇠고기를")
	if len(got[0]) == 0 || !strings.HasPrefix(got[0][0], basePath+"ko/barriers/personal-data-transfer/") {
		t.Errorf("개인정보를: first result %v, want the personal-data page", got[0])
	}
	if !slices.ContainsFunc(got[1], func(u string) bool { return strings.HasPrefix(u, basePath+"ko/barriers/processed-beef/") }) {
		t.Errorf("쇠고기를: %v lacks the processed-beef page", got[1])
	}
}

// Korean compounds match written with and without a space.
func TestSearchSpacing(t *testing.T) {
	t.Parallel()
	ctx, _ := tab(t)
	pairs := [][3]string{{"망 사용료", "망사용료", "ko/barriers/network-usage-fees/"}}
	if !fixture {
		pairs = append(pairs, [3]string{"해방의 날", "해방의날", "ko/glossary/#liberation-day"}, [3]string{"국가 핵심 기술", "국가핵심기술", "ko/barriers/national-core-technology/"})
	}
	for _, p := range pairs {
		got := jsResults(t, ctx, "ko", p[0], p[1])
		for i := range 2 {
			if !slices.ContainsFunc(got[i], func(u string) bool { return strings.HasPrefix(u, basePath+p[2]) }) {
				t.Errorf("%q: %v lacks %s", p[i], got[i], p[2])
			}
		}
		t.Logf("ko %q: %v; %q: %v", p[0], got[0][:min(4, len(got[0]))], p[1], got[1][:min(4, len(got[1]))])
	}
}

// A word of a group in content/synonyms.yaml finds the pages with the
// others: 소고기 finds pages that say only 쇠고기.
func TestSearchSynonyms(t *testing.T) {
	t.Parallel()
	ctx, _ := tab(t)
	ix := loadIndex(t, "ko")
	if !slices.ContainsFunc(ix.Synonyms, func(g []string) bool { return slices.Equal(g[:2], []string{"쇠고기", "소고기"}) }) {
		t.Fatalf("the index has no group [쇠고기, 소고기]: %q", ix.Synonyms)
	}
	got := jsResults(t, ctx, "ko", "쇠고기", "소고기를")
	if len(got[0]) == 0 || !slices.Equal(got[0], got[1]) {
		t.Errorf("쇠고기 finds %v, 소고기를 %v: want the same", got[0], got[1])
	}
	// Some page found by 소고기 never says it.
	says := func(u string) bool {
		page, _, _ := strings.Cut(u, "#")
		for _, d := range ix.Docs {
			if strings.HasPrefix(d.URL, page) && strings.Contains(d.Title+d.Heading+d.Text, "소고기") {
				return true
			}
		}
		return false
	}
	if slices.IndexFunc(got[1], func(u string) bool { return !says(u) }) < 0 {
		t.Errorf("소고기를 finds %v, every one saying 소고기: the synonym did nothing", got[1])
	}
	if !fixture {
		en := jsResults(t, ctx, "en", "defence", "OTT")
		if len(en[0]) == 0 || !slices.ContainsFunc(en[1], func(u string) bool { return strings.Contains(u, "network-usage-fees") }) {
			t.Errorf("defence finds %v; OTT finds %v, without the network fees page (streaming)", en[0], en[1])
		}
		t.Logf("en defence: %v; OTT: %v", en[0][:min(3, len(en[0]))], en[1][:min(5, len(en[1]))])
	}
	t.Logf("ko 소고기를: %v", got[1][:min(5, len(got[1]))])
}

// A glossary term links to its heading: the result goes to #anchor, and
// Enter lands there. The summary on the home page is found too.
func TestSearchDeepLink(t *testing.T) {
	t.Parallel()
	ctx, probs := tab(t)
	for _, tc := range []struct{ lang, q, want string }{
		{"en", "USTR", "en/glossary/#ustr"},
		{"ko", "무역대표부를", "ko/glossary/#ustr"},
		{"en", "offset trade", "en/glossary/#offset-trade"},
	} {
		got := typeQuery(t, ctx, tc.lang+"/barriers/", tc.q)
		i := slices.Index(got, basePath+tc.want)
		if i < 0 {
			t.Errorf("%s %q: %s not among %v", tc.lang, tc.q, tc.want, got)
			continue
		}
		for range i + 1 {
			press(t, ctx, kb.ArrowDown)
		}
		if _, err := chromedp.RunResponse(ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`location.hash !== ""`)); err != nil {
			t.Fatal(err)
		}
		at := eval[string](t, ctx, `location.pathname + location.hash`)
		if at != basePath+tc.want || !eval[bool](t, ctx, `document.querySelector(":target") !== null`) {
			t.Errorf("%s %q: Enter on result %d led to %s, want %s with its target", tc.lang, tc.q, i, at, tc.want)
		}
		t.Logf("%s %q: %v", tc.lang, tc.q, got[:min(4, len(got))])
	}
	if !fixture {
		for _, tc := range []struct{ lang, q, want string }{
			{"en", "Bessent", "en/"}, {"en", "Han Duck-soo", "en/"}, {"en", "Liberation Day", "en/glossary/#liberation-day"},
			{"ko", "한덕수", "ko/"}, {"ko", "해방의 날", "ko/glossary/#liberation-day"},
		} {
			got := jsResults(t, ctx, tc.lang, tc.q)[0]
			if !slices.ContainsFunc(got, func(u string) bool {
				if strings.Contains(tc.want, "#") {
					return u == basePath+tc.want
				}
				page, _, _ := strings.Cut(u, "#")
				return page == basePath+tc.want
			}) {
				t.Errorf("%s %q: %v lacks %s", tc.lang, tc.q, got, tc.want)
			}
			t.Logf("%s %q: %v", tc.lang, tc.q, got[:min(4, len(got))])
		}
	}
	for _, p := range probs.take() {
		t.Error(p)
	}
}

// The keyboard alone: "/" focuses the box (but types a slash in a field),
// arrows move the choice (aria-activedescendant), Enter opens it, Escape
// clears.
func TestSearchKeyboard(t *testing.T) {
	t.Parallel()
	ctx, _ := tab(t)
	if err := open(ctx, "en/barriers/"); err != nil {
		t.Fatal(err)
	}
	// A "/" typed as a keyboard does it: the key's text comes with its
	// keydown, which search.js cancels (chromedp.KeyEvent sends the text
	// apart, which no keyboard does).
	slash := func() {
		t.Helper()
		for _, ev := range []input.DispatchKeyEventParams{
			{Type: input.DispatchKeyEventTypeKeyDown, Key: "/", Code: "Slash", Text: "/", WindowsVirtualKeyCode: 191},
			{Type: input.DispatchKeyEventTypeKeyUp, Key: "/", Code: "Slash", WindowsVirtualKeyCode: 191},
		} {
			if _, err := chromedp.Call(ctx, input.DispatchKeyEvent, ev); err != nil {
				t.Fatal(err)
			}
		}
	}
	slash()
	if v := eval[string](t, ctx, `document.getElementById("search-q").value`); v != "" {
		t.Errorf(`"/" outside the box typed %q into it`, v)
	}
	if id := eval[string](t, ctx, `document.activeElement.id`); id != "search-q" {
		t.Fatalf(`"/" focused %q, want the search box`, id)
	}
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("search-q"), "a")); err != nil {
		t.Fatal(err)
	}
	slash()
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("search-q"), "b")); err != nil {
		t.Fatal(err)
	}
	if v := eval[string](t, ctx, `document.getElementById("search-q").value`); v != "a/b" {
		t.Errorf(`typing "a/b" in the box gave %q: "/" must type itself there`, v)
	}
	got := typeQuery(t, ctx, "en/barriers/", "korea")
	if len(got) < 3 {
		t.Fatalf("korea finds %v; the test needs three results", got)
	}
	if v := eval[string](t, ctx, `document.getElementById("search-q").getAttribute("role") + " " + document.getElementById("search-q").getAttribute("aria-expanded")`); v != "combobox true" {
		t.Errorf("the box is %q, want an expanded combobox", v)
	}
	chosen := func() string {
		return eval[string](t, ctx, `(document.getElementById("search-q").getAttribute("aria-activedescendant") || "") + " " + [...document.querySelectorAll("#search-results [aria-selected=true]")].map(a => a.id).join(",")`)
	}
	for _, step := range []struct{ key, want string }{
		{kb.ArrowDown, "search-option-0 search-option-0"},
		{kb.ArrowDown, "search-option-1 search-option-1"},
		{kb.ArrowDown, "search-option-2 search-option-2"},
		{kb.ArrowUp, "search-option-1 search-option-1"},
	} {
		press(t, ctx, step.key)
		if c := chosen(); c != step.want {
			t.Errorf("after %q the choice is %q, want %q", step.key, c, step.want)
		}
	}
	if _, err := chromedp.RunResponse(ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
		t.Fatal(err)
	}
	if at := eval[string](t, ctx, `location.pathname + location.hash`); at != got[1] {
		t.Errorf("Enter on the second result went to %s, want %s", at, got[1])
	}

	// Enter without a choice opens the first; Escape clears.
	got = typeQuery(t, ctx, "en/", "offset")
	press(t, ctx, kb.Escape)
	if v := eval[string](t, ctx, `document.getElementById("search-q").value + "|" + document.getElementById("search-results").hidden + "|" + document.getElementById("search-status").textContent`); v != "|true|" {
		t.Errorf("after Escape the box, list and status are %q, want empty, hidden, empty", v)
	}
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("search-q"), "offset")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.RunResponse(ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
		t.Fatal(err)
	}
	if at := eval[string](t, ctx, `location.pathname + location.hash`); at != got[0] {
		t.Errorf("Enter went to %s, want the first result %s", at, got[0])
	}
}

// TestSearchResultsAccessible runs axe-core with the results open.
func TestSearchResultsAccessible(t *testing.T) {
	t.Parallel()
	src := axeSource(t)
	ctx, _ := tab(t)
	for _, lang := range []string{"en", "ko"} {
		typeQuery(t, ctx, lang+"/", map[string]string{"en": "cloud", "ko": "클라우드"}[lang])
		press(t, ctx, kb.ArrowDown)
		for _, v := range runAxe(t, ctx, src) {
			t.Errorf("%s, results open: %v", lang, v)
		}
	}
}

// TestSearchWithoutJavaScript submits the search form with scripts off:
// the reader lands on the search page, which lists every barrier and every
// glossary term. With scripts on, the same address shows the results.
func TestSearchWithoutJavaScript(t *testing.T) {
	t.Parallel()
	ctx, _ := tab(t)
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"ko", "en"} {
		if err := open(ctx, lang+"/"); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.RunResponse(ctx, chromedp.SendKeys(chromedp.ID("search-q"), "클라우드"+kb.Enter)); err != nil {
			t.Fatal(err)
		}
		at := eval[string](t, ctx, `location.pathname + location.search`)
		if want := basePath + lang + "/search/?q=%ED%81%B4%EB%9D%BC%EC%9A%B0%EB%93%9C"; at != want {
			t.Errorf("without JavaScript the search form led to %s, want %s", at, want)
		}
		links := eval[[]string](t, ctx, `[...document.querySelectorAll("main a")].map(a => a.getAttribute("href"))`)
		for _, e := range append(result.Site.Barriers[lang], result.Site.Pages[lang]...) {
			if !slices.Contains(links, result.Site.URL(e.PagePath)) {
				t.Errorf("%s search page: no link to %s", lang, e.PagePath)
			}
			if e.Slug != "glossary" {
				continue
			}
			for _, h := range e.Headings {
				if h.Level == 2 && !slices.Contains(links, result.Site.URL(e.PagePath)+"#"+h.ID) {
					t.Errorf("%s search page: no link to the glossary term #%s", lang, h.ID)
				}
			}
		}
	}
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: false}); err != nil {
		t.Fatal(err)
	}
	if err := open(ctx, "ko/search/?q=클라우드"); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelectorAll("#search-results [role=option]").length > 0`)); err != nil {
		t.Fatalf("arriving with ?q= shows no results: %v", err)
	}
	if v := eval[string](t, ctx, `document.getElementById("search-q").value`); v != "클라우드" {
		t.Errorf("the search box holds %q, want the query", v)
	}
}
