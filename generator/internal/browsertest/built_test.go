package browsertest

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var dataIndex = regexp.MustCompile(`data-index="` + regexp.QuoteMeta(basePath) + `(assets/search\.([a-z]+)\.[0-9a-f]{10}\.json)"`)

// TestBuiltSite checks, without a browser, what the build adds for
// readers: every page in a language points its search box at that
// language's index, which exists, and every front matter figure is drawn
// as a labelled chart with its data table.
func TestBuiltSite(t *testing.T) {
	for _, lang := range result.Site.Langs {
		for _, e := range append(append(result.Site.Barriers[lang], result.Site.Pages[lang]...), result.Site.Home[lang]) {
			html, err := os.ReadFile(filepath.Join(outDir, filepath.FromSlash(e.PagePath), "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			page := string(html)
			m := dataIndex.FindStringSubmatch(page)
			if m == nil || m[2] != lang {
				t.Errorf("%s: the search box does not point at the %s index (%v)", e.PagePath, lang, m)
			} else if _, err := os.Stat(filepath.Join(outDir, m[1])); err != nil {
				t.Errorf("%s: %v", e.PagePath, err)
			}
			for _, f := range e.Meta.Figures {
				i := strings.Index(page, `<figure class="figure" id="`+f.ID+`">`)
				if i < 0 {
					t.Errorf("%s: no figure %q", e.PagePath, f.ID)
					continue
				}
				fig := page[i : i+strings.Index(page[i:], "</figure>")]
				for _, want := range []string{`<svg class="chart"`, `role="img" aria-labelledby="` + f.ID + `-chart-title ` + f.ID + `-chart-desc"`, "<table>"} {
					if !strings.Contains(fig, want) {
						t.Errorf("%s: figure %q lacks %s", e.PagePath, f.ID, want)
					}
				}
				if n := strings.Count(fig, `class="chart-bar"`); n != len(f.Data) {
					t.Errorf("%s: figure %q has %d bars for %d data", e.PagePath, f.ID, n, len(f.Data))
				}
			}
		}
	}
}
