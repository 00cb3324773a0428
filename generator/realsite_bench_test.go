package main

import (
	"path/filepath"
	"testing"

	"explainer/generator/internal/build"
)

// BenchmarkRealSite builds the real content with the real templates into a
// temporary folder, as "generator build" does; with -cpuprofile it shows
// where a small site's time goes (the fixed costs: templates, pictures,
// the first use of the parsers).
func BenchmarkRealSite(b *testing.B) {
	out := filepath.Join(b.TempDir(), "public")
	for b.Loop() {
		if _, err := build.Run(build.Options{Content: "../content", Templates: "../templates", Out: out}); err != nil {
			b.Fatal(err)
		}
	}
}
