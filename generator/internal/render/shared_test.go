package render

import (
	"bytes"
	"html/template"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"explainer/generator/internal/content"
	"explainer/generator/internal/firstdiff"
	"explainer/generator/internal/markdown"
	"explainer/generator/internal/site"
	"explainer/generator/internal/theme"
)

// realPages makes the real site's pages with the real theme, as Render
// does before writing them.
func realPages(t testing.TB) []*Page {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "content")
	return pagesOf(t, os.DirFS(dir), dir)
}

// pagesOf makes the pages of the content in fsys (dir is its name for
// messages) with the real theme.
func pagesOf(t testing.TB, fsys fs.FS, dir string) []*Page {
	t.Helper()
	set, err := content.Load(fsys, dir)
	if err != nil {
		t.Fatal(err)
	}
	tdir := filepath.Join("..", "..", "..", "templates")
	th, err := theme.Load(os.DirFS(tdir), tdir, set.Config.Codes())
	if err != nil {
		t.Fatal(err)
	}
	s, err := site.Build(set, markdown.New(), site.Options{})
	if err != nil {
		t.Fatal(err)
	}
	pages := Pages(s, th, markdown.New())
	for _, p := range pages {
		p.SearchIndex = s.URL("assets/search." + p.Lang + ".json") // as the preview names it
	}
	return pages
}

// TestSharedPartsAreAlike makes every page of the real site twice: with
// the parts of the layout that .Shared makes once per language, and with
// each made again on every page. A shared part that used something of its
// page (its address, its kind, its title) would differ somewhere.
func TestSharedPartsAreAlike(t *testing.T) {
	pages := realPages(t)
	kinds := make(map[string]bool)
	for _, p := range pages {
		kinds[p.Kind] = true
	}
	if len(kinds) < 7 {
		t.Errorf("the real site has %d kinds of page; want all seven", len(kinds))
	}
	unshared := newParts(pages[0].Site, pages[0].parts.md)
	unshared.unshared = true
	comparePages(t, unshared, pages, "when its shared parts are made for it alone")
	calls := 0
	pages[0].parts.shared.Range(func(key, _ any) bool { calls++; return true })
	// Each language's pages share the title, the navigation, the search
	// form, the link-preview and icon tags, and a footer per kind of page.
	if calls < 2*5 {
		t.Errorf("%d shared parts made; the layout shares at least five per language", calls)
	}
}

// TestSharedIsMadeOnce checks the contract the test above relies on: a
// part is made on the first page of a language that asks for it and kept
// for the others, apart for each language and each variant, and for
// another site (the preview's next build) made again.
func TestSharedIsMadeOnce(t *testing.T) {
	pages := realPages(t)
	find := func(kind, lang string) *Page {
		for _, p := range pages {
			if p.Kind == kind && p.Lang == lang {
				return p
			}
		}
		t.Fatalf("no %s page in %s", kind, lang)
		return nil
	}
	index, barrier := find(theme.KindBarriers, "en"), find(theme.KindBarrier, "en")
	// The navigation marks the page it is on: made on the barrier index,
	// it is kept with that mark, and the barrier page gets it as it is.
	first, err := index.Shared("nav")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(first), `aria-current="page"`) {
		t.Fatalf("the barrier index's navigation does not mark it:\n%s", first)
	}
	if kept, _ := barrier.Shared("nav"); kept != first {
		t.Errorf("a second page of the language got a part made again:\n%s", kept)
	}
	if other, _ := barrier.Shared("nav", "another variant"); strings.Contains(string(other), `aria-current="page"`) {
		t.Errorf("another variant got the part kept for the first:\n%s", other)
	}
	if ko, _ := find(theme.KindBarrier, "ko").Shared("nav"); ko == first || strings.Contains(string(ko), `aria-current="page"`) {
		t.Errorf("the other language got the part kept for English:\n%s", ko)
	}
	next := *barrier
	next.parts = newParts(next.Site, next.parts.md)
	if again, _ := next.Shared("nav"); strings.Contains(string(again), `aria-current="page"`) {
		t.Errorf("another site got the part kept for the first:\n%s", again)
	}
	if _, err := barrier.Shared("no-such-part"); err == nil {
		t.Error("a part with no template: no error")
	}
}

// comparePages makes every page as it is and with the parts b, and
// reports each page that differs: it differs how.
func comparePages(t *testing.T, b *parts, pages []*Page, how string) {
	t.Helper()
	var buf pageBuffer
	for _, p := range pages {
		got, err := p.executeTo(&buf)
		if err != nil {
			t.Fatal(err)
		}
		got = bytes.Clone(got)
		q := *p
		q.parts = b
		want, err := q.executeTo(&buf)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s (%s page): differs %s:\n%s", OutName(p.Path), p.Kind, how, firstdiff.Show(got, want, "first", "second"))
		}
	}
}

// TestCardIsMadeOnce checks what CardHTML keeps: a barrier's card is made
// on the first page of a language that shows it and kept for the others,
// apart for each language, and made again for another site that the same
// theme renders (a theme keeps one site's cards at a time).
func TestCardIsMadeOnce(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "content")
	pages := realPages(t)
	find := func(pages []*Page, kind, lang string) *Page {
		for _, p := range pages {
			if p.Kind == kind && p.Lang == lang {
				return p
			}
		}
		t.Fatalf("no %s page in %s", kind, lang)
		return nil
	}
	index, home := find(pages, theme.KindBarriers, "en"), find(pages, theme.KindHome, "en")
	e := index.Site.Barriers["en"][0]
	first, err := index.CardHTML(e)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(first), template.HTMLEscapeString(e.Meta.Title)) {
		t.Fatalf("the card of %s does not show its title:\n%s", e.Name, first)
	}
	slot := index.parts.cardSlot("en", e)
	if slot == nil || slot.Load() == nil || *slot.Load() != first {
		t.Fatalf("the card of %s was not kept", e.Name)
	}
	*slot.Load() = "kept"
	if kept, _ := home.CardHTML(e); kept != "kept" {
		t.Errorf("another page of the language made the card again:\n%s", kept)
	}
	ko := find(pages, theme.KindBarriers, "ko")
	if other, _ := ko.CardHTML(e.Translations["ko"]); other == "kept" || !strings.Contains(string(other), "<li") {
		t.Errorf("the Korean page got the card kept for English:\n%s", other)
	}
	if index.parts.cardSlot("fr", e) != nil {
		t.Error("a language the site does not have has a place for cards")
	}

	// The same content with the barrier's title changed, made by the
	// same theme: the card shows the new title.
	fsys := readFolder(t, dir)
	f := fsys[e.Name]
	f.Data = regexp.MustCompile(`(?m)^title: .*$`).ReplaceAll(f.Data, []byte("title: A title of the next site"))
	set, err := content.Load(fsys, dir)
	if err != nil {
		t.Fatal(err)
	}
	next, err := site.Build(set, markdown.New(), site.Options{})
	if err != nil {
		t.Fatal(err)
	}
	nextIndex := find(Pages(next, index.theme, markdown.New()), theme.KindBarriers, "en")
	for _, n := range next.Barriers["en"] {
		if n.Slug != e.Slug {
			continue
		}
		card, err := nextIndex.CardHTML(n)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(card), "A title of the next site") {
			t.Errorf("the next site got the card kept for the first:\n%s", card)
		}
		return
	}
	t.Fatalf("%s is not in the next site", e.Slug)
}
