package main

import (
	"flag"
	"path/filepath"
	"testing"

	"explainer/generator/internal/build"
	"explainer/generator/internal/render"
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

// renderContent is the content BenchmarkRender renders: the real site's,
// or a corpus of bench/ (go test -bench Render -args -content /tmp/c1k).
var renderContent = flag.String("content", "../content", "the content `folder` BenchmarkRender renders")

// BenchmarkRender makes every page of the real site from a site already
// converted, and writes nothing: the templates' share of a build, which
// -cpuprofile breaks down.
func BenchmarkRender(b *testing.B) {
	m, err := build.Load(build.LoadOptions{Content: *renderContent, Templates: "../templates"})
	if err != nil {
		b.Fatal(err)
	}
	m.Site.Trim()
	var pages int
	for b.Loop() {
		if pages, err = build.Write(m, render.Discard{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*pages), "µs/page")
}
