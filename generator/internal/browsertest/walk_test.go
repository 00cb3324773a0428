package browsertest

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// The tests that look at every page (TestPagesLoadCleanly,
// TestAccessibility, TestNoSidewaysScroll, TestLanguageSwitcher) share one
// visit to each page: a page load costs Chromium about a quarter of a CPU
// second, as much as the looking, so each page is loaded once for all four
// rather than once for each. The language switcher's click is itself the
// load of the page it leads to, which is looked at there: a pair of
// translations costs three loads (open, click, click back).
//
// The walk starts in its own tab when the first of those tests starts. They
// run in parallel, so after the package's other tests, which run in another
// tab meanwhile: Chromium works on two pages at once, one a core. Then each
// of them reports its own part of what the walk found.

// visit is what the walk found on one page.
type visit struct {
	path     string   // below basePath
	problems []string // seen while the page loaded and was looked at
	unmarked []string // English pages: Korean text without lang="ko"
	axe      []axeRun // light, then dark; none for the root page, or without axe-core
	width    int      // the document's width in a 320px viewport; 0 for the root page
	wide     string   // when wider than 320px: the elements that stick out
	switcher *switched
}

// axeRun is axe-core's verdict on a page in one color scheme.
type axeRun struct {
	scheme     string
	dark       bool // what the page saw: prefers-color-scheme: dark
	violations []violation
}

// switched is what clicking a page's language switcher led to.
type switched struct {
	kind, target  string // before: the page's kind (body class), the switcher's hreflang
	lang, gotKind string // after: the page's language and kind
	back, at      string // after: where its switcher points, its path
}

var (
	walkOnce  sync.Once
	walkDone  = make(chan struct{})
	walkLog   sync.Once
	walked    []*visit
	walkLoads int
	walkTook  time.Duration
	walkErr   error
)

// visits starts the walk if no test has yet, marks the test parallel, and
// returns, once the walk is over, what it found on every page.
func visits(t *testing.T) []*visit {
	t.Helper()
	needBrowser(t)
	paths := pagePaths(t)
	axe := axeInstalled()
	walkOnce.Do(func() {
		go func() {
			defer close(walkDone)
			start := time.Now()
			walked, walkLoads, walkErr = walk(paths, axe)
			walkTook = time.Since(start)
		}()
	})
	t.Parallel()
	<-walkDone
	if walkErr != nil {
		t.Fatal(walkErr)
	}
	if len(walked) != len(paths) {
		t.Fatalf("the walk looked at %d pages of %d", len(walked), len(paths))
	}
	walkLog.Do(func() {
		t.Logf("walked %d pages with %d loads in %v", len(walked), walkLoads, walkTook.Round(time.Millisecond))
	})
	return walked
}

// stepTime bounds one step of the walk: a load and the look at the page.
const stepTime = 2 * time.Minute

// walk opens every page not yet seen and looks at it, then follows its
// language switcher to its translation and looks at that, and so on until
// the switcher leads to a page already seen. It returns the visits in the
// order of paths and how many loads they took.
func walk(paths []string, axe bool) ([]*visit, int, error) {
	tctx, cancel, probs, err := newTab()
	if err != nil {
		return nil, 0, err
	}
	defer cancel()
	byPath := make(map[string]*visit, len(paths))
	loads := 0
	for _, p := range paths {
		if byPath[p] != nil {
			continue
		}
		cur, arrived := p, false
		for {
			ctx, stop := context.WithTimeout(tctx, stepTime)
			if !arrived {
				err = prepare(ctx)
				if err == nil {
					err = open(ctx, cur)
				}
				loads++
			}
			var v *visit
			var next string
			if err == nil {
				v, err = look(ctx, probs, cur, axe)
			}
			if err == nil && v.hasSwitcher() {
				next, err = followSwitcher(ctx, v)
				loads++
			}
			stop()
			if err != nil {
				return nil, loads, fmt.Errorf("%s: %w", cur, err)
			}
			byPath[cur] = v
			if v.switcher == nil {
				break
			}
			// What the page the switcher led to showed while loading.
			if seen := byPath[next]; seen != nil || !slices.Contains(paths, next) {
				if seen == nil {
					seen = v
				}
				seen.problems = append(seen.problems, probs.take()...)
				break
			}
			cur, arrived = next, true
		}
	}
	out := make([]*visit, 0, len(paths))
	for _, p := range paths {
		out = append(out, byPath[p])
	}
	return out, loads, nil
}

