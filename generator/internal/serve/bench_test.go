package serve

import (
	"path/filepath"
	"testing"
)

// BenchmarkRebuild measures what the preview does after each save: a full
// build into the private output folder, of the test site and of the real
// content.
func BenchmarkRebuild(b *testing.B) {
	content, templates := testSite(b)
	root := filepath.Join("..", "..", "..")
	for _, c := range []struct{ name, content, templates string }{
		{"test-site", content, templates},
		{"real-site", filepath.Join(root, "content"), filepath.Join(root, "templates")},
	} {
		b.Run(c.name, func(b *testing.B) {
			s, err := New(Options{Addr: "127.0.0.1:0", Content: c.content, Templates: c.templates})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			for b.Loop() {
				s.rebuild()
			}
			if s.state.problems != nil {
				b.Fatal(s.state.problems)
			}
		})
	}
}
