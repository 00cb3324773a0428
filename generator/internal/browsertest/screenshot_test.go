package browsertest

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// screenshotDir is git-ignored; the screenshots are for people to review.
var screenshotDir = filepath.Join(repoRoot, "testdata", "screenshots")

// screenshotPages are the pages photographed: the home page, the barrier
// index, the first barrier with a chart, the first other page, and the
// "not found" page.
func screenshotPages(t *testing.T, lang string) map[string]string {
	out := map[string]string{"home": lang + "/", "barriers": lang + "/barriers/"}
	if lang == result.Site.Config.Default() {
		out["404"] = "404.html" // in every language at once
	}
	for _, p := range langPages(t, lang) {
		html, err := os.ReadFile(filepath.Join(outDir, filepath.FromSlash(p), "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		isBarrier := strings.HasPrefix(p, lang+"/barriers/") && p != lang+"/barriers/"
		if _, ok := out["barrier"]; !ok && isBarrier && strings.Contains(string(html), `class="chart"`) {
			out["barrier"] = p
		}
		if _, ok := out["page"]; !ok && strings.Contains(string(html), `class="kind-page"`) {
			out["page"] = p
		}
	}
	return out
}

// TestScreenshots writes full-page screenshots at a phone's and a
// desktop's width, in both languages, light and (home page) dark, and
// checks that no page scrolls sideways at those widths.
func TestScreenshots(t *testing.T) {
	ctx, _ := tab(t)
	if err := os.MkdirAll(screenshotDir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, width := range []int64{375, 1280} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 900)); err != nil {
			t.Fatal(err)
		}
		for _, lang := range []string{"en", "ko"} {
			for name, path := range screenshotPages(t, lang) {
				for _, scheme := range []string{"light", "dark"} {
					if scheme == "dark" && name != "home" && name != "barrier" {
						continue
					}
					if err := theme(ctx, scheme); err != nil {
						t.Fatal(err)
					}
					if err := open(ctx, path); err != nil {
						t.Fatal(err)
					}
					png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
					if err != nil {
						t.Fatal(err)
					}
					file := filepath.Join(screenshotDir, lang+"-"+name+"-"+itoa64(width)+"-"+scheme+".png")
					if err := os.WriteFile(file, png, 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
	}
	if err := theme(ctx, "light"); err != nil {
		t.Fatal(err)
	}
	// The print stylesheet, at a sheet of paper's width.
	for _, lang := range []string{"en", "ko"} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(800, 1100)); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
			t.Fatal(err)
		}
		if err := open(ctx, screenshotPages(t, lang)["barrier"]); err != nil {
			t.Fatal(err)
		}
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(screenshotDir, lang+"-barrier-print.png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{}); err != nil {
			t.Fatal(err)
		}
	}
	// The search box with results, as a reader typing sees it.
	for _, width := range []int64{375, 1280} {
		for lang, q := range map[string]string{"en": "cloud", "ko": "클라우드"} {
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 900)); err != nil {
				t.Fatal(err)
			}
			if err := open(ctx, lang+"/"); err != nil {
				t.Fatal(err)
			}
			if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("search-q"), q)); err != nil {
				t.Fatal(err)
			}
			if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById("search-status").textContent !== ""`)); err != nil {
				t.Fatal(err)
			}
			png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
			if err != nil {
				t.Fatal(err)
			}
			file := filepath.Join(screenshotDir, lang+"-search-"+itoa64(width)+"-light.png")
			if err := os.WriteFile(file, png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestNoSidewaysScroll loads every page at 320px, the narrowest phone
// width WCAG asks to reflow to, and fails where the page is wider.
func TestNoSidewaysScroll(t *testing.T) {
	ctx, _ := tab(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(320, 640)); err != nil {
		t.Fatal(err)
	}
	for _, path := range pagePaths(t) {
		if path == "" {
			continue
		}
		if err := open(ctx, path); err != nil {
			t.Fatal(err)
		}
		if w := eval[int](t, ctx, `document.documentElement.scrollWidth`); w > 320 {
			wide := eval[string](t, ctx, `[...document.querySelectorAll("body *")].filter(e => e.getBoundingClientRect().right > 321).slice(0, 3).map(e => e.outerHTML.slice(0, 100)).join("\n\t")`)
			t.Errorf("%s is %dpx wide at 320px; too wide:\n\t%s", path, w, wide)
		}
	}
}

func itoa64(i int64) string { return strconv.FormatInt(i, 10) }
