package render

import (
	"path/filepath"
	"strings"
	"testing"

	"explainer/generator/internal/theme"
)

// The model only parses the bodies: a page converts its entry's body when
// it is made, from the content folder, and a body it cannot read fails the
// page with the file's name.
func TestBodyConvertedWhenMade(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "content")
	fsys := readFolder(t, dir)
	pages := pagesOf(t, fsys, dir)
	paths := make(map[string]string) // page path by content file
	var p *Page
	for _, q := range pages {
		if q.Entry == nil {
			continue
		}
		paths[q.Entry.Name] = q.Path
		if p == nil && q.Kind == theme.KindBarrier && len(q.Entry.Headings) > 0 && len(q.Entry.Links) > 0 && q.Entry.Links[0].Name != "" {
			p = q
		}
	}
	if p == nil {
		t.Fatal("no barrier of the real site has a heading and a link to another page")
	}
	html := pageHTML(t, p)
	link := p.Entry.Links[0]
	for _, want := range []string{
		`<h2 id="` + p.Entry.Headings[0].ID + `">`,
		`href="` + p.Site.URL(paths[link.Name]),
	} {
		if !strings.Contains(html, want) {
			t.Errorf("%s: no %s in its body", p.Path, want)
		}
	}
	delete(fsys, p.Entry.Name)
	_, err := p.HTML()
	if err == nil || !strings.HasPrefix(err.Error(), p.Entry.Path()+": cannot read") {
		t.Errorf("its file removed, the page gives %v; want the file's name and why", err)
	}
}
