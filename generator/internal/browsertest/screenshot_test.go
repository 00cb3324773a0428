package browsertest

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
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

// wantScreenshots skips a test that only writes pictures for people to
// look at, unless $EXPLAINER_SCREENSHOTS is set, as `make screenshots`
// does (and .ci/run after `make test`): they check nothing the other
// tests do not, and would cost `make test` a tenth of its time.
func wantScreenshots(t *testing.T) {
	t.Helper()
	if os.Getenv("EXPLAINER_SCREENSHOTS") == "" {
		t.Skip("screenshots are written by make screenshots")
	}
}

// screenshotWidths are a phone's and a desktop's.
var screenshotWidths = []int64{375, 1280}

// TestScreenshots writes full-page screenshots at a phone's and a
// desktop's width, in both languages (a tab each, at once), light and
// (home page and barrier) dark; then the print stylesheet and the search
// box with results. Each page is loaded once and photographed at every
// width and in every scheme: its layout follows the viewport and the
// scheme in place, as when a reader turns a phone or their system turns
// dark.
func TestScreenshots(t *testing.T) {
	t.Parallel()
	wantScreenshots(t)
	if err := os.MkdirAll(screenshotDir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "ko"} {
		t.Run(lang, func(t *testing.T) {
			t.Parallel()
			ctx, _ := tab(t)
			for name, path := range screenshotPages(t, lang) {
				if err := theme(ctx, "light"); err != nil {
					t.Fatal(err)
				}
				if err := open(ctx, path); err != nil {
					t.Fatal(err)
				}
				for _, width := range screenshotWidths {
					resize(t, ctx, width, 900)
					for _, scheme := range []string{"light", "dark"} {
						if scheme == "dark" && name != "home" && name != "barrier" {
							continue
						}
						if err := theme(ctx, scheme); err != nil {
							t.Fatal(err)
						}
						shoot(t, ctx, true, lang+"-"+name+"-"+itoa64(width)+"-"+scheme)
					}
				}
			}
			screenshotPrint(t, ctx, lang)
			screenshotSearch(t, ctx, lang)
		})
	}
}

// screenshotPrint photographs a barrier with the print stylesheet, at a
// sheet of paper's width. Unlike the scheme, print media is set before
// the load: switched in place, the page would keep its screen layout's
// height.
func screenshotPrint(t *testing.T, ctx context.Context, lang string) {
	if err := theme(ctx, "light"); err != nil {
		t.Fatal(err)
	}
	resize(t, ctx, 800, 1100)
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	if err := open(ctx, screenshotPages(t, lang)["barrier"]); err != nil {
		t.Fatal(err)
	}
	shoot(t, ctx, true, lang+"-barrier-print")
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{}); err != nil {
		t.Fatal(err)
	}
}

// screenshotSearch photographs the search box with results, as a reader
// typing sees it, at each width.
func screenshotSearch(t *testing.T, ctx context.Context, lang string) {
	if err := theme(ctx, "light"); err != nil {
		t.Fatal(err)
	}
	resize(t, ctx, screenshotWidths[0], 900)
	if err := open(ctx, lang+"/"); err != nil {
		t.Fatal(err)
	}
	q := map[string]string{"en": "cloud", "ko": "클라우드"}[lang]
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("search-q"), q)); err != nil {
		t.Fatal(err)
	}
	if err := waitForResults(ctx, q); err != nil {
		t.Fatal(err)
	}
	for _, width := range screenshotWidths {
		resize(t, ctx, width, 900)
		shoot(t, ctx, false, lang+"-search-"+itoa64(width)+"-light")
	}
}

func resize(t *testing.T, ctx context.Context, width, height int64) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, height)); err != nil {
		t.Fatal(err)
	}
}

// shoot writes a PNG of the whole page (or of the viewport) as name.png
// in screenshotDir. It is encoded for speed rather than size: the
// pictures are only looked at, and the smallest encoding of a long page
// cost Chromium more than loading it.
func shoot(t *testing.T, ctx context.Context, fullPage bool, name string) {
	t.Helper()
	yes := true
	r, err := chromedp.Call(ctx, page.CaptureScreenshot, page.CaptureScreenshotParams{
		Format: page.CaptureScreenshotFormatPng, CaptureBeyondViewport: &fullPage, FromSurface: &yes, OptimizeForSpeed: &yes,
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(screenshotDir, name+".png"), r.Data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func itoa64(i int64) string { return strconv.FormatInt(i, 10) }
