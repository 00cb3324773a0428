package browsertest

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// overviewFacts is what a page's overview shows, as the browser sees it.
type overviewFacts struct {
	Title     string   `json:"title"`
	Desc      string   `json:"desc"`
	Marks     []string `json:"marks"`     // the drawing's links, by href
	Names     []string `json:"names"`     // their accessible names
	Rows      []string `json:"rows"`      // the table's links, by href
	Cards     []string `json:"cards"`     // the barrier cards' links
	Drawn     int      `json:"drawn"`     // marks with a size on screen
	Focused   string   `json:"focused"`   // stroke width of a focused mark
	Unfocused string   `json:"unfocused"` // and of one that is not
}

const overviewJS = `(() => {
	const svg = document.querySelector("#barrier-overview svg.overview-chart");
	if (!svg) return null;
	const marks = [...svg.querySelectorAll("a")];
	const table = document.querySelector("#barrier-overview table");
	const rect = a => a.querySelector("rect");
	const first = marks[0], second = marks[1];
	first.focus();
	const focused = getComputedStyle(rect(first)).strokeWidth;
	const unfocused = getComputedStyle(rect(second)).strokeWidth;
	first.blur();
	return {
		title: svg.querySelector("title").textContent,
		desc: svg.querySelector("desc").textContent,
		marks: marks.map(a => a.getAttribute("href")),
		names: marks.map(a => a.getAttribute("aria-label")),
		rows: table ? [...table.querySelectorAll("tbody th a")].map(a => a.getAttribute("href")) : [],
		cards: [...document.querySelectorAll(".cards .card h3 a")].map(a => a.getAttribute("href")),
		drawn: marks.filter(a => { const r = rect(a).getBoundingClientRect(); return r.width >= 10 && r.height >= 10; }).length,
		focused, unfocused,
	};
})()`

// TestOverview checks the barrier index's overview in both languages: a
// square for every barrier, each a link to the barrier's page with a name,
// the same barriers in its table, a visible focus, no axe violation with
// the table open in either theme, and no sideways scroll at 320px, where
// the column labels must not run into each other.
func TestOverview(t *testing.T) {
	t.Parallel()
	src := axeSource(t)
	ctx, probs := tab(t)
	for _, lang := range []string{"en", "ko"} {
		path := lang + "/barriers/"
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900)); err != nil {
			t.Fatal(err)
		}
		if err := open(ctx, path); err != nil {
			t.Fatal(err)
		}
		f := eval[*overviewFacts](t, ctx, overviewJS)
		if f == nil {
			t.Fatalf("%s has no overview", path)
		}
		if f.Title == "" || f.Desc == "" {
			t.Errorf("%s: overview title %q, description %q; want both", path, f.Title, f.Desc)
		}
		cards := slices.Sorted(slices.Values(f.Cards))
		if len(cards) == 0 || !slices.Equal(slices.Sorted(slices.Values(f.Marks)), cards) {
			t.Errorf("%s: the overview links to\n\t%v\nthe cards to\n\t%v", path, f.Marks, f.Cards)
		}
		if !slices.Equal(f.Rows, f.Marks) {
			t.Errorf("%s: the overview's table lists\n\t%v\nits drawing\n\t%v", path, f.Rows, f.Marks)
		}
		for i, n := range f.Names {
			if strings.TrimSpace(n) == "" {
				t.Errorf("%s: the overview's link to %s has no name", path, f.Marks[i])
			}
		}
		if f.Drawn != len(f.Marks) {
			t.Errorf("%s: %d of %d squares are drawn at 10px or more", path, f.Drawn, len(f.Marks))
		}
		if f.Focused == f.Unfocused {
			t.Errorf("%s: a focused square looks like the others (stroke %s)", path, f.Focused)
		}
		eval[bool](t, ctx, `document.querySelector("#barrier-overview details").open = true`)
		checkAxe(t, ctx, src, path)
		// Narrowed in place, the table still open.
		resize(t, ctx, 320, 640)
		tooWide(t, ctx, path)
		overlaps := eval[[]string](t, ctx, `(() => {
			const boxes = [...document.querySelectorAll("#barrier-overview .overview-col")].map(e => [e.textContent, e.getBoundingClientRect()]);
			const out = [];
			for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
				const [a, r] = boxes[i], [b, s] = boxes[j];
				if (r.left < s.right && s.left < r.right && r.top < s.bottom && s.top < r.bottom) out.push(a + " / " + b);
			}
			return out;
		})()`)
		if len(overlaps) > 0 {
			t.Errorf("%s at 320px: column labels overlap: %v", path, overlaps)
		}
	}
	for _, p := range probs.take() {
		t.Error(p)
	}
}

