package webtest

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"explainer/generator/internal/content"
)

// TestLinkPreviewTags checks the Open Graph and Twitter card tags of every
// page that has a canonical address: the page's own address, its locale
// and the others, and a picture that exists.
func TestLinkPreviewTags(t *testing.T) { eachContent(t, checkLinkPreviewTags) }

func checkLinkPreviewTags(t *testing.T, dir string) {
	out := buildSite(t, dir, testBase)
	langs := languages(t, dir)
	for _, h := range readHeads(t, out) {
		if h.canonical == "" {
			continue
		}
		for _, key := range []string{"og:type", "og:site_name", "og:title", "og:description", "og:url", "og:locale",
			"og:image", "og:image:width", "og:image:height", "og:image:alt",
			"twitter:card", "twitter:title", "twitter:description", "twitter:image", "twitter:image:alt"} {
			if v, ok := h.one(key); !ok || v == "" {
				t.Errorf("%s: %s is %q, want one non-empty value", h.file, key, h.meta[key])
			}
		}
		if v, _ := h.one("og:url"); v != h.canonical {
			t.Errorf("%s: og:url %q, canonical %q", h.file, v, h.canonical)
		}
		var want string
		var others []string
		for _, l := range langs {
			if l.Code == h.lang {
				want = l.Locale
			} else {
				others = append(others, l.Locale)
			}
		}
		if v, _ := h.one("og:locale"); v != want || !slices.Equal(h.meta["og:locale:alternate"], others) {
			t.Errorf("%s: og:locale %q, alternates %q; want %q, %q", h.file, v, h.meta["og:locale:alternate"], want, others)
		}
		img, _ := h.one("og:image")
		if tw, _ := h.one("twitter:image"); tw != img {
			t.Errorf("%s: twitter:image %q, og:image %q", h.file, tw, img)
		}
		rel, ok := strings.CutPrefix(img, testBase)
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(rel))); !ok || err != nil {
			t.Errorf("%s: og:image %q is not a file of the site", h.file, img)
		}
		if typ, _ := h.one("og:type"); (typ == "article") != isBarrierFile(h.file) {
			t.Errorf("%s: og:type %q", h.file, typ)
		}
		if v, _ := h.one("twitter:card"); v != "summary_large_image" {
			t.Errorf("%s: twitter:card %q", h.file, v)
		}
	}
}

// TestArticleJSONLD checks that each barrier page, and no other, carries
// one JSON-LD Article that agrees with the page's head.
func TestArticleJSONLD(t *testing.T) { eachContent(t, checkArticleJSONLD) }

func checkArticleJSONLD(t *testing.T, dir string) {
	out := buildSite(t, dir, testBase)
	def := languages(t, dir)[0].Code
	articles := 0
	for _, h := range readHeads(t, out) {
		if !isBarrierFile(h.file) {
			if len(h.ldjson) != 0 {
				t.Errorf("%s: JSON-LD on a page that is not a barrier", h.file)
			}
			continue
		}
		a := h.article(t)
		if a == nil {
			t.Errorf("%s: %d JSON-LD blocks, want 1", h.file, len(h.ldjson))
			continue
		}
		articles++
		title, _ := h.one("og:title")
		desc, _ := h.one("og:description")
		img, _ := h.one("og:image")
		if a.Context != "https://schema.org" || a.Type != "Article" || a.Headline != title || a.Description != desc ||
			a.InLanguage != h.lang || a.URL != h.canonical || a.MainEntityOfPage != h.canonical || a.Image != img {
			t.Errorf("%s: JSON-LD %+v does not agree with the head (title %q, lang %q, canonical %q, image %q)",
				h.file, a, title, h.lang, h.canonical, img)
		}
		var ids []string
		if a.TranslationOfWork != nil {
			ids = append(ids, a.TranslationOfWork.ID)
		}
		for _, w := range a.WorkTranslation {
			ids = append(ids, w.ID)
		}
		var want []string
		for lang, addr := range h.hreflang {
			if lang != "x-default" && lang != h.lang && (h.lang == def || lang == def) {
				want = append(want, addr)
			}
		}
		slices.Sort(ids)
		slices.Sort(want)
		if !slices.Equal(ids, want) {
			t.Errorf("%s: JSON-LD translations %q, want %q", h.file, ids, want)
		}
	}
	if articles == 0 {
		t.Error("no barrier page with JSON-LD")
	}
}

// TestJSONLDEscaping gives a barrier a title that would end the script
// element if it were copied as it is: the JSON must still parse to the
// same title, and no part of it may become a script that runs.
func TestJSONLDEscaping(t *testing.T) {
	const title = `Offsets </script><script>alert(1)</script> <!-- & "quotes" 'too' \`
	dir := fixture(t, func(files map[string]string) {
		f := files["barriers/defense-offset.en.md"]
		files["barriers/defense-offset.en.md"] = strings.Replace(f, "title: Defense offset obligations", "title: '"+strings.ReplaceAll(title, "'", "''")+"'", 1)
	})
	if set, err := content.Load(os.DirFS(dir), dir); set == nil || err != nil {
		t.Fatalf("fixture: %v", err)
	}
	out := buildSite(t, dir, testBase)
	for _, h := range readHeads(t, out) {
		if h.file != "en/barriers/defense-offset/index.html" {
			continue
		}
		a := h.article(t)
		if a == nil || a.Headline != title {
			t.Fatalf("JSON-LD headline: %+v, want %q", a, title)
		}
		for _, code := range h.inline {
			if strings.Contains(code, "alert(1)") {
				t.Errorf("the title became a script of its own: %q", code)
			}
		}
		return
	}
	t.Fatal("no page for the barrier")
}

// isBarrierFile reports whether an output file is a barrier's page:
// <lang>/barriers/<slug>/index.html.
func isBarrierFile(f string) bool {
	parts := strings.Split(f, "/")
	return len(parts) == 4 && parts[1] == "barriers" && parts[3] == "index.html"
}
