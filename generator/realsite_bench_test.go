package main

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"explainer/generator/internal/build"
	"explainer/generator/internal/content"
	"explainer/generator/internal/markdown"
	"explainer/generator/internal/render"
	"explainer/generator/internal/site"
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
	set, err := content.LoadMeta(os.DirFS(*renderContent), *renderContent)
	if err != nil {
		b.Fatal(err)
	}
	theme, err := render.LoadTheme(os.DirFS("../templates"), "../templates", set.Config.Codes())
	if err != nil {
		b.Fatal(err)
	}
	index := render.NewSearch(set.Config)
	s, err := site.Build(set, markdown.New(), site.Options{Text: index.AddText})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	s.Trim()
	var pages int
	for b.Loop() {
		if pages, err = render.Render(s, theme, index, render.Discard{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*pages), "µs/page")
}
