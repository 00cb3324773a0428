package serve

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// browser returns a Chromium tab for the test, or skips the test when no
// Chromium is installed (and fails it when CI is set: there it must be).
// It looks for the browser as the browser tests do: $CHROMIUM, then
// Chromium's headless shell (what .ci/install installs), then the others.
func browser(t *testing.T) context.Context {
	t.Helper()
	path := os.Getenv("CHROMIUM")
	if path == "" {
		for _, name := range []string{"chromium-headless-shell", "chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
			if p, err := exec.LookPath(name); err == nil {
				path = p
				break
			}
		}
	}
	if path == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("CI is set but no Chromium is installed (.ci/run installs it)")
		}
		t.Skip("no Chromium installed: skipping the browser test")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(path), chromedp.NoSandbox)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(alloc)
	ctx, cancelTime := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(func() {
		cancelTime()
		cancelTab()
		cancelAlloc()
	})
	return ctx
}

// TestBrowserReloadsAndShowsProblems opens a page in Chromium and edits its
// file: the page reloads by itself and shows the edit; a bad edit puts the
// problem over the page, which stays; fixing it removes the overlay.
func TestBrowserReloadsAndShowsProblems(t *testing.T) {
	// Mostly waiting for Chromium and for reloads: it runs beside
	// TestSlowHeadersAreCut's wait.
	t.Parallel()
	ctx := browser(t)
	content, templates := testSite(t)
	s := start(t, Options{Content: content, Templates: templates})
	beef := filepath.Join(content, "barriers", "beef.ko.md")
	h1 := func() string {
		t.Helper()
		text, err := chromedp.Run(ctx, chromedp.TextContent("h1"))
		if err != nil {
			t.Fatal(err)
		}
		return text
	}
	// wait evaluates expr until it is true. Not chromedp.Poll: a reload
	// ends the page a poll runs in, which is what is being waited for.
	wait := func(what, expr string) {
		t.Helper()
		for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr)); err == nil && ok {
				return
			}
		}
		t.Fatal(what)
	}

	if err := chromedp.Do(ctx, chromedp.Navigate(s.URL()+"ko/barriers/beef/")); err != nil {
		t.Fatal(err)
	}
	if got := h1(); got != "쇠고기 수입" {
		t.Fatalf("page h1 %q", got)
	}

	edit(t, beef, "title: 쇠고기 수입", "title: 쇠고기 수입 제한")
	wait("the page did not reload with the edit", `document.querySelector("h1").textContent === "쇠고기 수입 제한"`)

	edit(t, beef, "sector: agriculture", "sector: agricultur")
	if err := chromedp.Do(ctx, chromedp.WaitVisible("#serve-overlay")); err != nil {
		t.Fatalf("no overlay after a bad edit: %v", err)
	}
	problem, err := chromedp.Run(ctx, chromedp.TextContent("#serve-overlay pre"))
	want := filepath.ToSlash(beef) + `:4:9: unknown sector "agricultur"; did you mean "agriculture"? (sectors are listed in site.yaml)`
	if err != nil || problem != want {
		t.Fatalf("overlay %q, %v; want %q", problem, err, want)
	}
	// The lines around it, the line at fault marked, as text (the
	// script never writes a file's text as HTML).
	marked, err := chromedp.Run(ctx, chromedp.TextContent("#serve-overlay .serve-mark"))
	if wantMark := ">    4 | sector: agricultur\n"; err != nil || marked != wantMark {
		t.Errorf("overlay's marked line %q, %v; want %q", marked, err, wantMark)
	}
	around, err := chromedp.Run(ctx, chromedp.TextContent("#serve-overlay .serve-context"))
	if err != nil || !strings.HasPrefix(around, "     2 | title: 쇠고기 수입 제한\n") || !strings.Contains(around, "     6 | sources:\n") {
		t.Errorf("overlay's lines around the problem %q, %v", around, err)
	}
	if got := h1(); got != "쇠고기 수입 제한" {
		t.Errorf("under the overlay the page shows %q, want the last good page", got)
	}

	edit(t, beef, "sector: agricultur", "sector: agriculture")
	wait("the overlay stayed after the fix", `document.readyState === "complete" && !document.getElementById("serve-overlay")`)
	if got := h1(); got != "쇠고기 수입 제한" {
		t.Fatalf("after the fix: h1 %q", got)
	}
}
