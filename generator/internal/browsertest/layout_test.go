package browsertest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/css"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// tocPages are the long pages that must have contents: the home page,
// the glossary, the timeline and the first barrier with contents.
func tocPages(t *testing.T, lang string) []string {
	out := []string{lang + "/"}
	for _, slug := range []string{"glossary", "timeline"} {
		if p := lang + "/" + slug + "/"; contains(pagePaths(t), p) {
			out = append(out, p)
		}
	}
	for _, p := range langPages(t, lang) {
		if strings.HasPrefix(p, lang+"/barriers/") && p != lang+"/barriers/" && strings.Contains(builtPage(t, p), `class="toc-side"`) {
			return append(out, p)
		}
	}
	return out
}

func contains(list []string, s string) bool { return slices.Contains(list, s) }

func viewport(t *testing.T, ctx context.Context, w, h int64) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(w, h)); err != nil {
		t.Fatal(err)
	}
}

type tocBox struct {
	Side       bool    `json:"side"`       // the side column is shown
	Inline     bool    `json:"inline"`     // the folded contents are shown
	Open       bool    `json:"open"`       // the folded contents are open
	Position   string  `json:"position"`   // of the side column's list
	Gap        float64 `json:"gap"`        // from the text's right edge to the column's left
	InlineTop  float64 `json:"inlineTop"`  // the folded contents' top
	TextTop    float64 `json:"textTop"`    // the first paragraph of the text's top
	TopAfter   float64 `json:"topAfter"`   // the side list's top after scrolling down
	Scrolled   float64 `json:"scrolled"`   // how far the page scrolled
	Links      int     `json:"links"`      // links in the contents
	Headings   int     `json:"headings"`   // second-level headings of the text
	BadTargets string  `json:"badTargets"` // links whose target is missing
	Width      int     `json:"width"`      // the window's
}

const measureTOC = `(async () => {
	const shown = e => !!e && e.getClientRects().length > 0;
	const side = document.querySelector(".toc-side .toc"), inline = document.querySelector(".toc-inline");
	const text = document.querySelector(".article-main .prose p");
	const list = side || inline;
	const links = list ? [...list.querySelectorAll("a")] : [];
	const r = {side: shown(side), inline: shown(inline), open: !!inline && inline.open,
		position: side ? getComputedStyle(side).position : "",
		gap: shown(side) && text ? side.getBoundingClientRect().left - text.getBoundingClientRect().right : 0,
		inlineTop: shown(inline) ? inline.getBoundingClientRect().top : 0,
		textTop: text ? text.getBoundingClientRect().top : 0, width: innerWidth,
		links: links.length, headings: document.querySelectorAll(".article-main .prose h2").length,
		badTargets: links.filter(a => !document.getElementById(decodeURIComponent(a.hash.slice(1)))).map(a => a.hash).join(" ")};
	window.scrollTo(0, 1500);
	await new Promise(res => requestAnimationFrame(() => requestAnimationFrame(res)));
	r.scrolled = window.scrollY;
	r.topAfter = shown(side) ? side.getBoundingClientRect().top : 0;
	return r;
})()`

