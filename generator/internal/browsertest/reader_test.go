package browsertest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// sharedAnchor returns a barrier page in English and the anchor of a
// heading it shares with its Korean page: #since-the-report in the real
// content, #report in testdata/site.txtar.
func sharedAnchor(t *testing.T) (path, anchor string) {
	t.Helper()
	for _, anchor := range []string{"since-the-report", "report"} {
		for _, p := range langPages(t, "en") {
			if !strings.HasPrefix(p, "en/barriers/") || p == "en/barriers/" {
				continue
			}
			ko := "ko/" + strings.TrimPrefix(p, "en/")
			if hasID(t, p, anchor) && hasID(t, ko, anchor) {
				return p, anchor
			}
		}
	}
	t.Fatal("no barrier has a heading anchor shared by its English and Korean pages")
	return "", ""
}

func hasID(t *testing.T, path, id string) bool {
	html, err := os.ReadFile(filepath.Join(outDir, filepath.FromSlash(path), "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	return strings.Contains(string(html), ` id="`+id+`"`)
}

// TestLanguageSwitchKeepsAnchor: the switch leads to the same heading in
// the other language and back, whether the page was opened at the anchor
// or the reader followed a heading's "#" link to it.
func TestLanguageSwitchKeepsAnchor(t *testing.T) {
	t.Parallel()
	ctx, probs := tab(t)
	path, anchor := sharedAnchor(t)
	if err := open(ctx, path+"#"+anchor); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"ko", "en"} {
		if _, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(".lang-switch a"))); err != nil {
			t.Fatalf("clicking the language switcher: %v", err)
		}
		lang := eval[string](t, ctx, `document.documentElement.lang`)
		hash := eval[string](t, ctx, `location.hash`)
		if lang != want || hash != "#"+anchor {
			t.Errorf("the switcher led to a page in %q at %q, want %q at #%s", lang, hash, want, anchor)
		}
	}
	// Opened at the top, the page's switch follows the anchor the reader
	// goes to.
	if err := open(ctx, path); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`a.heading-link[href="#`+anchor+`"]`))); err != nil {
		t.Fatalf("clicking the heading's permalink: %v", err)
	}
	// hashchange comes after the click, as a task of its own.
	want := pageURL("ko/"+strings.TrimPrefix(path, "en/")) + "#" + anchor
	const href = `document.querySelector(".lang-switch a").href`
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](href+` === "`+want+`"`, chromedp.WithPollingTimeout(5*time.Second)))
	if got := eval[string](t, ctx, href); err != nil || got != want {
		t.Errorf("after following #%s, the switcher points to %s, want %s", anchor, got, want)
	}
	for _, p := range probs.take() {
		t.Error(p)
	}
}

// TestNavMarksSection: on a barrier and a sector page, the menu marks
// "All barriers" as the section the reader is in; on the index, as the
// page itself; elsewhere, nothing of it.
func TestNavMarksSection(t *testing.T) {
	t.Parallel()
	ctx, _ := tab(t)
	path, _ := sharedAnchor(t)
	var sector string
	for _, p := range langPages(t, "ko") {
		if strings.HasPrefix(p, "ko/sectors/") {
			sector = p
			break
		}
	}
	const current = `(() => { const a = document.querySelector(".site-nav a[href$='/barriers/']");
		return a.getAttribute("aria-current") || "" })()`
	for _, c := range []struct{ path, want string }{
		{path, "true"}, {"ko/" + strings.TrimPrefix(path, "en/"), "true"}, {sector, "true"},
		{"en/barriers/", "page"}, {"en/", ""},
	} {
		if err := open(ctx, c.path); err != nil {
			t.Fatal(err)
		}
		if got := eval[string](t, ctx, current); got != c.want {
			t.Errorf("%s: the menu's barriers item has aria-current=%q, want %q", c.path, got, c.want)
		}
	}
}

// TestCopyLink clicks the copy button beside a heading, in each language:
// the clipboard holds the page's address with the heading's anchor, and
// the button and the status line say so in the page's language.
func TestCopyLink(t *testing.T) {
	t.Parallel()
	ctx, probs := tab(t)
	// The page may write to the clipboard, and this test read it, as a
	// focused tab with the reader's leave.
	for _, name := range []string{"clipboard-write", "clipboard-read"} {
		_, err := chromedp.CallBrowser(ctx, browser.SetPermission, browser.SetPermissionParams{
			Permission: &browser.PermissionDescriptor{Name: name}, Setting: browser.PermissionSettingGranted, Origin: server.URL,
		})
		if err != nil {
			t.Fatalf("granting %s: %v", name, err)
		}
	}
	if _, err := chromedp.Call(ctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true}); err != nil {
		t.Fatal(err)
	}
	path, anchor := sharedAnchor(t)
	for lang, copied := range map[string]string{"en": "Link copied", "ko": "링크를 복사했습니다"} {
		p := lang + "/" + strings.TrimPrefix(path, "en/")
		if err := open(ctx, p); err != nil {
			t.Fatal(err)
		}
		button := `a.heading-link[href="#` + anchor + `"] + button.copy-link`
		if !eval[bool](t, ctx, `!!document.querySelector('`+button+`')`) {
			t.Fatalf("%s: no copy button after the permalink of #%s", p, anchor)
		}
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(button))); err != nil {
			t.Fatalf("%s: clicking the copy button: %v", p, err)
		}
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById("site-copy-status").textContent !== ""`)); err != nil {
			t.Fatalf("%s: no confirmation: %v", p, err)
		}
		got := eval[string](t, ctx, `navigator.clipboard.readText()`)
		if want := pageURL(p) + "#" + anchor; got != want {
			t.Errorf("%s: the clipboard holds %q, want %q", p, got, want)
		}
		shown := eval[string](t, ctx, `document.querySelector('`+button+`').textContent`)
		said := eval[string](t, ctx, `document.getElementById("site-copy-status").textContent`)
		if shown != copied || said != copied {
			t.Errorf("%s: the button shows %q and the status says %q, want %q", p, shown, said, copied)
		}
	}
	for _, p := range probs.take() {
		t.Error(p)
	}
}

// TestPermalinkShownOnFocus tabs to a heading's "#" link: hidden until
// then, visible once it has the focus.
func TestPermalinkShownOnFocus(t *testing.T) {
	t.Parallel()
	ctx, _ := tab(t)
	path, _ := sharedAnchor(t)
	if err := open(ctx, path); err != nil {
		t.Fatal(err)
	}
	const opacity = `getComputedStyle(document.querySelector("a.heading-link")).opacity`
	if got := eval[string](t, ctx, opacity); got != "0" {
		t.Errorf("the first heading's # has opacity %s before it has the focus, want 0", got)
	}
	for range 200 {
		press(t, ctx, kb.Tab)
		if eval[bool](t, ctx, `document.activeElement.classList.contains("heading-link")`) {
			break
		}
	}
	if !eval[bool](t, ctx, `document.activeElement === document.querySelector("a.heading-link")`) {
		t.Fatal("Tab never reached the first heading's # link")
	}
	if got := eval[string](t, ctx, opacity); got != "1" {
		t.Errorf("the focused # link has opacity %s, want 1", got)
	}
}
