package site

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"explainer/generator/internal/content"
	"explainer/generator/internal/diag"
	"explainer/generator/internal/markdown"
)

// A site built with its bodies in a temporary file gives the same HTML and
// the same model as one built with every body in memory.

func bodyFS() fstest.MapFS {
	doc := func(front, body string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\n" + front + "---\n\n" + body)}
	}
	return fstest.MapFS{
		"site.yaml": {Data: []byte(`title: {en: "T", ko: "T"}
description: {en: "D", ko: "D"}
base_url: "https://example.org/x/"
languages:
  - {code: en, name: English, locale: en_US}
  - {code: ko, name: 한국어, locale: ko_KR}
report_year: 2025
sectors:
  - {id: defense, name: {en: "Defense", ko: "국방"}}
`)},
		"summary.en.md":    doc("title: Home\nsummary: S.\n", "Home text.\n"),
		"summary.ko.md":    doc("title: 홈\nsummary: 요약.\n", "홈.\n"),
		"barriers/a.en.md": doc("title: A\nsummary: S.\nsector: defense\nsources: [{title: R}]\n", "## Why {#why}\n\nSee [b](b.en.md#how).\n\n```yaml\nk: v\n```\n"),
		"barriers/a.ko.md": doc("title: 가\nsummary: 요약.\nsector: defense\nsources: [{title: R}]\n", "## 왜 {#why}\n\n[나](b.md#how) 참고.[^1]\n\n[^1]: 주.\n"),
		"barriers/b.en.md": doc("title: B\nsummary: S.\nsector: defense\nrelated: [a]\nsources: [{title: R}]\n", "## How {#how}\n\n| x | y |\n| - | - |\n| 1 | 2 |\n"),
		"barriers/b.ko.md": doc("title: 나\nsummary: 요약.\nsector: defense\nrelated: [a]\nsources: [{title: R}]\n", "## 방법 {#how}\n\n본문.\n"),
	}
}

func build(t *testing.T, fsys fstest.MapFS, load func(fsys fstest.MapFS) (*content.Set, error), budget int64) *Site {
	t.Helper()
	set, err := load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	s, err := Build(set, markdown.New(), Options{Budget: budget})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestBodiesKeptOrSpilled(t *testing.T) {
	fsys := bodyFS()
	kept := build(t, fsys, func(f fstest.MapFS) (*content.Set, error) { return content.Load(f, "content") }, 0)
	lean := build(t, fsys, func(f fstest.MapFS) (*content.Set, error) { return content.Load(f, "content") }, -1)
	if lean.bodies.file == nil || kept.bodies.file != nil {
		t.Fatalf("a budget of none made no temporary file, or the default made one")
	}
	for _, l := range kept.Langs {
		for i, k := range kept.Barriers[l] {
			e := lean.Barriers[l][i]
			want, err := k.Body()
			if err != nil {
				t.Fatal(err)
			}
			got, err := e.Body()
			if err != nil {
				t.Fatal(err)
			}
			if len(want) == 0 || got != want {
				t.Errorf("%s: body read again differs:\n%s\nwant:\n%s", e.Path(), got, want)
			}
			if len(e.Headings) != len(k.Headings) || len(e.Links) != len(k.Links) || len(e.Related) != len(k.Related) {
				t.Errorf("%s: model differs: %d/%d headings, %d/%d links, %d/%d related", e.Path(),
					len(e.Headings), len(k.Headings), len(e.Links), len(k.Links), len(e.Related), len(k.Related))
			}
		}
	}
	a, _ := lean.Barriers["ko"][0].Body()
	for _, want := range []string{`<h2 id="why">`, `href="/x/ko/barriers/b/#how"`, `id="fn:1"`} {
		if !strings.Contains(a, want) {
			t.Errorf("ko/barriers/a has no %s:\n%s", want, a)
		}
	}
}

func TestBodyAfterClose(t *testing.T) {
	s := build(t, bodyFS(), func(f fstest.MapFS) (*content.Set, error) { return content.Load(f, "content") }, -1)
	name := s.bodies.file.Name()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(name); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the temporary file of bodies is still there: %v", err)
	}
	_, err := s.Barriers["en"][1].Body()
	if err == nil || err.Error() != "content/barriers/b.en.md: the site was closed" {
		t.Errorf("got %v, want the path and why", err)
	}
}

// The text of every body reaches Options.Text, once, and the home page's
// too: what to index is the caller's choice.
func TestTextOfEveryBody(t *testing.T) {
	set, err := content.Load(bodyFS(), "content")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	got := make(map[string]string)
	s, err := Build(set, markdown.New(), Options{Text: func(e *Entry, text []byte) {
		mu.Lock()
		defer mu.Unlock()
		if _, twice := got[e.Name]; twice {
			t.Errorf("%s: text given twice", e.Name)
		}
		got[e.Name] = string(text)
	}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if len(got) != len(set.Docs) {
		t.Errorf("text of %d bodies, want %d", len(got), len(set.Docs))
	}
	if !strings.Contains(got["barriers/b.ko.md"], "본문") || !strings.Contains(got["summary.en.md"], "Home text") {
		t.Errorf("texts: %q", got)
	}
}

// A temporary file that cannot be made fails the build with one message,
// at the first page that needed it, not one per page.
func TestSpillFailsOnce(t *testing.T) {
	t.Setenv("TMPDIR", filepath.Join(t.TempDir(), "missing"))
	set, err := content.Load(bodyFS(), "content")
	if err != nil {
		t.Fatal(err)
	}
	s, err := Build(set, markdown.New(), Options{Budget: -1})
	if s != nil {
		t.Fatal("the build succeeded without anywhere to keep its bodies")
	}
	es := diag.AsList(err)
	if len(es) != 1 || !strings.Contains(es[0].Error(), "cannot make a temporary file for converted bodies") {
		t.Errorf("got %d problems, want one about the temporary file:\n%v", len(es), err)
	}
}

// A body is appended whole to what the buffer holds, from memory or from
// the file, and a buffer reused from one body to the next (as pages are
// written) holds each in turn; Body gives the same.
func TestBodyAppended(t *testing.T) {
	b := bodies{budget: 40 << 10} // the first bodies stay in memory
	defer b.close()
	var kept []stored
	var want []string
	for _, n := range []int{1, 32<<10 - 1, 32 << 10, 32<<10 + 1, 100 << 10, 0} {
		html := strings.Repeat("한a", n/4+1)[:n]
		s, err := b.put([]byte(html))
		if err != nil {
			t.Fatal(err)
		}
		kept, want = append(kept, s), append(want, html)
	}
	if kept[0].html == "" || kept[4].html != "" {
		t.Fatal("want the first body in memory, the fifth in the file")
	}
	buf := []byte("prefix:")
	for i, s := range kept {
		got, err := b.appendTo(buf[:7], s)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != "prefix:"+want[i] {
			t.Errorf("body %d of %d bytes: got %d bytes, differing", i, len(want[i]), len(got)-7)
		}
		buf = got
		if str, err := b.get(s); err != nil || str != want[i] {
			t.Errorf("body %d of %d bytes: Body gives %d bytes, differing (%v)", i, len(want[i]), len(str), err)
		}
	}
}
