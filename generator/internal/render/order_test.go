package render

import (
	"testing"

	"explainer/generator/internal/site"
	"explainer/generator/internal/theme"
)

// TestPagerFollowsTheList holds the previous and next links of every
// barrier of the real site to the order the barrier index lists them in,
// which is by sector first: following Next from the first barrier of the
// list meets every barrier in the list's order, and Prev goes back.
func TestPagerFollowsTheList(t *testing.T) {
	for _, p := range realPages(t) {
		if p.Kind != theme.KindBarriers {
			continue
		}
		var list []*site.Entry
		for _, g := range p.Groups {
			list = append(list, g.Barriers...)
		}
		if len(list) < 2 {
			t.Fatalf("%s: %d barriers, too few to page through", p.Path, len(list))
		}
		for i, e := range list {
			var prev, next *site.Entry
			if i > 0 {
				prev = list[i-1]
			}
			if i+1 < len(list) {
				next = list[i+1]
			}
			if e.Prev != prev || e.Next != next {
				t.Errorf("%s: barrier %d of the list, %s: previous %s, next %s; want %s, %s",
					p.Path, i+1, e.Slug, slugOf(e.Prev), slugOf(e.Next), slugOf(prev), slugOf(next))
			}
		}
	}
}

func slugOf(e *site.Entry) string {
	if e == nil {
		return "none"
	}
	return e.Slug
}
