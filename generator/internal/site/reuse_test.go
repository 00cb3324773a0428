package site

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"explainer/generator/internal/content"
	"explainer/generator/internal/diag"
	"explainer/generator/internal/markdown"
)

// The tests of Options.Reuse build a site again and again from one real
// folder, through one content.Cache, as the preview does: a document whose
// file did not change keeps its *Doc, and Build must then reuse what it
// found in its body. Options.Text tells which bodies a build parsed; body
// converts one as the page does, from Site.Source.

// t0 is the modification time of every file as first written; a change
// sets a later one, so that no test depends on the clock.
var t0 = time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)

// reuseFolder is a content folder in a temporary directory: bodyFS() and
// a page, about, in both languages.
type reuseFolder struct {
	t     *testing.T
	dir   string
	cache content.Cache
	md    *markdown.Converter
	edits int // how many files were written after the first
}

func newReuseFolder(t *testing.T) *reuseFolder {
	f := &reuseFolder{t: t, dir: t.TempDir(), md: markdown.New()}
	for name, file := range bodyFS() {
		f.writeAt(name, string(file.Data), t0)
	}
	f.writeAt("pages/about.en.md", "---\ntitle: About\nsummary: S.\n---\n\nAbout us.\n", t0)
	f.writeAt("pages/about.ko.md", "---\ntitle: 소개\nsummary: 요약.\n---\n\n소개.\n", t0)
	return f
}

func (f *reuseFolder) writeAt(name, text string, mod time.Time) {
	f.t.Helper()
	p := filepath.Join(f.dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		f.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		f.t.Fatal(err)
	}
	if err := os.Chtimes(p, mod, mod); err != nil {
		f.t.Fatal(err)
	}
}

// edit writes the file with a time later than any before.
func (f *reuseFolder) edit(name, text string) {
	f.t.Helper()
	f.edits++
	f.writeAt(name, text, t0.Add(time.Duration(f.edits)*time.Minute))
}

func (f *reuseFolder) remove(name string) {
	f.t.Helper()
	if err := os.Remove(filepath.Join(f.dir, filepath.FromSlash(name))); err != nil {
		f.t.Fatal(err)
	}
}

// build loads the folder through the cache and builds it with opt, and
// returns the site, the names of the documents whose bodies it parsed,
// and its problems. It fails the test if the content cannot be loaded.
func (f *reuseFolder) build(opt Options) (*Site, map[string]bool, error) {
	f.t.Helper()
	set, err := content.LoadMetaCached(os.DirFS(f.dir), "content", &f.cache)
	if err != nil {
		f.t.Fatalf("LoadMetaCached: %v", err)
	}
	var mu sync.Mutex
	converted := make(map[string]bool)
	opt.Text = func(e *Entry, _ string) {
		mu.Lock()
		defer mu.Unlock()
		if converted[e.Name] {
			f.t.Errorf("%s: parsed twice in one build", e.Name)
		}
		converted[e.Name] = true
	}
	s, err := Build(set, f.md, opt)
	return s, converted, err
}

// mustBuild is build for a build that must succeed.
func (f *reuseFolder) mustBuild(opt Options) (*Site, map[string]bool) {
	f.t.Helper()
	s, converted, err := f.build(opt)
	if err != nil {
		f.t.Fatalf("Build: %v", err)
	}
	return s, converted
}

func entries(s *Site) map[string]*Entry {
	out := make(map[string]*Entry)
	s.Each(func(e *Entry) { out[e.Name] = e })
	return out
}

func body(t *testing.T, s *Site, e *Entry) string {
	t.Helper()
	src, page, err := s.Source(e, nil)
	if err != nil {
		t.Fatalf("Source: %v", err)
	}
	html, _, err := markdown.New().Convert(src, page)
	if err != nil {
		t.Fatalf("Convert: %v", err)
	}
	return string(html)
}

