package render

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"testing/fstest"

	"explainer/generator/internal/tmplrun"
)

// TestCompiledAgrees makes every page of the real site with the theme's
// templates compiled (package tmplrun) and with html/template alone, and
// compares them; every kind of page must run compiled, with no execution
// thrown away and made again by html/template.
func TestCompiledAgrees(t *testing.T) {
	theme, pages := realPages(t)
	compareCompiled(t, theme, pages)
}

// TestCompiledAgreesOnHostileText does the same for the site whose every
// field tries to put markup or script into its pages (the build's
// security tests use it), with the real site.yaml.
func TestCompiledAgreesOnHostileText(t *testing.T) {
	root := filepath.Join("..", "..", "..")
	hostile := filepath.Join(root, "generator", "internal", "build", "testdata", "security", "content")
	fsys := fstest.MapFS{}
	err := filepath.WalkDir(hostile, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(hostile, p)
		b, err := os.ReadFile(p)
		fsys[filepath.ToSlash(rel)] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := os.ReadFile(filepath.Join(root, "content", "site.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	// The hostile site's one barrier, not the real site's count.
	cfg = regexp.MustCompile(`(?m)^report_items:.*$`).ReplaceAll(cfg, []byte("report_items: 1"))
	fsys["site.yaml"] = &fstest.MapFile{Data: cfg}
	theme, pages := pagesOf(t, fsys, "content")
	if len(pages) < 6 {
		t.Fatalf("%d pages of the hostile site; want its barrier, pages and indexes in both languages", len(pages))
	}
	compareCompiled(t, theme, pages)
}

// compareCompiled makes each page twice with each engine, after a first
// round that lets html/template escape every template.
func compareCompiled(t *testing.T, theme *Theme, pages []*Page) {
	t.Helper()
	std := theme.forSite()
	std.run = make(map[string]*tmplrun.Set)
	for k, tm := range theme.tmpl {
		std.run[k] = tmplrun.New(tm)
		std.run[k].Standard = true
	}
	for round := range 2 { // the first executions are html/template's
		comparePages(t, theme, std, pages, fmt.Sprintf("compiled (round %d) from html/template's", round))
	}
	for k, run := range theme.run {
		if !run.Compiled("layout.html") {
			t.Errorf("%s pages: the layout does not run compiled", k)
		}
		if n := run.Fallbacks(); n > 0 {
			t.Errorf("%s pages: %d executions fell back to html/template", k, n)
		}
	}
	for _, name := range []string{"card", "nav", "footer"} {
		if !theme.run[KindHome].Compiled(name) {
			t.Errorf("home pages: %q does not run compiled", name)
		}
	}
}

// warmUp leaves every kind of page of the real site to the compiled
// templates, the cards its lists show included, from the first real page
// of the kind on; and the pages are the same as without it.
func TestWarmUpCompilesEveryKind(t *testing.T) {
	theme, pages := realPages(t)
	_, fresh := realPages(t)
	warmUp(theme, pages)
	kinds := make(map[string]bool)
	for i, p := range pages {
		got, err := theme.execute(p)
		if err != nil {
			t.Fatal(err)
		}
		if !kinds[p.Kind] && !theme.run[p.Kind].Compiled("layout.html") {
			t.Errorf("%s: the first page of its kind was not made by the compiled templates", p.Path)
		}
		kinds[p.Kind] = true
		want, err := fresh[i].theme.execute(fresh[i])
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Errorf("%s: differs after warmUp", p.Path)
		}
	}
	if len(kinds) < 7 {
		t.Errorf("the real site has %d kinds of page; want all seven", len(kinds))
	}
	if !theme.run[KindHome].Compiled("card") {
		t.Error("home pages: the card does not run compiled")
	}
}
