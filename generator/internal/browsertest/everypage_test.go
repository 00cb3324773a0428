package browsertest

import (
	"context"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// pageFacts is what TestEveryPage keeps of a page for the checks that
// look at several pages at once.
type pageFacts struct {
	Picture, PictureAlt string   // og:image and og:image:alt
	Next, Prev          string   // the pager's links, "" for none
	Cards               []string // the barrier cards' links, on an index
}

// TestEveryPage loads every page once and runs there every check that
// concerns each page, in this order:
//
//   - at 320px, the narrowest phone width WCAG asks to reflow to, it is no
//     wider than that (an English page is loaded at that width; its Korean
//     page, reached by its switcher, narrowed to it in place);
//   - it loads without console errors, exceptions, failed requests or
//     requests to another host, and no Korean text of an English page
//     lacks lang="ko";
//   - back at the window's own size, axe-core finds no violation in the
//     light theme, nor of its colour rules in the dark theme, switched in
//     place as when a reader's system does (colourRules);
//   - its link-preview picture is a 1200×630 image the browser decodes;
//   - its first footnote leads to the note and the note's back-link back;
//   - its language switcher, clicked, lands on the same page in the other
//     language, whose switcher points back.
//
// Then, from what the pages showed: no two pages with different titles
// share a picture, and following "next" from the first barrier of each
// index (and "previous" from the last) meets the barriers in the order the
// index lists them. The root page only sends the reader on: it is only
// loaded, and checked for problems.
func TestEveryPage(t *testing.T) {
	t.Parallel()
	src := axeSource(t)
	var (
		mu        sync.Mutex
		facts     = map[string]pageFacts{} // by path
		footnotes int
	)
	// An English page's switcher leads to its Korean page, which is
	// checked there rather than loaded again: the Korean pages with an
	// English one are visited from it.
	all := pagePaths(t)
	counterpart := func(path string) string {
		if rest, ok := strings.CutPrefix(path, "en/"); ok && slices.Contains(all, "ko/"+rest) {
			return "ko/" + rest
		}
		return ""
	}
	firsts := slices.DeleteFunc(slices.Clone(all), func(p string) bool {
		rest, ok := strings.CutPrefix(p, "ko/")
		return ok && counterpart("en/"+rest) != ""
	})
	t.Run("pages", func(t *testing.T) {
		eachPage(t, firsts, 4, func(t *testing.T, ctx context.Context, probs *problems, path string) {
			for i, p := range []string{path, counterpart(path)} {
				if p == "" {
					break
				}
				f, notes := visitPage(t, ctx, probs, src, p, i > 0)
				mu.Lock()
				facts[p] = f
				footnotes += notes
				mu.Unlock()
			}
		})
	})
	checkPictures(t, facts)
	for _, lang := range []string{"en", "ko"} {
		checkPager(t, facts, lang)
	}
	if footnotes == 0 && fixture {
		t.Error("no page of testdata/site.txtar has footnotes; it should have some")
	}
	if footnotes == 0 {
		t.Log("the content has no footnotes to follow")
	}
}

// visitPage runs the checks of TestEveryPage on one page; it returns what
// the checks across pages need, and whether it followed a footnote.
//
// arrived says the tab may show the page already, reached by the switcher
// of its counterpart (whose check reported the problems of that load): it
// is then narrowed to 320px in place rather than loaded at that width.
func visitPage(t *testing.T, ctx context.Context, probs *problems, src, path string, arrived bool) (pageFacts, int) {
	t.Helper()
	var f pageFacts
	if arrived && eval[string](t, ctx, `location.href`) == pageURL(path) {
		resize(t, ctx, 320, 640)
	} else {
		if err := theme(ctx, "light"); err != nil {
			t.Fatal(err)
		}
		resize(t, ctx, 320, 640)
		if err := open(ctx, path); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range probs.take() {
		t.Errorf("%s: %s", path, p)
	}
	if strings.HasPrefix(path, "en/") {
		for _, text := range eval[[]string](t, ctx, unmarkedKorean) {
			t.Errorf("%s: Korean text without lang=\"ko\": %q", path, text)
		}
	}
	if path == "" {
		return f, 0
	}
	tooWide(t, ctx, path)
	if _, err := chromedp.Call(ctx, emulation.ClearDeviceMetricsOverride, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	checkAxe(t, ctx, src, path)
	for _, p := range probs.take() {
		t.Errorf("%s: %s", path, p)
	}
	if strings.HasSuffix(path, "/") {
		f.Picture, f.PictureAlt = checkPicture(t, ctx, path)
	}
	f.Next = eval[string](t, ctx, `(document.querySelector('.pager a[rel="next"]') || {href: ""}).href`)
	f.Prev = eval[string](t, ctx, `(document.querySelector('.pager a[rel="prev"]') || {href: ""}).href`)
	f.Cards = eval[[]string](t, ctx, `[...document.querySelectorAll("main .card h3 a")].map(a => a.href)`)
	notes := 0
	if html, err := os.ReadFile(filepath.Join(outDir, filepath.FromSlash(path), "index.html")); err == nil && strings.Contains(string(html), `class="footnotes"`) {
		notes = 1
		checkFootnote(t, ctx, path)
	}
	if strings.HasPrefix(path, "en/") || strings.HasPrefix(path, "ko/") {
		if notes > 0 {
			// The switcher keeps the anchor the footnotes left (#fnref…);
			// it is tried from the top of the page, as a reader arriving.
			if err := open(ctx, path); err != nil {
				t.Fatal(err)
			}
		}
		checkSwitcher(t, ctx, path)
	}
	for _, p := range probs.take() {
		t.Errorf("%s: %s", path, p)
	}
	return f, notes
}

// checkAxe runs axe-core on the page in the light theme, then its colour
// rules in the dark, and leaves it light.
func checkAxe(t *testing.T, ctx context.Context, src, path string) {
	t.Helper()
	for _, scheme := range []string{"light", "dark"} {
		if err := theme(ctx, scheme); err != nil {
			t.Fatal(err)
		}
		if got := eval[bool](t, ctx, `matchMedia("(prefers-color-scheme: dark)").matches`); got != (scheme == "dark") {
			t.Fatalf("%s: prefers-color-scheme dark is %v in the %s theme", path, got, scheme)
		}
		var only []string
		if scheme == "dark" {
			only = colourRules
		}
		for _, v := range runAxe(t, ctx, src, only...) {
			t.Errorf("%s (%s): %s [%s, %s]\n\t%s", path, scheme, v.Help, v.ID, v.Impact, strings.Join(v.Nodes, "\n\t"))
		}
	}
	if err := theme(ctx, "light"); err != nil {
		t.Fatal(err)
	}
}

// checkPicture loads the page's link-preview picture as a link preview
// would, and returns its address and alt text.
func checkPicture(t *testing.T, ctx context.Context, path string) (img, alt string) {
	t.Helper()
	img = eval[string](t, ctx, `document.querySelector('meta[property="og:image"]').content`)
	alt = eval[string](t, ctx, `document.querySelector('meta[property="og:image:alt"]').content`)
	size := eval[[]int](t, ctx, `new Promise(ok => { const i = new Image(); i.onload = () => ok([i.naturalWidth, i.naturalHeight]); i.onerror = () => ok([0, 0]); i.src = `+"`"+`${document.querySelector('meta[property="og:image"]').content}`+"`"+`; })`)
	if len(size) != 2 || size[0] != 1200 || size[1] != 630 {
		t.Errorf("%s: its picture %s is %v, want 1200×630", path, img, size)
	}
	return img, alt
}

// checkPictures: each page names a picture of its own (pages of the same
// title may share one).
func checkPictures(t *testing.T, facts map[string]pageFacts) {
	t.Helper()
	seen := map[string]string{}
	for _, path := range slices.Sorted(maps.Keys(facts)) {
		f := facts[path]
		if f.Picture == "" {
			continue
		}
		if other, ok := seen[f.Picture]; ok && f.PictureAlt != other {
			t.Errorf("%s: its picture %s is also that of %q", path, f.Picture, other)
		}
		seen[f.Picture] = f.PictureAlt
	}
	if len(seen) < 4 {
		t.Errorf("%d pictures for the pages; want one a title", len(seen))
	}
}

// checkPager follows the "next" links, as the pages showed them, from the
// first barrier of the barrier index, and "previous" back from the last:
// each language meets its barriers in the order the index lists them.
func checkPager(t *testing.T, facts map[string]pageFacts, lang string) {
	t.Helper()
	byURL := map[string]pageFacts{}
	for path, f := range facts {
		byURL[pageURL(path)] = f
	}
	list := facts[lang+"/barriers/"].Cards
	if len(list) < 2 {
		t.Errorf("%s: the index lists %d barriers", lang, len(list))
		return
	}
	for _, dir := range []struct{ rel, start string }{{"next", list[0]}, {"prev", list[len(list)-1]}} {
		var seen []string
		for at := dir.start; at != "" && len(seen) <= len(list); {
			seen = append(seen, at)
			if dir.rel == "next" {
				at = byURL[at].Next
			} else {
				at = byURL[at].Prev
			}
		}
		want := list
		if dir.rel == "prev" {
			want = slices.Clone(list)
			slices.Reverse(want)
		}
		if !slices.Equal(seen, want) {
			t.Errorf("%s: following %q links: %s\nthe index lists: %s", lang, dir.rel, strings.Join(seen, " "), strings.Join(want, " "))
		}
	}
}

// checkFootnote follows the page's first footnote to its note, and the
// note's back-link to where it was cited.
func checkFootnote(t *testing.T, ctx context.Context, path string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`a[href^="#fn"]:not(.footnote-backref)`))); err != nil {
		t.Fatalf("%s: clicking the first footnote mark: %v", path, err)
	}
	note := eval[bool](t, ctx, `!!document.querySelector(".footnotes :target") && document.querySelector(":target").getBoundingClientRect().top < innerHeight`)
	if !note {
		t.Errorf("%s: the footnote mark does not lead to a visible note in the footnotes", path)
		return
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`.footnotes :target .footnote-backref`))); err != nil {
		t.Fatalf("%s: clicking the note's back-link: %v", path, err)
	}
	back := eval[bool](t, ctx, `(() => { const e = document.querySelector(":target"); return !!e && !e.closest(".footnotes") && e.getBoundingClientRect().top >= 0 && e.getBoundingClientRect().top < innerHeight })()`)
	if !back {
		t.Errorf("%s: the back-link does not return to the footnote mark", path)
	}
}

