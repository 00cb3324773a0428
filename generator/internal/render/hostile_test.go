package render

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

// TestHostileFrontMatterIsEscaped makes every page of the site whose every
// front matter field tries to put markup or script into its pages (the
// build's security tests use it), with the real site.yaml and theme: the
// text is escaped for each place it lands, and no page has its markup.
func TestHostileFrontMatterIsEscaped(t *testing.T) {
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
	// The hostile site has one barrier a language: the real site.yaml's
	// report_items would not hold for it.
	cfg = regexp.MustCompile(`(?m)^report_items:.*$`).ReplaceAll(cfg, []byte("report_items: 1"))
	fsys["site.yaml"] = &fstest.MapFile{Data: cfg}
	pages := pagesOf(t, fsys, "content")
	if len(pages) < 6 {
		t.Fatalf("%d pages of the hostile site; want its barrier, pages and indexes in both languages", len(pages))
	}
	made := make(map[string]string)
	for _, p := range pages {
		html, err := p.HTML()
		if err != nil {
			t.Fatal(err)
		}
		made[OutName(p.Path)] = string(html)
		for _, bad := range []string{"<svg onload", "<img src=x", "<b onclick", "<script>alert(1)", `" onload="`} {
			if strings.Contains(string(html), bad) {
				t.Errorf("%s has %q", OutName(p.Path), bad)
			}
		}
	}
	barrier := made["en/barriers/hostile/index.html"]
	for _, want := range []string{
		`<title>&lt;svg onload=alert(1)&gt;Hostile barrier · `,
		`<meta name="description" content="&lt;img src=x onerror=alert(1)&gt;">`,
		`<meta property="og:title" content="&lt;svg onload=alert(1)&gt;Hostile barrier">`,
		`"headline":"\u003csvg onload=alert(1)\u003eHostile barrier"`,
		`<h1>&lt;svg onload=alert(1)&gt;Hostile barrier</h1>`,
		`<p class="lede">&lt;img src=x onerror=alert(1)&gt;</p>`,
		`<caption>&lt;script&gt;alert(1)&lt;/script&gt;</caption>`,
		`<td>1 &#34; onload=&#34;alert(1)</td>`,
		`<text class="chart-value" x="100%" y="15" text-anchor="end">1 &#34; onload=&#34;alert(1)</text>`,
		`<a href="https://example.org/report?q=%3cscript%3e" rel="noopener noreferrer">`,
		`&lt;b onclick=alert(1)&gt;Publisher&lt;/b&gt;`,
	} {
		if !strings.Contains(barrier, want) {
			t.Errorf("the hostile barrier's page has no %s", want)
		}
	}
}
