package render

import (
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"explainer/generator/internal/theme"
)

// TestEditLink: with site.yaml's repository, every barrier page links to
// GitHub's editor for its own file; without it, no page has the link.
func TestEditLink(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "content")
	real := readFolder(t, dir)
	// The real site.yaml without its own repository (if any), and with
	// one of the test's.
	cfg := repositoryBlock.ReplaceAllString(string(real["site.yaml"].Data), "")
	without := maps.Clone(real)
	without["site.yaml"] = &fstest.MapFile{Data: []byte(cfg)}
	real["site.yaml"] = &fstest.MapFile{Data: []byte(cfg +
		"\nrepository:\n  url: https://github.com/korea-nte/explainer\n  branch: main\n")}
	seen := 0
	for _, p := range pagesOf(t, real, dir) {
		if p.Kind != theme.KindBarrier {
			continue
		}
		html := pageHTML(t, p)
		want := `<a href="https://github.com/korea-nte/explainer/edit/main/content/barriers/` + p.Entry.Slug + "." + p.Lang + `.md" rel="noopener noreferrer">`
		if !strings.Contains(html, want) {
			t.Errorf("%s: no edit link %s", p.Path, want)
		}
		seen++
	}
	if seen == 0 {
		t.Fatal("no barrier pages")
	}
	for _, p := range pagesOf(t, without, dir) {
		if html := pageHTML(t, p); strings.Contains(html, "/edit/") {
			t.Errorf("%s: an edit link, but site.yaml has no repository", p.Path)
		}
	}
}

var repositoryBlock = regexp.MustCompile(`(?m)^repository:.*\n(?:[ \t].*\n)*`)

func pageHTML(t *testing.T, p *Page) string {
	t.Helper()
	b, err := p.HTML()
	if err != nil {
		t.Fatalf("%s: %v", p.Path, err)
	}
	return string(b)
}

// readFolder reads the folder dir into memory, for a test to edit.
func readFolder(t *testing.T, dir string) fstest.MapFS {
	t.Helper()
	fsys := make(fstest.MapFS)
	err := fs.WalkDir(os.DirFS(dir), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(filepath.Join(dir, name))
		fsys[name] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return fsys
}