// TestTableOfContents checks the contents of the long pages: at 1280px a
// sticky column beside the text, still at the top of the window after
// scrolling; at 375px folded above the text, the side column gone. Each
// page is loaded once, at 1280px, and narrowed in place.
func TestTableOfContents(t *testing.T) {
	t.Parallel()
	ctx, _ := tab(t)
	for _, lang := range []string{"en", "ko"} {
		for _, path := range tocPages(t, lang) {
			viewport(t, ctx, 1280, 900)
			if err := open(ctx, path); err != nil {
				t.Fatal(err)
			}
			b := eval[tocBox](t, ctx, measureTOC)
			switch {
			case !b.Side || b.Inline:
				t.Errorf("%s at 1280px: side column shown %v, folded contents shown %v; want only the column", path, b.Side, b.Inline)
			case b.Position != "sticky":
				t.Errorf("%s at 1280px: the contents are %s, want sticky", path, b.Position)
			case b.Gap < 16:
				t.Errorf("%s at 1280px: the contents start %.0fpx after the text's right edge, want a column beside it", path, b.Gap)
			case b.Scrolled >= 1500 && (b.TopAfter < -1 || b.TopAfter > 40):
				t.Errorf("%s at 1280px: scrolled %.0fpx down, the contents' top is at %.0fpx, want it held at the top", path, b.Scrolled, b.TopAfter)
			}
			if b.Links < b.Headings || b.BadTargets != "" {
				t.Errorf("%s: %d links in the contents for %d headings; links to missing anchors: %q", path, b.Links, b.Headings, b.BadTargets)
			}

			// The same page at a phone's width, back at its top: the
			// layout follows the window in place.
			eval[bool](t, ctx, `(window.scrollTo(0, 0), true)`)
			viewport(t, ctx, 375, 800)
			b = eval[tocBox](t, ctx, measureTOC)
			if b.Width != 375 {
				t.Fatalf("%s: the window is %dpx wide, want 375px", path, b.Width)
			}
			switch {
			case b.Side || !b.Inline:
				t.Errorf("%s at 375px: side column shown %v, folded contents shown %v; want only the folded ones", path, b.Side, b.Inline)
			case b.Open:
				t.Errorf("%s at 375px: the contents are open, want them folded", path)
			case b.InlineTop >= b.TextTop:
				t.Errorf("%s at 375px: the contents at %.0fpx, the text at %.0fpx; want them above the text", path, b.InlineTop, b.TextTop)
			}
		}
	}
}

// TestGlossaryIndex follows every letter of the glossary's index in both
// languages: it must land on a term (a heading at the top of the window)
// that starts with that letter, the first such term of the page.
func TestGlossaryIndex(t *testing.T) {
	t.Parallel()
	ctx, _ := tab(t)
	viewport(t, ctx, 1280, 900)
	for _, lang := range []string{"en", "ko"} {
		path := lang + "/glossary/"
		if !contains(pagePaths(t), path) {
			t.Skipf("the content has no glossary in %s", lang)
		}
		if err := open(ctx, path); err != nil {
			t.Fatal(err)
		}
		n := eval[int](t, ctx, `document.querySelectorAll(".initials a").length`)
		if want := map[string]int{"en": 26, "ko": 14}[lang]; eval[int](t, ctx, `document.querySelectorAll(".initials li").length`) < want || n < 5 {
			t.Fatalf("%s: the index shows %d letters, %d linked; want every letter of the alphabet (%d) and most linked",
				path, eval[int](t, ctx, `document.querySelectorAll(".initials li").length`), n, want)
		}
		for i := range n {
			letter := eval[string](t, ctx, fmt.Sprintf(`(() => { const a = document.querySelectorAll(".initials a")[%d]; a.click(); return a.textContent; })()`, i))
			got := eval[[]string](t, ctx, `(() => {
				const initial = s => {
					const c = s.codePointAt(0);
					if (c >= 0xAC00 && c <= 0xD7A3) return "ㄱㄱㄴㄷㄷㄹㅁㅂㅂㅅㅅㅇㅈㅈㅊㅋㅌㅍㅎ"[Math.floor((c - 0xAC00) / 588)];
					return s[0].toUpperCase();
				};
				const h = document.getElementById(decodeURIComponent(location.hash.slice(1)));
				if (!h) return [location.hash, "", "", ""];
				const first = [...document.querySelectorAll(".prose h2")].find(x => initial(x.textContent.trim()) === initial(h.textContent.trim()));
				const atBottom = scrollY + innerHeight >= document.documentElement.scrollHeight - 1;
				const top = h.getBoundingClientRect().top;
				return [h.tagName, initial(h.textContent.trim()), top > -2 && (top < 24 || atBottom) ? "top" : String(Math.round(top)), first === h ? "first" : first.id];
			})()`)
			if got[0] != "H2" || got[1] != letter || got[3] != "first" {
				t.Errorf("%s: the letter %s led to %s starting with %q (%s), want the first term starting with it", path, letter, got[0], got[1], got[3])
			}
			if top := got[2]; top != "top" {
				t.Errorf("%s: after the letter %s, the term is at %spx, want it at the top of the window", path, letter, top)
			}
		}
	}
}

