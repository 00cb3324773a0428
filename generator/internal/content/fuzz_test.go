package content

import (
	"bytes"
	"testing"
	"testing/fstest"

	"explainer/generator/internal/diag"
)

// FuzzFrontMatter loads a content folder whose one page is the fuzzed
// file. Whatever the file holds, Load must not panic, and every problem
// must point into that file, at a line it has.
func FuzzFrontMatter(f *testing.F) {
	f.Add([]byte(goodPage))
	f.Add([]byte("---\ntitle: &a x\nsummary: *a\n---\nText\n"))
	f.Add([]byte("---\ntitle: [a, {b: c}]\nsummary: \"x\n---\n"))
	f.Add([]byte("\xEF\xBB\xBF---\r\ntitle: x\r\nsummary: y\r\nsources:\r\n  - {title: t, url: ftp://x}\r\n---\r\nText"))
	f.Add([]byte("---\nfigures:\n  - id: a\n    title: t\n    data: [{label: x, value: -1e999}]\n---\n"))
	f.Fuzz(func(t *testing.T, doc []byte) {
		fsys := fstest.MapFS{
			"site.yaml":         {Data: []byte(testConfig)},
			"pages/about.en.md": {Data: doc},
		}
		set, err := Load(fsys, "content")
		lines := bytes.Count(normalize(doc), []byte("\n")) + 1
		for _, e := range diag.AsList(err) {
			if e.Pos.Path != "content/pages/about.en.md" {
				t.Errorf("problem in another file: %v", e)
			}
			if e.Pos.Line < 0 || e.Pos.Line > lines+1 {
				t.Errorf("problem at line %d of a %d-line file: %v", e.Pos.Line, lines, e)
			}
		}
		if err == nil && (len(set.Docs) != 1 || set.Docs[0].Meta.Title == "") {
			t.Errorf("loaded without error but without its page or title: %+v", set.Docs)
		}
	})
}
