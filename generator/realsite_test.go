package main

import (
	"bytes"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"explainer/generator/internal/build"

	"golang.org/x/net/html"
)

// TestRealSite builds the repository's own content with its own templates
// and checks the result as a reader's browser would meet it: every internal
// link and asset resolves to a file, every #fragment to an id on its page,
// every page declares its language and has its translation.
func TestRealSite(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	res, err := build.Run(build.Options{Content: "../content", Templates: "../templates", Out: out})
	if err != nil {
		t.Fatalf("the real content does not build:\n%v", err)
	}
	base, _ := url.Parse(res.Site.BaseURL)
	site := crawl(t, out)
	if len(site) < 10 {
		t.Fatalf("only %d pages built", len(site))
	}
	barriers := 0
	for name, p := range site {
		if p.lang == "" {
			t.Errorf("%s: <html> has no lang", name)
		}
		if strings.Contains(name, "/barriers/") && name != "en/barriers/index.html" && name != "ko/barriers/index.html" {
			barriers++
		}
		for _, ref := range p.refs {
			u, err := url.Parse(ref)
			if err != nil {
				t.Errorf("%s: bad address %q", name, ref)
				continue
			}
			if u.Host != "" && u.Host != base.Host || u.Scheme == "mailto" {
				continue // an external address
			}
			if u.Host == "" && !strings.HasPrefix(u.Path, "/") && u.Path != "" {
				t.Errorf("%s: page-relative address %q", name, ref)
				continue
			}
			target := name
			if u.Path != "" {
				rel, ok := strings.CutPrefix(u.Path, base.Path)
				if !ok {
					t.Errorf("%s: %q is outside the base path %s", name, ref, base.Path)
					continue
				}
				target = rel
				if target == "" || strings.HasSuffix(target, "/") {
					target += "index.html"
				}
			}
			if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(target))); err != nil {
				t.Errorf("%s: link to %q: no file %s", name, ref, target)
				continue
			}
			if u.Fragment != "" && strings.HasSuffix(target, ".html") && !site[target].ids[u.Fragment] {
				t.Errorf("%s: link to %q: %s has no id %q", name, ref, target, u.Fragment)
			}
		}
		if l, ok := strings.CutPrefix(name, "en/"); ok && site["ko/"+l] == nil {
			t.Errorf("%s has no Korean counterpart", name)
		}
		if l, ok := strings.CutPrefix(name, "ko/"); ok && site["en/"+l] == nil {
			t.Errorf("%s has no English counterpart", name)
		}
	}
	if barriers < 2*8 {
		t.Errorf("%d barrier pages built; the article names at least 8 barriers, in two languages", barriers)
	}
}

type crawled struct {
	lang string
	ids  map[string]bool
	refs []string // href and src values, as written
}

// crawl parses every HTML file below root.
func crawl(t *testing.T, root string) map[string]*crawled {
	t.Helper()
	pages := make(map[string]*crawled)
	err := filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || path.Ext(p) != ".html" {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		doc, err := html.Parse(bytes.NewReader(data))
		if err != nil {
			return err
		}
		c := &crawled{ids: make(map[string]bool)}
		for n := range doc.Descendants() {
			if n.Type != html.ElementNode {
				continue
			}
			for _, a := range n.Attr {
				switch {
				case a.Key == "id":
					c.ids[a.Val] = true
				case a.Key == "lang" && n.Data == "html":
					c.lang = a.Val
				case (a.Key == "href" || a.Key == "src") && n.Data != "link" || a.Key == "href" && n.Data == "link":
					c.refs = append(c.refs, a.Val)
				}
			}
		}
		rel, _ := filepath.Rel(root, p)
		pages[filepath.ToSlash(rel)] = c
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return pages
}
