package serve

import "testing"

// BenchmarkRebuild measures what the preview does after each save: a full
// build of the test site into the private output folder.
func BenchmarkRebuild(b *testing.B) {
	content, templates := testSite(b)
	s, err := New(Options{Addr: "127.0.0.1:0", Content: content, Templates: templates})
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
}
