package build

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// copyTree copies the folder src into dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if e.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// hostileBarriers is how many barriers testdata/security/content has.
const hostileBarriers = 1

// buildHostile builds testdata/security/content, a site whose every field
// tries to put script or styling into the page, with the real templates
// and site.yaml.
func buildHostile(t *testing.T) (string, *Result) {
	t.Helper()
	root := t.TempDir()
	dir := filepath.Join(root, "content")
	copyTree(t, filepath.Join("testdata", "security", "content"), dir)
	if err := os.WriteFile(filepath.Join(dir, "site.yaml"), realConfig(t, hostileBarriers), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(root, "public")
	res, err := Run(Options{Content: dir, Templates: filepath.Join(repoRoot, "templates"), Out: out})
	if err != nil {
		t.Fatalf("the hostile site does not build: %v", err)
	}
	return out, res
}

// TestEveryPageForbidsInlineScript checks every page of a built site: it
// carries a Content-Security-Policy that allows no inline script, and it
// has no inline script, no event handler attribute, no style attribute,
// no element that can run or embed something, and no javascript: address.
func TestEveryPageForbidsInlineScript(t *testing.T) {
	out, _ := buildHostile(t)
	pages := 0
	filepath.WalkDir(out, func(p string, e fs.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(p, ".html") {
			return err
		}
		pages++
		rel, _ := filepath.Rel(out, p)
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		doc, err := html.Parse(f)
		if err != nil {
			t.Fatalf("%s: %v", rel, err)
		}
		checkPage(t, rel, doc)
		return nil
	})
	if pages < 10 {
		t.Fatalf("only %d pages built", pages)
	}
}

func checkPage(t *testing.T, rel string, doc *html.Node) {
	csp := 0
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		attr := func(k string) (string, bool) {
			i := slices.IndexFunc(n.Attr, func(a html.Attribute) bool { return a.Key == k })
			if i < 0 {
				return "", false
			}
			return n.Attr[i].Val, true
		}
		if v, _ := attr("http-equiv"); n.Data == "meta" && strings.EqualFold(v, "Content-Security-Policy") {
			csp++
			c, _ := attr("content")
			if !strings.Contains(c, "script-src 'self'") || strings.Contains(c, "unsafe-inline") || strings.Contains(c, "unsafe-eval") ||
				!strings.Contains(c, "object-src 'none'") || !strings.Contains(c, "base-uri 'none'") {
				t.Errorf("%s: Content-Security-Policy %q allows more than the site's own scripts", rel, c)
			}
			if n.Parent.Data != "head" {
				t.Errorf("%s: Content-Security-Policy outside <head>", rel)
			}
		}
		switch n.Data {
		case "script":
			if typ, _ := attr("type"); typ == "application/ld+json" && n.Parent.Data == "head" {
				continue // the barrier's JSON-LD: data, which html/template encodes
			}
			if src, ok := attr("src"); !ok || src == "" || n.FirstChild != nil {
				t.Errorf("%s: inline <script>", rel)
			}
		case "form":
			// The theme's search box: a plain GET to the barrier index.
			if c, _ := attr("class"); c != "search" {
				t.Errorf("%s: <form class=%q> in the page", rel, c)
			}
			if a, _ := attr("action"); strings.Contains(a, ":") {
				t.Errorf("%s: <form action=%q> leaves the site", rel, a)
			}
		case "svg":
			// The charts the generator draws from front matter figures,
			// and the overview of the barriers (its cells and legend).
			if c, _ := attr("class"); c != "chart" && c != "overview-chart" && c != "overview-cell" && c != "overview-swatch" {
				t.Errorf("%s: <svg class=%q> in the page", rel, c)
			}
		case "iframe", "object", "embed", "base", "math", "style", "link":
			if v, _ := attr("rel"); n.Data == "link" && v != "stylesheet" && v != "canonical" && v != "alternate" && v != "icon" && v != "apple-touch-icon" {
				t.Errorf("%s: <link rel=%q>", rel, v)
			}
			if n.Data == "link" {
				if h, _ := attr("href"); n.Parent.Data != "head" || (strings.Contains(h, "://") && !strings.HasPrefix(h, "https://example.github.io/")) {
					t.Errorf("%s: <link href=%q> not from the site", rel, h)
				}
				continue
			}
			t.Errorf("%s: <%s> in the page", rel, n.Data)
		case "meta":
			if v, _ := attr("http-equiv"); strings.EqualFold(v, "refresh") && n.Parent.Data != "noscript" {
				t.Errorf("%s: a refresh outside the root page's <noscript>", rel)
			}
		}
		for _, a := range n.Attr {
			k := strings.ToLower(a.Key)
			if strings.HasPrefix(k, "on") || k == "style" || k == "srcdoc" {
				t.Errorf("%s: <%s %s=%q>", rel, n.Data, k, a.Val)
			}
			if (k == "href" || k == "src" || k == "action") && hasScheme(a.Val, "javascript", "vbscript", "data") {
				t.Errorf("%s: <%s %s=%q>", rel, n.Data, k, a.Val)
			}
		}
		if h, _ := attr("href"); n.Data == "a" && (strings.HasPrefix(h, "http://") || strings.HasPrefix(h, "https://") || strings.HasPrefix(h, "//")) {
			r, _ := attr("rel")
			if words := strings.Fields(r); !slices.Contains(words, "noopener") || !slices.Contains(words, "noreferrer") {
				t.Errorf("%s: external link %s has rel=%q, want noopener noreferrer", rel, h, r)
			}
		}
	}
	if csp != 1 {
		t.Errorf("%s: %d Content-Security-Policy tags, want 1", rel, csp)
	}
}

func hasScheme(u string, schemes ...string) bool {
	u = strings.ToLower(strings.Join(strings.Fields(u), ""))
	for _, s := range schemes {
		if strings.HasPrefix(u, s+":") {
			return true
		}
	}
	return false
}

// TestHostileSiteWarns checks that what was removed from the hostile site
// is reported to the editor, at its place.
func TestHostileSiteWarns(t *testing.T) {
	_, res := buildHostile(t)
	var got []string
	for _, w := range res.Warnings {
		got = append(got, strings.TrimPrefix(w.Error(), filepath.Dir(w.Pos.Path)+"/"))
	}
	for _, want := range []string{
		"summary.en.md:11:21: warning: raw HTML <script> removed with its content; markdown pages may use only simple formatting tags",
		"summary.en.md:11:51: warning: raw HTML <img> removed; markdown pages may use only simple formatting tags",
		"summary.en.md:15:1: warning: raw HTML <iframe> removed with its content; markdown pages may use only simple formatting tags",
		`summary.en.md:17:1: warning: attribute "style" removed from raw HTML <div>`,
		`summary.en.md:17:1: warning: attribute "onclick" removed from raw HTML <div>`,
		`summary.en.md:17:53: warning: attribute "onclick" removed from raw HTML <a>`,
		`hostile.en.md:21:1: warning: attribute "ontoggle" removed from raw HTML <details>`,
		`hostile.en.md:23:8: warning: attribute "class" removed from raw HTML <span>`,
		"hostile.en.md:27:1: warning: raw HTML <style> removed with its content; markdown pages may use only simple formatting tags",
		"about.en.md:6:1: warning: raw HTML <form> removed; markdown pages may use only simple formatting tags",
	} {
		if !slices.Contains(got, want) {
			t.Errorf("missing warning %s", want)
		}
	}
	if t.Failed() {
		t.Logf("warnings:\n%s", strings.Join(got, "\n"))
	}
}
