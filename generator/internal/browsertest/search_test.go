package browsertest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"explainer/generator/internal/search"

	"github.com/chromedp/cdproto/emulation"
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
// checks the results the reader sees, and that Tab moves from the box to
// them.
func TestSearchBox(t *testing.T) {
	t.Parallel()
	ctx, probs := tab(t)
	queries := searchQueries
	if fixture {
		// In testdata/site.txtar 국방부 appears only as 국방부가 and 국방부는.
		queries = append(queries, struct{ lang, q, want string }{"ko", "국방부", "ko/glossary/"})
	}
	for _, tc := range queries {
		if err := open(ctx, tc.lang+"/"); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("search-q"), tc.q)); err != nil {
			t.Fatal(err)
		}
		if err := waitForResults(ctx, tc.q); err != nil {
			t.Fatalf("%q: no search status shown: %v", tc.q, err)
		}
		got := eval[[]string](t, ctx, `[...document.querySelectorAll("#search-results a")].map(a => a.getAttribute("href"))`)
		want := goResults(loadIndex(t, tc.lang), tc.q)
		if !slices.Equal(got, want) {
			t.Errorf("%s %q: the page shows %v, the Go reference finds %v", tc.lang, tc.q, got, want)
		}
		if !slices.Contains(got, basePath+tc.want) {
			t.Errorf("%s %q: %s not among the results %v", tc.lang, tc.q, tc.want, got)
		}
		status := eval[string](t, ctx, `document.getElementById("search-status").textContent`)
		if !strings.Contains(status, itoaLen(got)) {
			t.Errorf("%s %q: status %q does not give the count %d", tc.lang, tc.q, status, len(got))
		}
		// From the box, Tab goes to the button, then to the first result.
		press(t, ctx, kb.Tab)
		press(t, ctx, kb.Tab)
		if href := eval[string](t, ctx, `document.activeElement.getAttribute("href") || ""`); len(got) > 0 && href != got[0] {
			t.Errorf("%s %q: two Tabs from the box reached %q, want the first result %q", tc.lang, tc.q, href, got[0])
		}
	}
	for _, p := range probs.take() {
		t.Error(p)
	}
}

// TestSearchMatchesGo runs many queries through search.js and the Go
// reference: every word of every title, whole, cut short and with a
// particle, must give the same results in the same order.
func TestSearchMatchesGo(t *testing.T) {
	t.Parallel()
	ctx, _ := tab(t)
	for _, lang := range []string{"en", "ko"} {
		ix := loadIndex(t, lang)
		qs := []string{"a", "클", "2025", "zzzz", "  "}
		for _, d := range ix.Docs {
			for _, tok := range search.Tokens(d.Title + " " + d.Section) {
				rs := []rune(tok.Text)
				qs = append(qs, tok.Text, string(rs[:max(1, len(rs)-1)]), tok.Text+"를", tok.Text+" "+d.Section)
			}
		}
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

// TestSearchWithoutJavaScript submits the search form with scripts off:
// the reader lands on the barrier index, which lists every barrier. With
// scripts on, the same address shows the results.
func TestSearchWithoutJavaScript(t *testing.T) {
	t.Parallel()
	ctx, _ := tab(t)
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	if err := open(ctx, "ko/"); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.RunResponse(ctx, chromedp.SendKeys(chromedp.ID("search-q"), "클라우드"+kb.Enter)); err != nil {
		t.Fatal(err)
	}
	at := eval[string](t, ctx, `location.pathname + location.search`)
	if want := basePath + "ko/barriers/?q=%ED%81%B4%EB%9D%BC%EC%9A%B0%EB%93%9C"; at != want {
		t.Errorf("without JavaScript the search form led to %s, want %s", at, want)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("main .card").length`); n != len(result.Site.Barriers["ko"]) {
		t.Errorf("the barrier index lists %d barriers, want %d", n, len(result.Site.Barriers["ko"]))
	}

	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: false}); err != nil {
		t.Fatal(err)
	}
	if err := open(ctx, "ko/barriers/?q=클라우드"); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelectorAll("#search-results a").length > 0`)); err != nil {
		t.Fatalf("arriving with ?q= shows no results: %v", err)
	}
	if v := eval[string](t, ctx, `document.getElementById("search-q").value`); v != "클라우드" {
		t.Errorf("the search box holds %q, want the query", v)
	}
}

func itoaLen(s []string) string { return strconv.Itoa(len(s)) }