// checkSwitcher clicks the language switcher: it must land on the same
// page in the other language, whose switcher points back.
func checkSwitcher(t *testing.T, ctx context.Context, path string) {
	t.Helper()
	kind := eval[string](t, ctx, `document.body.className`)
	target := eval[string](t, ctx, `document.querySelector(".lang-switch a").getAttribute("hreflang")`)
	if _, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(".lang-switch a"))); err != nil {
		t.Fatalf("%s: clicking the language switcher: %v", path, err)
	}
	lang := eval[string](t, ctx, `document.documentElement.lang`)
	gotKind := eval[string](t, ctx, `document.body.className`)
	back := eval[string](t, ctx, `document.querySelector(".lang-switch a").href`)
	at := eval[string](t, ctx, `location.pathname`)
	if lang != target || gotKind != kind {
		t.Errorf("%s: the switcher led to %s, a %q page in %q; want a %q page in %q", path, at, gotKind, lang, kind, target)
	}
	if back != pageURL(path) {
		t.Errorf("%s: the switcher led to %s, whose switcher points to %s, not back", path, at, back)
	}
	if want := basePath + target + "/" + strings.SplitN(path, "/", 2)[1]; at != want {
		t.Errorf("%s: the switcher led to %s, want %s", path, at, want)
	}
}