func names(m map[string]bool) []string {
	var out []string
	for n := range m {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

// allNames are the documents of newReuseFolder.
var allNames = []string{
	"barriers/a.en.md", "barriers/a.ko.md", "barriers/b.en.md", "barriers/b.ko.md",
	"pages/about.en.md", "pages/about.ko.md", "summary.en.md", "summary.ko.md",
}

// A build with nothing changed parses no body: it takes what it found in
// every body from the site it reuses, and shows the same bodies.
func TestReuseUnchanged(t *testing.T) {
	f := newReuseFolder(t)
	s1, conv1 := f.mustBuild(Options{})
	if got := names(conv1); !slices.Equal(got, allNames) {
		t.Fatalf("the first build converted %q, want every body %q", got, allNames)
	}
	s2, conv2 := f.mustBuild(Options{Reuse: s1})
	if len(conv2) != 0 {
		t.Errorf("nothing changed, but the build converted %q", names(conv2))
	}
	old := entries(s1)
	got := entries(s2)
	if len(got) != len(old) {
		t.Fatalf("%d entries, want %d", len(got), len(old))
	}
	for name, e := range got {
		o := old[name]
		if e.Doc != o.Doc {
			t.Errorf("%s: the cache gave a new *Doc for an unchanged file", name)
		}
		if b := body(t, s2, e); b == "" || b != body(t, s1, o) {
			t.Errorf("%s: body\n%s\nwant the first build's\n%s", name, b, body(t, s1, o))
		}
		if !reflect.DeepEqual(e.Headings, o.Headings) || !reflect.DeepEqual(e.IDs, o.IDs) || !reflect.DeepEqual(e.Links, o.Links) {
			t.Errorf("%s: headings, ids or links differ:\n%+v %v %+v\nwant\n%+v %v %+v", name,
				e.Headings, e.IDs, e.Links, o.Headings, o.IDs, o.Links)
		}
	}
	if a := got["barriers/a.en.md"]; len(a.Headings) != 1 || len(a.Links) != 1 {
		t.Errorf("barriers/a.en.md: %d headings and %d links, want 1 and 1", len(a.Headings), len(a.Links))
	}
}

// After an edit of one file, only its body is parsed again; the site
// shows its new text, the other bodies as they were, and the site reused
// still shows the old text.
func TestReuseAfterAnEdit(t *testing.T) {
	f := newReuseFolder(t)
	s1, _ := f.mustBuild(Options{})
	f.edit("barriers/b.en.md", "---\ntitle: B\nsummary: S.\nsector: defense\nrelated: [a]\nsources: [{title: R}]\n---\n\n## How {#how}\n\nNew text of b.\n")
	s2, conv2 := f.mustBuild(Options{Reuse: s1})
	if got := names(conv2); !slices.Equal(got, []string{"barriers/b.en.md"}) {
		t.Errorf("converted %q, want only the edited barriers/b.en.md", got)
	}
	old, got := entries(s1), entries(s2)
	if b := body(t, s2, got["barriers/b.en.md"]); !strings.Contains(b, "New text of b.") || strings.Contains(b, "<table>") {
		t.Errorf("barriers/b.en.md: body after the edit:\n%s", b)
	}
	if b := body(t, s1, old["barriers/b.en.md"]); !strings.Contains(b, "<table>") {
		t.Errorf("barriers/b.en.md: the site reused changed:\n%s", b)
	}
	for name, e := range got {
		if name == "barriers/b.en.md" {
			continue
		}
		if b := body(t, s2, e); b != body(t, s1, old[name]) {
			t.Errorf("%s: body\n%s\nwant as before\n%s", name, b, body(t, s1, old[name]))
		}
	}

	// The site made by reusing is reused in its turn.
	s3, conv3 := f.mustBuild(Options{Reuse: s2})
	if len(conv3) != 0 {
		t.Errorf("the third build converted %q, want nothing", names(conv3))
	}
	if b := body(t, s3, entries(s3)["barriers/b.en.md"]); !strings.Contains(b, "New text of b.") {
		t.Errorf("barriers/b.en.md: body in the third build:\n%s", b)
	}
}

// Links name other pages: when a page is added or
// removed, or the base URL changes, every body is parsed again.
func TestReuseNothingWhenAddressesChange(t *testing.T) {
	for _, c := range []struct {
		name   string
		change func(f *reuseFolder)
		opt    Options
		// want is in barriers/a.en.md's body after the change.
		want string
	}{
		{"a new barrier", func(f *reuseFolder) {
			f.edit("barriers/c.en.md", "---\ntitle: C\nsummary: S.\nsector: defense\nsources: [{title: R}]\n---\n\nC.\n")
			f.edit("barriers/c.ko.md", "---\ntitle: 다\nsummary: 요약.\nsector: defense\nsources: [{title: R}]\n---\n\n다.\n")
		}, Options{}, `href="/x/en/barriers/b/#how"`},
		{"a page removed", func(f *reuseFolder) {
			f.remove("pages/about.en.md")
			f.remove("pages/about.ko.md")
		}, Options{}, `href="/x/en/barriers/b/#how"`},
		{"another base URL", func(*reuseFolder) {}, Options{BaseURL: "https://example.org/y/"}, `href="/y/en/barriers/b/#how"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := newReuseFolder(t)
			s1, _ := f.mustBuild(Options{})
			c.change(f)
			opt := c.opt
			opt.Reuse = s1
			s2, conv2 := f.mustBuild(opt)
			all := names(conv2)
			want := make(map[string]bool)
			for name := range entries(s2) {
				want[name] = true
			}
			if !slices.Equal(all, names(want)) {
				t.Errorf("converted %q, want every body %q", all, names(want))
			}
			if b := body(t, s2, entries(s2)["barriers/a.en.md"]); !strings.Contains(b, c.want) {
				t.Errorf("barriers/a.en.md: no %s in\n%s", c.want, b)
			}
		})
	}
}

// The warnings found parsing a body are kept with it: a build that
// reuses the body reports them again.
func TestReuseKeepsWarnings(t *testing.T) {
	f := newReuseFolder(t)
	f.writeAt("pages/about.en.md", "---\ntitle: About\nsummary: S.\n---\n\nAbout <span style=\"color: red\">us</span>.\n", t0)
	s1, _ := f.mustBuild(Options{})
	want := []string{`content/pages/about.en.md:6:7: warning: attribute "style" removed from raw HTML <span>`}
	if got := errorStrings(s1.Warnings); !slices.Equal(got, want) {
		t.Fatalf("first build: warnings %q, want %q", got, want)
	}
	f.edit("barriers/b.ko.md", "---\ntitle: 나\nsummary: 요약.\nsector: defense\nrelated: [a]\nsources: [{title: R}]\n---\n\n## 방법 {#how}\n\n새 본문.\n")
	s2, conv2 := f.mustBuild(Options{Reuse: s1})
	if conv2["pages/about.en.md"] || !conv2["barriers/b.ko.md"] {
		t.Fatalf("converted %q, want barriers/b.ko.md and not pages/about.en.md", names(conv2))
	}
	if got := errorStrings(s2.Warnings); !slices.Equal(got, want) {
		t.Errorf("reusing build: warnings %q, want %q", got, want)
	}
}

// The links of a body that was not parsed again are still checked: an
// edit that removes the anchor they name is reported at the unchanged file.
//
// (A problem that parsing a body finds as an error, such as a duplicate
// heading id, fails the build, and a site that failed is not there to be
// reused; the warnings above are what an unchanged body can carry over.)
func TestReuseChecksLinksOfUnchangedBodies(t *testing.T) {
	f := newReuseFolder(t)
	s1, _ := f.mustBuild(Options{})
	f.edit("barriers/b.en.md", "---\ntitle: B\nsummary: S.\nsector: defense\nrelated: [a]\nsources: [{title: R}]\n---\n\n## How {#method}\n\nText.\n")
	s2, conv2, err := f.build(Options{Reuse: s1})
	if s2 != nil {
		t.Errorf("the build succeeded, want a missing anchor")
	}
	if got := names(conv2); !slices.Equal(got, []string{"barriers/b.en.md"}) {
		t.Errorf("converted %q, want only the edited barriers/b.en.md", got)
	}
	want := []string{`content/barriers/a.en.md:10:5: link to "b.en.md#how": content/barriers/b.en.md has no anchor #how`}
	if got := errorStrings(diag.AsList(err)); !slices.Equal(got, want) {
		t.Errorf("problems %q\nwant %q", got, want)
	}
}

func errorStrings(es []*diag.Error) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Error())
	}
	return out
}

// A build that reuses a site can fail (here: an edit leaves a link to a
// missing anchor, an everyday state while editing); the site reused is
// still the last good one, which the preview keeps serving and reuses for
// the next build. Its pages show the bodies it was built from, not the
// files as they are now (content.Set.Source).
func TestReuseSurvivesAFailedBuild(t *testing.T) {
	f := newReuseFolder(t)
	s1, _ := f.mustBuild(Options{})
	want := body(t, s1, entries(s1)["barriers/a.en.md"])
	b := func(anchor string) string {
		return "---\ntitle: B\nsummary: S.\nsector: defense\nrelated: [a]\nsources: [{title: R}]\n---\n\n## How {#" + anchor + "}\n\nText.\n"
	}
	f.edit("barriers/b.en.md", b("method"))
	if s, _, err := f.build(Options{Reuse: s1}); err == nil || s != nil {
		t.Fatal("the build succeeded, want a missing anchor")
	}
	if got := body(t, s1, entries(s1)["barriers/a.en.md"]); got != want {
		t.Errorf("after a failed build, the site reused gives %q\nwant %q", got, want)
	}
	if got := body(t, s1, entries(s1)["barriers/b.en.md"]); !strings.Contains(got, "<table>") || strings.Contains(got, "method") {
		t.Errorf("after a failed build, the site reused shows the edited file:\n%s", got)
	}
	f.edit("barriers/b.en.md", b("how"))
	s3, _ := f.mustBuild(Options{Reuse: s1})
	if got := body(t, s3, entries(s3)["barriers/a.en.md"]); got != want {
		t.Errorf("the next build reusing it gives %q\nwant %q", got, want)
	}
}
