package site

import (
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"explainer/generator/internal/content"
	"explainer/generator/internal/markdown"
)

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

// The model holds what Build found in the bodies (headings, anchors,
// links and the related barriers they make), and no HTML: the pages
// convert their bodies when they are made (package render).
func TestModelOfBodies(t *testing.T) {
	set, err := content.Load(bodyFS(), "content")
	if err != nil {
		t.Fatal(err)
	}
	s, err := Build(set, markdown.New(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	a, b := s.Barriers["ko"][0], s.Barriers["en"][1]
	if len(a.Headings) != 1 || a.Headings[0].ID != "why" || a.Headings[0].Text != "왜" {
		t.Errorf("ko/barriers/a headings: %+v", a.Headings)
	}
	if !a.IDs.Has("why") || !a.IDs.Has("fn:1") || a.IDs.Has("how") {
		t.Errorf("ko/barriers/a anchors: %q", a.IDs)
	}
	if len(a.Links) != 1 || a.Links[0].Name != "barriers/b.ko.md" || a.Links[0].Fragment != "how" {
		t.Errorf("ko/barriers/a links: %+v", a.Links)
	}
	if len(b.Related) != 1 || b.Related[0].Slug != "a" {
		t.Errorf("en/barriers/b related: %v", b.Related)
	}
	// The languages of an entry are neighbours in Num's order, in which
	// the pages are made: their shared code is highlighted once.
	s.Each(func(e *Entry) {
		for _, tr := range e.Translations {
			if d := tr.Num - e.Num; d >= len(e.Translations) || -d >= len(e.Translations) {
				t.Errorf("%s is number %d, its translation %s number %d", e.Name, e.Num, tr.Name, tr.Num)
			}
		}
	})
	src, page, err := s.Source(a, nil)
	if err != nil || !strings.Contains(string(src), "[^1]: 주.") || page.Lang != "ko" || page.URL("barriers/b.ko.md") != "/x/ko/barriers/b/" {
		t.Errorf("Source: %q, %+v, %v", src, page, err)
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
	_, err = Build(set, markdown.New(), Options{Text: func(e *Entry, text string) {
		mu.Lock()
		defer mu.Unlock()
		if _, twice := got[e.Name]; twice {
			t.Errorf("%s: text given twice", e.Name)
		}
		got[e.Name] = text
	}})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(set.Docs) {
		t.Errorf("text of %d bodies, want %d", len(got), len(set.Docs))
	}
	if !strings.Contains(got["barriers/b.ko.md"], "본문") || !strings.Contains(got["summary.en.md"], "Home text") {
		t.Errorf("texts: %q", got)
	}
}
