package content

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"explainer/generator/internal/diag"
)

// The tests of LoadMetaCached use a real folder, as the preview does: the
// cache compares the size and modification time that fs.Stat gives. Every
// file's time is set explicitly, so that no test depends on the clock or
// on how finely the file system records times.

// t0 is the modification time of every file as first written.
var t0 = time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)

func barrierText(title, body string) string {
	return "---\ntitle: " + title + "\nsummary: S.\nsector: defense\nsources: [{title: R}]\n---\n\n" + body
}

// cacheFiles is a small valid content folder.
var cacheFiles = map[string]string{
	"site.yaml":        testConfig,
	"summary.en.md":    "---\ntitle: Home\nsummary: S.\n---\n\nHome text.\n",
	"summary.ko.md":    "---\ntitle: 홈\nsummary: 요약.\n---\n\n홈.\n",
	"barriers/x.en.md": barrierText("X", "Text of x.\n"),
	"barriers/x.ko.md": barrierText("엑스", "본문.\n"),
	"barriers/y.en.md": barrierText("Y", "Text of y.\n"),
	"barriers/y.ko.md": barrierText("와이", "본문.\n"),
}

// cacheFolder writes cacheFiles into a new temporary folder and returns it.
func cacheFolder(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range cacheFiles {
		writeAt(t, dir, name, text, t0)
	}
	return dir
}

// writeAt writes the file name of dir and sets its modification time.
func writeAt(t *testing.T, dir, name, text string, mod time.Time) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(p, mod, mod); err != nil {
		t.Fatal(err)
	}
}

// loadCached loads dir through c and fails the test on any problem.
func loadCached(t *testing.T, dir string, c *Cache) map[string]*Doc {
	t.Helper()
	set, err := LoadMetaCached(os.DirFS(dir), "content", c)
	if err != nil {
		t.Fatalf("LoadMetaCached: %v", err)
	}
	return docsByName(set)
}

func docsByName(set *Set) map[string]*Doc {
	out := make(map[string]*Doc, len(set.Docs))
	for _, d := range set.Docs {
		out[d.Name] = d
	}
	return out
}

// sameDocs fails unless got and want hold the very same *Doc for every name
// except those in changed, which must be new ones.
func sameDocs(t *testing.T, got, want map[string]*Doc, changed ...string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%d documents, want %d", len(got), len(want))
	}
	for name, w := range want {
		g := got[name]
		switch {
		case g == nil:
			t.Errorf("%s: missing from the second load", name)
		case slices.Contains(changed, name) && g == w:
			t.Errorf("%s changed, but the cache gave the old *Doc again", name)
		case !slices.Contains(changed, name) && g != w:
			t.Errorf("%s did not change, but the cache gave a new *Doc", name)
		}
	}
}

// A load with nothing changed gives back the very Docs of the load before,
// which is what lets site.Build reuse what it made of them.
func TestCacheGivesTheSameDocs(t *testing.T) {
	dir := cacheFolder(t)
	var c Cache
	first := loadCached(t, dir, &c)
	if len(first) != len(cacheFiles)-1 {
		t.Fatalf("%d documents, want %d", len(first), len(cacheFiles)-1)
	}
	sameDocs(t, loadCached(t, dir, &c), first)
	sameDocs(t, loadCached(t, dir, &c), first) // and again

	// Without the cache, every load makes new Docs: the sameness above is
	// the cache's doing.
	set, err := Load(os.DirFS(dir), "content")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range set.Docs {
		if first[d.Name] == d {
			t.Errorf("%s: Load gave the cached *Doc", d.Name)
		}
	}
}

// A change to one file's size or modification time loads that file again,
// and only it: a new *Doc with the new front matter, the others the same.
func TestCacheReloadsAChangedFile(t *testing.T) {
	t1 := t0.Add(time.Hour)
	for _, c := range []struct {
		name     string
		text     string
		sameSize bool
		mod      time.Time
		title    string
	}{
		{"new text and time", barrierText("X renamed", "Other text.\n"), false, t1, "X renamed"},
		{"same size, new time", barrierText("Z", "Text of x.\n"), true, t1, "Z"},
		{"new size, same time", barrierText("Zed", "Text of x.\n"), false, t0, "Zed"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if same := len(c.text) == len(cacheFiles["barriers/x.en.md"]); same != c.sameSize {
				t.Fatalf("the case's text is %d bytes: the same size is %v, want %v", len(c.text), same, c.sameSize)
			}
			dir := cacheFolder(t)
			var cache Cache
			first := loadCached(t, dir, &cache)
			writeAt(t, dir, "barriers/x.en.md", c.text, c.mod)
			second := loadCached(t, dir, &cache)
			sameDocs(t, second, first, "barriers/x.en.md")
			if d := second["barriers/x.en.md"]; d != nil && d.Meta.Title != c.title {
				t.Errorf("title %q after the change, want %q", d.Meta.Title, c.title)
			}
			if d := second["barriers/x.en.md"]; d != nil && d.Fingerprint == first["barriers/x.en.md"].Fingerprint {
				t.Errorf("fingerprint %s did not change with the text", d.Fingerprint)
			}
		})
	}
}

