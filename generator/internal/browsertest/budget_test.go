package browsertest

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

// The budgets of issue "readers' experience": sizes before compression.
const (
	maxCSS  = 20 << 10 // the stylesheets of each page together
	maxJS   = 10 << 10 // all scripts together
	maxHTML = 50 << 10 // each page
)

var (
	hashedName = regexp.MustCompile(`^[a-z0-9-]+(\.[a-z]{2})?\.[0-9a-f]{10}\.[a-z]+$`)
	// Tags that make the browser fetch something, with the attribute.
	fetchRE     = regexp.MustCompile(`(?is)<(script|link|img|source|iframe|video|audio|embed|object|track|input)\b[^>]*?\s(src|href|srcset|data|poster)="([^"]*)"`)
	inlineJS    = regexp.MustCompile(`(?is)<script\b([^>]*)>(.*?)</script>`)
	handlerAttr = regexp.MustCompile(`(?i)<[a-z][^>]*\son[a-z]+\s*=`)
	styleAttr   = regexp.MustCompile(`(?i)<[a-z][^>]*\sstyle\s*=`)
	styleTag    = regexp.MustCompile(`(?i)<style\b`)
	htmlLang    = regexp.MustCompile(`(?i)^<!doctype html>\s*<html lang="[a-z]{2}"`)
	jsURL       = regexp.MustCompile(`(?i)\shref="javascript:`)
	stylesheet  = regexp.MustCompile(`<link rel="stylesheet" href="[^"]*/(assets/[^"/]+)"`)
)

// checkBudgets returns every way the built site in fsys breaks a budget.
// base is the site's absolute address: only addresses below it, and
// root-relative or relative ones, are the site's own.
func checkBudgets(fsys fs.FS, base string) []string {
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	var js int
	css := map[string]int{}         // stylesheet sizes by path
	sheets := map[string][]string{} // the stylesheets of each page
	fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			bad("%s: %v", name, err)
			return nil
		}
		if d.IsDir() {
			return nil
		}
		data, _ := fs.ReadFile(fsys, name)
		switch ext := path.Ext(name); {
		case strings.HasPrefix(name, "assets/"):
			if !hashedName.MatchString(path.Base(name)) {
				bad("%s: an asset not named by its content hash", name)
			}
			if ext == ".css" {
				css[name] = len(data)
			}
			if ext == ".js" {
				js += len(data)
			}
		case ext == ".html":
			problems = append(problems, checkPage(name, string(data), base)...)
			for _, m := range stylesheet.FindAllStringSubmatch(string(data), -1) {
				sheets[name] = append(sheets[name], m[1])
			}
		}
		return nil
	})
	for page, list := range sheets {
		n := 0
		for _, s := range list {
			n += css[s]
		}
		if n > maxCSS {
			bad("%s: its stylesheets are %d bytes, over the budget of %d", page, n, maxCSS)
		}
	}
	if js > maxJS {
		bad("JavaScript is %d bytes, over the budget of %d", js, maxJS)
	}
	return problems
}

func checkPage(name, html, base string) []string {
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, name+": "+fmt.Sprintf(format, args...)) }
	if len(html) > maxHTML {
		bad("%d bytes, over the budget of %d", len(html), maxHTML)
	}
	if !htmlLang.MatchString(html) {
		bad("does not start with <!doctype html><html lang=...>")
	}
	for _, m := range inlineJS.FindAllStringSubmatch(html, -1) {
		// A JSON-LD block is data the browser never runs, and the
		// Content-Security-Policy does not apply to it.
		if strings.Contains(m[1], `type="application/ld+json"`) {
			continue
		}
		if strings.TrimSpace(m[2]) != "" || !strings.Contains(m[1], "src=") {
			bad("inline script %.60q", m[0])
		}
	}
	for _, re := range []*regexp.Regexp{handlerAttr, styleAttr, styleTag, jsURL} {
		if m := re.FindString(html); m != "" {
			bad("blocked by the Content-Security-Policy: %.80q", m)
		}
	}
	for _, m := range fetchRE.FindAllStringSubmatch(html, -1) {
		u := m[3]
		own := strings.HasPrefix(u, base) || strings.HasPrefix(u, "data:") ||
			(!strings.Contains(u, "//") && !strings.HasPrefix(u, "javascript:"))
		rel := strings.ToLower(m[0])
		// <link rel=canonical|alternate> name addresses; they are not fetched.
		named := m[1] == "link" && (strings.Contains(rel, `rel="canonical"`) || strings.Contains(rel, `rel="alternate"`))
		if !own && !named {
			bad("fetches %s from another site", u)
		}
	}
	return problems
}

// TestBudgets checks the built site: sizes, a strict Content-Security-Policy
// kept (no inline script, handler or style), nothing fetched from another
// host, and assets named by their content.
func TestBudgets(t *testing.T) {
	for _, p := range checkBudgets(os.DirFS(outDir), server.URL+basePath) {
		t.Error(p)
	}
	sizes := map[string]int{}
	fs.WalkDir(os.DirFS(outDir), ".", func(name string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			info, _ := d.Info()
			sizes[path.Ext(name)] += int(info.Size())
		}
		return nil
	})
	t.Logf("built %d pages; CSS %d bytes, JS %d bytes, search indexes and other JSON %d bytes", result.Pages, sizes[".css"], sizes[".js"], sizes[".json"])
}

// TestBudgetsCatchViolations gives checkBudgets a site that breaks every
// rule once and expects each to be reported.
func TestBudgetsCatchViolations(t *testing.T) {
	page := func(body string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte(`<!doctype html>` + "\n" + `<html lang="en"><head></head><body>` + body + `</body></html>`)}
	}
	site := fstest.MapFS{
		"assets/style.0123456789.css": {Data: make([]byte, maxCSS+1)},
		"assets/app.js":               {Data: []byte("x")},
		"assets/big.0123456789.js":    {Data: make([]byte, maxJS+1)},
		"en/inline/index.html":        page(`<script>alert(1)</script>`),
		"en/handler/index.html":       page(`<a href="/x" onclick="go()">x</a>`),
		"en/style/index.html":         page(`<p style="color:red">x</p>`),
		"en/font/index.html":          page(`<link rel="stylesheet" href="https://fonts.example.net/css">`),
		"en/script/index.html":        page(`<script src="https://cdn.example.net/x.js"></script>`),
		"en/big/index.html":           page(strings.Repeat("x", maxHTML)),
		"en/nolang/index.html":        {Data: []byte(`<!doctype html><html><body></body></html>`)},
		"en/css/index.html":           page(`<link rel="stylesheet" href="/assets/style.0123456789.css">`),
		"en/ok/index.html":            page(`<a href="https://elsewhere.example.net/">a link is fine</a><link rel="canonical" href="https://site.example.net/en/"><script src="/assets/big.0123456789.js" defer></script>`),
	}
	got := strings.Join(checkBudgets(site, "https://site.example.net/"), "\n")
	for _, want := range []string{
		"en/css/index.html: its stylesheets are 20481 bytes", "JavaScript is 10242 bytes", "assets/app.js: an asset not named",
		"en/inline/index.html: inline script", "en/handler/index.html: blocked", "en/style/index.html: blocked",
		"en/font/index.html: fetches https://fonts.example.net/css", "en/script/index.html: fetches https://cdn.example.net/x.js",
		"en/big/index.html: 51", "en/nolang/index.html: does not start",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("not reported: %s", want)
		}
	}
	if strings.Contains(got, "en/ok/") {
		t.Errorf("a page within the rules was reported:\n%s", got)
	}
}