// prepare puts the tab as a reader's browser comes: a screen in the light
// scheme, at the window's own size.
func prepare(ctx context.Context) error {
	if err := theme(ctx, "light"); err != nil {
		return err
	}
	_, err := chromedp.Call(ctx, emulation.ClearDeviceMetricsOverride, struct{}{})
	return err
}

func (v *visit) hasSwitcher() bool {
	return strings.HasPrefix(v.path, "en/") || strings.HasPrefix(v.path, "ko/")
}

// look records what the loaded page at path shows: the problems of its
// load, unmarked Korean, axe-core's violations in the light and the dark
// scheme, and its width at 320px. It leaves the tab as prepare does.
func look(ctx context.Context, probs *problems, path string, axe bool) (*visit, error) {
	v := &visit{path: path, problems: probs.take()}
	var err error
	if strings.HasPrefix(path, "en/") {
		if v.unmarked, err = evalErr[[]string](ctx, unmarkedKorean); err != nil {
			return nil, err
		}
	}
	if path == "" {
		// The root page only sends the reader on.
		return v, nil
	}
	for _, scheme := range []string{"light", "dark"} {
		if !axe {
			break
		}
		// The scheme switches in place, as when a reader's system does.
		r := axeRun{scheme: scheme}
		if err := theme(ctx, scheme); err != nil {
			return nil, err
		}
		if r.dark, err = evalErr[bool](ctx, `matchMedia("(prefers-color-scheme: dark)").matches`); err != nil {
			return nil, err
		}
		if r.violations, err = runAxe(ctx); err != nil {
			return nil, err
		}
		v.axe = append(v.axe, r)
	}
	if err := measureWidth(ctx, v); err != nil {
		return nil, err
	}
	v.problems = append(v.problems, probs.take()...)
	return v, prepare(ctx)
}

// measureWidth narrows the viewport to 320px, the narrowest phone width
// WCAG asks pages to reflow to, and records how wide the page is there.
func measureWidth(ctx context.Context, v *visit) error {
	if err := theme(ctx, "light"); err != nil {
		return err
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(320, 640)); err != nil {
		return err
	}
	var err error
	if v.width, err = evalErr[int](ctx, `document.documentElement.scrollWidth`); err != nil || v.width <= 320 {
		return err
	}
	v.wide, err = evalErr[string](ctx, `[...document.querySelectorAll("body *")].filter(e => e.getBoundingClientRect().right > 321).slice(0, 3).map(e => e.outerHTML.slice(0, 100)).join("\n\t")`)
	return err
}

// followSwitcher clicks the page's language switcher, records where it
// led, and returns the path (below basePath) of the page it led to, loaded.
func followSwitcher(ctx context.Context, v *visit) (string, error) {
	s := &switched{}
	var err error
	if s.kind, err = evalErr[string](ctx, `document.body.className`); err != nil {
		return "", err
	}
	if s.target, err = evalErr[string](ctx, `document.querySelector(".lang-switch a").getAttribute("hreflang")`); err != nil {
		return "", err
	}
	if _, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(".lang-switch a"))); err != nil {
		return "", fmt.Errorf("clicking the language switcher: %w", err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.readyState === "complete"`)); err != nil {
		return "", err
	}
	for _, f := range []struct {
		to *string
		js string
	}{
		{&s.lang, `document.documentElement.lang`},
		{&s.gotKind, `document.body.className`},
		{&s.back, `document.querySelector(".lang-switch a") ? document.querySelector(".lang-switch a").href : ""`},
		{&s.at, `location.pathname`},
	} {
		if *f.to, err = evalErr[string](ctx, f.js); err != nil {
			return "", err
		}
	}
	v.switcher = s
	return strings.TrimPrefix(s.at, basePath), nil
}
