package serve

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkRebuild measures what the preview does after each save, on the
// test site and on a copy of the real content: after an edit to one entry
// (the file is read and converted again, the checks across files run, and
// its pages are rendered once), and after an edit to a template (every
// page is rendered once). bench/ measures the same on large sites.
func BenchmarkRebuild(b *testing.B) {
	content, templates := testSite(b)
	root := filepath.Join("..", "..", "..")
	real := b.TempDir()
	if err := os.CopyFS(real, os.DirFS(filepath.Join(root, "content"))); err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct{ name, content, templates, entry string }{
		{"test-site", content, templates, "barriers/beef.en.md"},
		{"real-site", real, filepath.Join(root, "templates"), "barriers/defense-offset.en.md"},
	} {
		for _, kind := range []string{"entry", "template"} {
			b.Run(c.name+"/"+kind, func(b *testing.B) {
				s, err := New(Options{Addr: "127.0.0.1:0", Content: c.content, Templates: c.templates})
				if err != nil {
					b.Fatal(err)
				}
				defer s.Close()
				file := filepath.Join(c.content, filepath.FromSlash(c.entry))
				t := time.Now()
				for b.Loop() {
					t = t.Add(time.Second)
					if err := os.Chtimes(file, t, t); err != nil {
						b.Fatal(err)
					}
					if !s.rebuild(kind == "template") {
						b.Fatal(s.pending)
					}
				}
			})
		}
	}
}