// narrow loads a page at 320px and fails when the page is wider than the
// screen.
func narrow(t *testing.T, ctx context.Context, path string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(320, 640)); err != nil {
		t.Fatal(err)
	}
	if err := open(ctx, path); err != nil {
		t.Fatal(err)
	}
	tooWide(t, ctx, path)
}

// tooWide fails when the page is wider than a 320px window.
func tooWide(t *testing.T, ctx context.Context, path string) {
	t.Helper()
	if w := eval[int](t, ctx, `document.documentElement.scrollWidth`); w > 320 {
		wide := eval[string](t, ctx, `[...document.querySelectorAll("body *")].filter(e => e.getBoundingClientRect().right > 321).slice(0, 3).map(e => e.outerHTML.slice(0, 100)).join("\n\t")`)
		t.Errorf("%s is %dpx wide at 320px; too wide:\n\t%s", path, w, wide)
	}
}

// TestTimelineAndFigures checks the other visuals in both languages: the
// timeline page's events on a drawn axis, each a link to a section of the
// page; the report's scale on the home page; Korean amounts in a chart as
// a Korean reader writes them.
func TestTimelineAndFigures(t *testing.T) {
	t.Parallel()
	ctx, probs := tab(t)
	paths := pagePaths(t)
	for _, lang := range []string{"en", "ko"} {
		if tl := lang + "/timeline/"; slices.Contains(paths, tl) {
			narrow(t, ctx, tl)
			got := eval[[]string](t, ctx, `[...document.querySelectorAll(".timeline a")].filter(a => {
				const id = decodeURIComponent(a.hash.slice(1));
				return !id || !document.getElementById(id);
			}).map(a => a.getAttribute("href"))`)
			if len(got) > 0 {
				t.Errorf("%s: timeline links to no section: %v", tl, got)
			}
			if n := eval[int](t, ctx, `document.querySelectorAll(".timeline a").length`); n < 3 {
				t.Errorf("%s: %d events on the timeline, want every dated section", tl, n)
			}
			if axis := eval[string](t, ctx, `getComputedStyle(document.querySelector(".timeline-year")).borderLeftWidth`); axis == "0px" {
				t.Errorf("%s: the timeline has no axis", tl)
			}
		}
		// Every chart of the home page (the report's scale) shows the
		// values of its table, with their units.
		home := lang + "/"
		narrow(t, ctx, home)
		mismatched := eval[[]string](t, ctx, `[...document.querySelectorAll(".figure")].filter(f => {
			const drawn = [...f.querySelectorAll(".chart-value")].map(e => e.textContent).join("|");
			const listed = [...f.querySelectorAll("td")].map(e => e.textContent).join("|");
			return !drawn || drawn !== listed;
		}).map(f => f.id)`)
		if len(mismatched) > 0 {
			t.Errorf("%s: the charts %v do not show the values of their tables", home, mismatched)
		}
	}
	if offset := "ko/barriers/defense-offset/"; slices.Contains(paths, offset) {
		if err := open(ctx, offset); err != nil {
			t.Fatal(err)
		}
		values := eval[[]string](t, ctx, `[...document.querySelectorAll(".chart-value")].map(e => e.textContent)`)
		if !slices.Contains(values, "79억9000만 달러") {
			t.Errorf("%s: chart values %q, want 79억9000만 달러 among them", offset, values)
		}
	}
	for _, p := range probs.take() {
		t.Error(p)
	}
}
