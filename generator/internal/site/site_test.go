package site

import (
	"os"
	"testing"

	"explainer/generator/internal/content"
	"explainer/generator/internal/markdown"
)

// realSite builds the real site's content.
func realSite(t *testing.T) *Site {
	t.Helper()
	set, err := content.Load(os.DirFS("../../../content"), "content")
	if err != nil {
		t.Fatal(err)
	}
	s, err := Build(set, markdown.New(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// Every entry of the real site has a number of its own, below Len, and
// Each visits every number once.
func TestEntryNumbers(t *testing.T) {
	s := realSite(t)
	if s.Len() != len(s.byName) || s.Len() < 2*13 {
		t.Fatalf("Len() = %d for %d entries", s.Len(), len(s.byName))
	}
	seen := make([]string, s.Len())
	s.Each(func(e *Entry) {
		if e.Num < 0 || e.Num >= s.Len() {
			t.Fatalf("%s: Num = %d, Len() = %d", e.Name, e.Num, s.Len())
		}
		if seen[e.Num] != "" {
			t.Errorf("%s and %s have the number %d", seen[e.Num], e.Name, e.Num)
		}
		seen[e.Num] = e.Name
	})
	for i, name := range seen {
		if name == "" {
			t.Errorf("no entry has the number %d", i)
		}
	}
}