// The problems of a file that could not be loaded are kept with it: each
// load reports them again, at their place, until the file changes.
func TestCacheKeepsProblems(t *testing.T) {
	dir := cacheFolder(t)
	writeAt(t, dir, "barriers/y.en.md", "---\ntitle: [Y\nsummary: S.\n---\n\nText.\n", t0)
	want := "content/barriers/y.en.md:3:1: invalid YAML: ',' or ']' must be specified"
	var c Cache
	var first map[string]*Doc
	for i := range 3 {
		set, err := LoadMetaCached(os.DirFS(dir), "content", &c)
		var got []string
		for _, e := range diag.AsList(err) {
			got = append(got, e.Error())
		}
		if len(got) != 1 || got[0] != want {
			t.Errorf("load %d: got %q\nwant [%q]", i+1, got, want)
		}
		if set == nil {
			t.Fatalf("load %d: no set", i+1)
		}
		if !set.Broken["barriers/y.en.md"] || len(set.Broken) != 1 {
			t.Errorf("load %d: Broken = %v, want only barriers/y.en.md", i+1, set.Broken)
		}
		docs := docsByName(set)
		if docs["barriers/y.en.md"] != nil {
			t.Errorf("load %d: the broken file has a Doc", i+1)
		}
		if i == 0 {
			first = docs
		} else {
			sameDocs(t, docs, first) // the cache was used, not reset
		}
	}

	// Mended, the file loads, and its problem is gone.
	writeAt(t, dir, "barriers/y.en.md", barrierText("Y", "Text.\n"), t0.Add(time.Hour))
	docs := loadCached(t, dir, &c)
	if d := docs["barriers/y.en.md"]; d == nil || d.Meta.Title != "Y" {
		t.Errorf("the mended file gave %+v", d)
	}
}

// An edit to site.yaml, even to text no document depends on, empties the
// cache: every document is loaded again.
func TestCacheResetBySiteConfig(t *testing.T) {
	dir := cacheFolder(t)
	var c Cache
	first := loadCached(t, dir, &c)
	edited := strings.Replace(testConfig, "description: {en: About,", "description: {en: Other,", 1)
	if edited == testConfig {
		t.Fatal("the test's edit of site.yaml did nothing")
	}
	writeAt(t, dir, "site.yaml", edited, t0.Add(time.Hour))
	second := loadCached(t, dir, &c)
	var all []string
	for name := range first {
		all = append(all, name)
	}
	sameDocs(t, second, first, all...)

	// The new configuration is cached in its turn.
	sameDocs(t, loadCached(t, dir, &c), second)
}

// A file removed is forgotten: made again later with the same size and
// modification time but other text, it is read, not served from the cache.
func TestCacheForgetsRemovedFiles(t *testing.T) {
	dir := cacheFolder(t)
	var c Cache
	first := loadCached(t, dir, &c)
	if err := os.Remove(filepath.Join(dir, "barriers", "y.ko.md")); err != nil {
		t.Fatal(err)
	}
	second := loadCached(t, dir, &c)
	if d, ok := second["barriers/y.ko.md"]; ok {
		t.Errorf("the removed file is still in the set: %+v", d)
	}
	delete(first, "barriers/y.ko.md")
	sameDocs(t, second, first)

	old := cacheFiles["barriers/y.ko.md"]
	again := strings.Replace(old, "와이", "으이", 1) // the same number of bytes
	if len(again) != len(old) || again == old {
		t.Fatal("the test's new text must differ from the old and be as long")
	}
	writeAt(t, dir, "barriers/y.ko.md", again, t0)
	third := loadCached(t, dir, &c)
	if d := third["barriers/y.ko.md"]; d == nil || d.Meta.Title != "으이" {
		t.Errorf("the file made again gave %+v, want the title 으이", d)
	}
}

// Docs from LoadMetaCached (which, as every Doc, hold no text) know their
// path, for messages: loaded the first time, given by the cache, or loaded
// again after a change.
func TestCacheDocsKnowTheirPath(t *testing.T) {
	dir := cacheFolder(t)
	var c Cache
	check := func(when string, docs map[string]*Doc) {
		t.Helper()
		for name, d := range docs {
			if want := "content/" + name; d.Path() != want {
				t.Errorf("%s, %s: Path() = %q, want %q", when, name, d.Path(), want)
			}
		}
	}
	check("first load", loadCached(t, dir, &c))
	check("from the cache", loadCached(t, dir, &c))
	writeAt(t, dir, "barriers/x.en.md", barrierText("X2", "New.\n"), t0.Add(time.Hour))
	check("after a change", loadCached(t, dir, &c))
}

// A document loaded through a cache gives back the text it was loaded
// from, front matter blanked, whatever its file says now; loaded without
// one, it reads the file again.
func TestSourceOfACachedDocument(t *testing.T) {
	dir := cacheFolder(t)
	var c Cache
	cached, err := LoadMetaCached(os.DirFS(dir), dir, &c)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := Load(os.DirFS(dir), dir)
	if err != nil {
		t.Fatal(err)
	}
	writeAt(t, dir, "barriers/x.en.md", barrierText("X", "New text of x.\n"), t0.Add(time.Minute))
	doc := func(s *Set) *Doc {
		i := slices.IndexFunc(s.Docs, func(d *Doc) bool { return d.Name == "barriers/x.en.md" })
		return s.Docs[i]
	}
	src, err := cached.Source(doc(cached), nil)
	if err != nil || !strings.HasSuffix(string(src), "\n\nText of x.\n") || strings.Contains(string(src), "title:") {
		t.Errorf("cached: %q, %v; want the text loaded, front matter blanked", src, err)
	}
	src, err = plain.Source(doc(plain), nil)
	if err != nil || !strings.HasSuffix(string(src), "\n\nNew text of x.\n") {
		t.Errorf("not cached: %q, %v; want the file as it is now", src, err)
	}
}
