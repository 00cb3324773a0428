package serve

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"explainer/generator/internal/build"
	"explainer/generator/internal/firstdiff"
)

// TestPreviewIsTheBuild holds the preview to "generator build": every file
// a build writes, the preview serves with the same bytes (but for the
// search index's name, which has no hash in the preview), first and after
// edits that the preview took in without parsing every body again: a
// title that other pages list, and a body that other pages link into.
func TestPreviewIsTheBuild(t *testing.T) {
	content, templates := testSite(t)
	s := start(t, Options{Content: content, Templates: templates})
	events := subscribe(t, s)
	next(t, events)
	same(t, s, content, templates, "first build")

	edit(t, filepath.Join(content, "barriers", "cloud.en.md"), "title: Cloud certification", "title: Cloud security certification")
	if ev := next(t, events); ev.name != "reload" {
		t.Fatalf("after the title edit: %+v", ev)
	}
	same(t, s, content, templates, "after a title edit")

	edit(t, filepath.Join(content, "barriers", "beef.ko.md"), "2008년부터.", "2008년부터 이어진 규제다.\n\n## 쟁점 {#issue}\n\n새 문단.")
	if ev := next(t, events); ev.name != "reload" {
		t.Fatalf("after the body edit: %+v", ev)
	}
	same(t, s, content, templates, "after a body edit")
}

var hashedIndex = regexp.MustCompile(`assets/search\.([a-z]+)\.[0-9a-f]{10}\.json`)

// same builds the site into a folder and compares every file with what
// the preview serves.
func same(t *testing.T, s *Server, content, templates, when string) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	if _, err := build.Run(build.Options{Content: content, Templates: templates, Out: out, BaseURL: s.URL()}); err != nil {
		t.Fatalf("%s: build: %v", when, err)
	}
	s.mu.Lock()
	pv := s.state.site
	s.mu.Unlock()
	files := 0
	err := filepath.WalkDir(out, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		name := filepath.ToSlash(rel)
		if name == ".generator" {
			return nil // the build's marker of its folder
		}
		want, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		want = hashedIndex.ReplaceAll(want, []byte(PreviewIndex("$1")))
		name = hashedIndex.ReplaceAllString(name, PreviewIndex("$1"))
		got, _, found, err := pv.File(name)
		switch {
		case err != nil:
			t.Errorf("%s: %s: %v", when, name, err)
		case !found:
			t.Errorf("%s: the preview has no %s", when, name)
		case !bytes.Equal(got, want):
			t.Errorf("%s: %s differs from the build's:\n%s", when, name, firstdiff.Show(got, want, "got", "want"))
		}
		files++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 30 {
		t.Fatalf("%s: the build wrote only %d files", when, files)
	}
}