// TestGlossaryScreenshots photographs the top of the glossary, its index
// and contents, at a phone's and a desktop's width, for review.
func TestGlossaryScreenshots(t *testing.T) {
	t.Parallel()
	wantScreenshots(t)
	ctx, _ := tab(t)
	if err := os.MkdirAll(screenshotDir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "ko"} {
		path := lang + "/glossary/"
		if !contains(pagePaths(t), path) {
			t.Skipf("the content has no glossary in %s", lang)
		}
		for _, w := range []int64{375, 1280} {
			viewport(t, ctx, w, 1100)
			if err := open(ctx, path); err != nil {
				t.Fatal(err)
			}
			png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(screenshotDir, lang+"-glossary-"+itoa64(w)+"-light.png"), png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestSkipLinkLeavesMainAlone follows the skip link: the page moves to
// <main>, whose background stays the page's, not the yellow of a term
// landed on.
func TestSkipLinkLeavesMainAlone(t *testing.T) {
	t.Parallel()
	ctx, _ := tab(t)
	viewport(t, ctx, 1280, 900)
	for _, path := range []string{"en/", "ko/barriers/"} {
		if err := open(ctx, path); err != nil {
			t.Fatal(err)
		}
		before := eval[string](t, ctx, `getComputedStyle(document.querySelector("main")).backgroundColor`)
		press(t, ctx, kb.Tab)
		press(t, ctx, kb.Enter)
		hash := eval[string](t, ctx, `location.hash`)
		after := eval[string](t, ctx, `getComputedStyle(document.querySelector("main")).backgroundColor`)
		if hash != "#main" {
			t.Fatalf("%s: the skip link went to %q, want #main", path, hash)
		}
		if after != before || after != "rgba(0, 0, 0, 0)" {
			t.Errorf("%s: after the skip link, <main> is %s (before: %s), want it transparent", path, after, before)
		}
	}
}

// TestHeadingsAreSans asks Chromium which fonts it drew the headings
// with: on this system, as on Android, none may be a serif.
func TestHeadingsAreSans(t *testing.T) {
	t.Parallel()
	ctx, _ := tab(t)
	viewport(t, ctx, 1280, 900)
	for _, path := range []string{"en/", "ko/", "en/glossary/", "ko/barriers/", "404.html"} {
		if err := open(ctx, path); err != nil {
			t.Fatal(err)
		}
		ids, err := chromedp.Run(ctx, chromedp.QueryNodeIDs(chromedp.CSSAll("h1, h2, .site-title")))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Call(ctx, css.Enable, cdp.Empty{}); err != nil {
			t.Fatal(err)
		}
		for _, id := range ids[:min(len(ids), 6)] {
			res, err := chromedp.Call(ctx, css.GetPlatformFontsForNode, css.GetPlatformFontsForNodeParams{NodeID: id})
			if err != nil {
				t.Fatal(err)
			}
			fonts := res.Fonts
			name := fmt.Sprint("heading ", id)
			for _, f := range fonts {
				if name := strings.ToLower(f.FamilyName); strings.Contains(name, "serif") && !strings.Contains(name, "sans") {
					t.Errorf("%s: a %s is drawn in %s, a serif", path, name, f.FamilyName)
				}
			}
			if len(fonts) == 0 {
				t.Errorf("%s: Chromium reports no font for a %s", path, name)
			}
		}
	}
}

// particleLines finds, in a Korean page's text, every closing bracket
// followed by Hangul, "(NTE)를", and reports the pairs drawn on two
// lines, and how many of the brackets' words start a line (a break that
// could have fallen between the bracket and its particle).
const particleLines = `(() => {
	const walker = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT);
	const nodes = [];
	for (let n; (n = walker.nextNode());) nodes.push(n);
	const out = {split: [], atLineStart: 0, pairs: 0, width: innerWidth};
	const rect = (node, i) => { const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1); return r.getClientRects()[0]; };
	// The character before (k, i) in the text, across elements.
	const back = (k, i) => { while (i === 0) { if (--k < 0) return null; i = nodes[k].data.length; } return [k, i - 1]; };
	nodes.forEach((n, k) => {
		const re = /[)\u201D\u2019]([\uAC00-\uD7A3])/g;
		for (let m; (m = re.exec(n.data));) {
			const close = rect(n, m.index), next = rect(n, m.index + 1);
			if (!close || !next) continue;
			out.pairs++;
			if (Math.abs(close.top - next.top) > 2) out.split.push(n.data.slice(Math.max(0, m.index - 12), m.index + 3));
			// Where the word ending in the mark starts: after a space.
			let at = [k, m.index], prev;
			while ((prev = back(...at)) && !/\s/.test(nodes[prev[0]].data[prev[1]])) at = prev;
			if (!prev) continue;
			const a = rect(nodes[prev[0]], prev[1]), b = rect(nodes[at[0]], at[1]);
			if (a && b && b.top - a.top > 2) out.atLineStart++;
		}
	});
	return out;
})()`

type particleResult struct {
	Split       []string `json:"split"`
	AtLineStart int      `json:"atLineStart"`
	Pairs       int      `json:"pairs"`
	Width       int64    `json:"width"` // the window's, to be sure it changed
}

// TestKoreanParticlesStayWithBrackets narrows Korean pages step by step
// (widening them from 320px, in place) and checks that no particle starts a line after the closing bracket it
// belongs to ("(NTE)" at a line's end, "를" below it). It also checks
// that the case was met: at some widths the line broke before the
// bracketed word instead.
func TestKoreanParticlesStayWithBrackets(t *testing.T) {
	t.Parallel()
	ctx, _ := tab(t)
	moved, pairs := 0, 0
	for _, path := range []string{"ko/", "ko/glossary/"} {
		// Loaded once; the lines break anew at each width, as when a
		// reader turns a phone (the pages' scripts do not look at it).
		viewport(t, ctx, 320, 800)
		if err := open(ctx, path); err != nil {
			t.Fatal(err)
		}
		for w := int64(320); w <= 420; w += 4 {
			viewport(t, ctx, w, 800)
			r := eval[particleResult](t, ctx, particleLines)
			if r.Width != w {
				t.Fatalf("%s: the window is %dpx wide, want %dpx", path, r.Width, w)
			}
			for _, s := range r.Split {
				t.Errorf("%s at %dpx: a particle starts a line after its bracket: %q", path, w, s)
			}
			moved += r.AtLineStart
			pairs += r.Pairs
		}
	}
	if pairs == 0 || moved == 0 {
		t.Errorf("met %d bracket-particle pairs, %d of them at the start of a line: the case was not tried", pairs, moved)
	}
}

// TestKoreanRunsKeepLineHeight checks that an English paragraph with
// Korean words in it is as tall as its lines at the paragraph's line
// height: the Korean font does not push its lines apart.
func TestKoreanRunsKeepLineHeight(t *testing.T) {
	t.Parallel()
	ctx, _ := tab(t)
	viewport(t, ctx, 375, 800)
	checked := 0
	for _, path := range []string{"en/", "en/glossary/"} {
		if err := open(ctx, path); err != nil {
			t.Fatal(err)
		}
		bad := eval[[]string](t, ctx, `[...document.querySelectorAll("main p")].filter(p => p.querySelector("[lang=ko]")).map(p => {
			window.__checked = (window.__checked || 0) + 1;
			const lh = parseFloat(getComputedStyle(p).lineHeight), h = p.getBoundingClientRect().height;
			const lines = Math.round(h / lh);
			return Math.abs(h - lines * lh) > 1 ? h.toFixed(1) + "px for " + lines + " lines of " + lh.toFixed(1) + "px: " + p.textContent.slice(0, 60) : "";
		}).filter(Boolean)`)
		checked += eval[int](t, ctx, `window.__checked || 0`)
		for _, b := range bad {
			t.Errorf("%s: a paragraph with Korean in it is %s", path, b)
		}
	}
	if checked == 0 {
		t.Error("no English paragraph with Korean words was found to check")
	}
}

// builtPage is the HTML of a page built, by its address below basePath.
func builtPage(t *testing.T, path string) string {
	t.Helper()
	html, err := os.ReadFile(filepath.Join(outDir, filepath.FromSlash(path), "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	return string(html)
}
