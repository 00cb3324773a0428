package build

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"explainer/generator/internal/seo"
)

// TestFeedKeepsTheNewest builds a site with more barriers than a feed
// carries and checks that each language's feed holds the most recently
// updated ones, newest first.
func TestFeedKeepsTheNewest(t *testing.T) {
	dir := t.TempDir()
	n := seo.FeedSize + 5
	writeVersionedSite(t, filepath.Join(dir, "content"), "1", n)
	// Give barrier i the date 2025-01-01 plus i days: the newest are the
	// highest numbers.
	for i := range n {
		for _, l := range []string{"en", "ko"} {
			p := filepath.Join(dir, "content", "barriers", fmt.Sprintf("b%d.%s.md", i, l))
			src, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			date := fmt.Sprintf("updated: 2025-%02d-%02d\n", 1+i/28, 1+i%28)
			if err := os.WriteFile(p, append([]byte("---\n"+date), src[len("---\n"):]...), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	copyDir(t, filepath.Join("..", "..", "..", "templates"), filepath.Join(dir, "templates"))
	if _, err := runIn(t, dir, Options{}); err != nil {
		t.Fatal(err)
	}
	for _, l := range []string{"en", "ko"} {
		feed, err := os.ReadFile(filepath.Join(dir, "public", l, "feed.xml"))
		if err != nil {
			t.Fatal(err)
		}
		ids := regexp.MustCompile(`<id>[^<]*/barriers/b(\d+)/</id>`).FindAllSubmatch(feed, -1)
		if len(ids) != seo.FeedSize {
			t.Fatalf("%s feed: %d entries, want %d", l, len(ids), seo.FeedSize)
		}
		for k, m := range ids {
			if want := fmt.Sprint(n - 1 - k); string(m[1]) != want {
				t.Fatalf("%s feed entry %d is barrier %s, want %s (newest first)", l, k, m[1], want)
			}
		}
	}
}
