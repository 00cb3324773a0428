package browsertest

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

type focused struct {
	Index   int     `json:"index"`   // in the page's focusable elements, -1 if none
	Skip    bool    `json:"skip"`    // the skip link
	InMain  bool    `json:"inMain"`  // inside <main>
	Outline string  `json:"outline"` // computed outline style
	Width   float64 `json:"width"`   // computed outline width, px
	Top     float64 `json:"top"`     // position in the viewport
	Label   string  `json:"label"`
}

// A link inside a closed <details> (the overview's table) is laid out but
// not reachable until the details are opened; a link out of the Tab order
// (tabindex -1, the overview's squares) is not reached by Tab at all.
const focusables = `window.__focusables = [...document.querySelectorAll("a[href], input, button, summary, select, textarea")]
	.filter(e => e.getClientRects().length > 0 && !e.closest("[hidden]") && e.tabIndex >= 0 &&
		!(e.closest("details:not([open])") && e.tagName !== "SUMMARY")); window.__focusables.length`

const whatIsFocused = `(() => {
	const e = document.activeElement, s = getComputedStyle(e), r = e.getBoundingClientRect();
	return {index: window.__focusables.indexOf(e), skip: e.classList.contains("skip-link"),
		inMain: !!e.closest("main"), outline: s.outlineStyle, width: parseFloat(s.outlineWidth) || 0,
		top: r.top, label: (e.textContent || e.value || e.tagName).trim().slice(0, 40)};
})()`

func press(t *testing.T, ctx context.Context, key string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.KeyEvent(key)); err != nil {
		t.Fatal(err)
	}
}

// keyboardPages are the pages tried with the keyboard: one of each kind.
func keyboardPages(t *testing.T, lang string) []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range langPages(t, lang) {
		var kind string
		switch {
		case p == lang+"/", p == lang+"/barriers/":
			kind = p
		case strings.HasPrefix(p, lang+"/barriers/"):
			kind = "barrier"
		case strings.HasPrefix(p, lang+"/sectors/"):
			kind = "sector"
		default:
			kind = "page"
		}
		if !seen[kind] {
			seen[kind] = true
			out = append(out, p)
		}
	}
	return out
}

// TestKeyboard tabs through pages of every kind: the skip link comes
// first and is visible, every link and control is reached, each with a
// visible focus outline.
func TestKeyboard(t *testing.T) {
	t.Parallel()
	ctx, _ := tab(t)
	for _, lang := range []string{"en", "ko"} {
		for _, path := range keyboardPages(t, lang) {
			if err := open(ctx, path); err != nil {
				t.Fatal(err)
			}
			n := eval[int](t, ctx, focusables)
			// The page notes what has the focus as each key comes, before
			// the key moves it: the state each Tab left, read at once
			// after the last, rather than a round trip after each.
			eval[bool](t, ctx, `(window.__seen = [], addEventListener("keydown", () => window.__seen.push(`+whatIsFocused+`), true), true)`)
			for range n + 2 {
				press(t, ctx, kb.Tab)
			}
			seen := eval[[]focused](t, ctx, `[...window.__seen.slice(1), `+whatIsFocused+`]`)
			if len(seen) != n+2 {
				t.Fatalf("%s: %d states noted for %d presses of Tab", path, len(seen), n+2)
			}
			reached := make([]bool, n)
			for i, f := range seen {
				if i == 0 && (!f.Skip || f.Top < 0) {
					t.Errorf("%s: the first Tab reached %q at top %.0f, want the visible skip link", path, f.Label, f.Top)
				}
				if f.Index >= 0 {
					reached[f.Index] = true
					if f.Outline == "none" || f.Width < 2 {
						t.Errorf("%s: %q has no visible focus (outline %s %.1fpx)", path, f.Label, f.Outline, f.Width)
					}
				}
			}
			for i, ok := range reached {
				if !ok {
					label := eval[string](t, ctx, `window.__focusables[`+strconv.Itoa(i)+`].outerHTML.slice(0, 120)`)
					t.Errorf("%s: Tab never reached %s", path, label)
				}
			}
		}
	}
}

// TestSkipLinkAndSwitcherByKeyboard follows the skip link and the
// language switcher with the keyboard alone.
func TestSkipLinkAndSwitcherByKeyboard(t *testing.T) {
	t.Parallel()
	ctx, _ := tab(t)
	if err := open(ctx, "ko/"); err != nil {
		t.Fatal(err)
	}
	eval[int](t, ctx, focusables)
	press(t, ctx, kb.Tab)
	press(t, ctx, kb.Enter)
	press(t, ctx, kb.Tab)
	if f := eval[focused](t, ctx, whatIsFocused); !f.InMain {
		t.Errorf("after the skip link, Tab reached %q, outside <main>", f.Label)
	}

	if err := open(ctx, "ko/"); err != nil {
		t.Fatal(err)
	}
	for range 10 {
		press(t, ctx, kb.Tab)
		if eval[bool](t, ctx, `!!document.activeElement.closest(".lang-switch")`) {
			break
		}
	}
	if _, err := chromedp.RunResponse(ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
		t.Fatal(err)
	}
	if lang := eval[string](t, ctx, `document.documentElement.lang`); lang != "en" {
		t.Errorf("Enter on the switcher of the Korean home page led to a page in %q, want en", lang)
	}
}
