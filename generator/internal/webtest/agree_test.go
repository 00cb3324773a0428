package webtest

import (
	"bytes"
	"encoding/xml"
	"image/png"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"explainer/generator/internal/content"
)

// The address the agreement tests build for; nothing is served there.
const testBase = "https://example.test/explainer/"

type sitemapXML struct {
	URLs []struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod"`
		Links   []struct {
			Rel      string `xml:"rel,attr"`
			HrefLang string `xml:"hreflang,attr"`
			Href     string `xml:"href,attr"`
		} `xml:"http://www.w3.org/1999/xhtml link"`
	} `xml:"url"`
}

type atomXML struct {
	Lang    string `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	ID      string `xml:"id"`
	Title   string `xml:"title"`
	Updated string `xml:"updated"`
	Links   []struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	} `xml:"link"`
	Author  string `xml:"author>name"`
	Entries []struct {
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Summary string `xml:"summary"`
		Link    struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
		Content string `xml:"content"`
	} `xml:"entry"`
}

func readXML(t *testing.T, name string, v any) {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

// TestSitemapAgreesWithPages checks that sitemap.xml lists exactly the
// pages that have a canonical address, with the same language versions as
// their heads, and that robots.txt points to it.
func TestSitemapAgreesWithPages(t *testing.T) { eachContent(t, checkSitemapAgreesWithPages) }

func checkSitemapAgreesWithPages(t *testing.T, dir string) {
	out := buildSite(t, dir, testBase)
	heads := readHeads(t, out)
	var sm sitemapXML
	readXML(t, filepath.Join(out, "sitemap.xml"), &sm)

	listed := make(map[string]int)
	for i, u := range sm.URLs {
		listed[u.Loc] = i + 1
	}
	for _, h := range heads {
		if h.canonical == "" {
			if !h.noindex {
				t.Errorf("%s: no canonical link and no noindex", h.file)
			}
			continue
		}
		i := listed[h.canonical]
		if i == 0 {
			t.Errorf("%s: %s is not in the sitemap", h.file, h.canonical)
			continue
		}
		delete(listed, h.canonical)
		u := sm.URLs[i-1]
		got := make(map[string]string)
		for _, l := range u.Links {
			if l.Rel != "alternate" {
				t.Errorf("sitemap %s: link rel %q", u.Loc, l.Rel)
			}
			got[l.HrefLang] = l.Href
		}
		if !maps.Equal(got, h.hreflang) {
			t.Errorf("%s: sitemap alternates %v, page's hreflang links %v", h.file, got, h.hreflang)
		}
		if a := h.article(t); a != nil && u.LastMod != a.DateModified {
			t.Errorf("%s: sitemap lastmod %q, JSON-LD dateModified %q", h.file, u.LastMod, a.DateModified)
		}
	}
	for loc := range listed {
		t.Errorf("sitemap lists %s, which no page has as its canonical address", loc)
	}
	if len(sm.URLs) < 10 {
		t.Errorf("sitemap lists %d pages", len(sm.URLs))
	}
	robots, err := os.ReadFile(filepath.Join(out, "robots.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if refs := robotsRefs(robots); !slices.Equal(refs, []string{testBase + "sitemap.xml"}) {
		t.Errorf("robots.txt names sitemaps %q", refs)
	}
}

// TestFeedsAgreeWithPages checks each language's Atom feed: it lists
// exactly the barrier pages of its language, with their titles, summaries
// and dates, newest first, and every page of the language links to it.
func TestFeedsAgreeWithPages(t *testing.T) { eachContent(t, checkFeedsAgreeWithPages) }

func checkFeedsAgreeWithPages(t *testing.T, dir string) {
	out := buildSite(t, dir, testBase)
	heads := readHeads(t, out)
	for _, lang := range languages(t, dir) {
		feedURL := testBase + lang.Code + "/feed.xml"
		var f atomXML
		readXML(t, filepath.Join(out, lang.Code, "feed.xml"), &f)
		if f.Lang != lang.Code || f.ID != feedURL || f.Title == "" || f.Author == "" {
			t.Errorf("%s: lang %q id %q title %q author %q", feedURL, f.Lang, f.ID, f.Title, f.Author)
		}
		if !slices.ContainsFunc(f.Links, func(l struct {
			Rel  string `xml:"rel,attr"`
			Href string `xml:"href,attr"`
		}) bool {
			return l.Rel == "self" && l.Href == feedURL
		}) {
			t.Errorf("%s: no rel=self link to itself", feedURL)
		}

		barriers := make(map[string]*head)
		for _, h := range heads {
			if h.lang != lang.Code || h.canonical == "" {
				continue
			}
			if !slices.Contains(h.feeds, strings.TrimPrefix(feedURL, "https://example.test")) {
				t.Errorf("%s: head links to feeds %q, not to %s", h.file, h.feeds, feedURL)
			}
			if typ, _ := h.one("og:type"); typ == "article" {
				barriers[h.canonical] = h
			}
		}
		for i, e := range f.Entries {
			h := barriers[e.ID]
			if h == nil {
				t.Errorf("%s: entry %s is not a barrier page of the language", feedURL, e.ID)
				continue
			}
			delete(barriers, e.ID)
			title, _ := h.one("og:title")
			desc, _ := h.one("og:description")
			if e.Link.Href != e.ID || e.Title != title || e.Summary != desc || e.Content == "" {
				t.Errorf("%s: entry %s: link %q title %q summary %q; page title %q summary %q",
					feedURL, e.ID, e.Link.Href, e.Title, e.Summary, title, desc)
			}
			if _, err := time.Parse(time.RFC3339, e.Updated); err != nil {
				t.Errorf("%s: entry %s: updated %q: %v", feedURL, e.ID, e.Updated, err)
			}
			if a := h.article(t); a != nil && a.DateModified != "" && e.Updated != a.DateModified+"T00:00:00Z" {
				t.Errorf("%s: entry %s updated %q, page modified %q", feedURL, e.ID, e.Updated, a.DateModified)
			}
			if i > 0 && e.Updated > f.Entries[i-1].Updated {
				t.Errorf("%s: entry %s (%s) comes after an older one", feedURL, e.ID, e.Updated)
			}
		}
		for addr := range barriers {
			t.Errorf("%s: barrier page %s is missing", feedURL, addr)
		}
		if len(f.Entries) == 0 || f.Updated != f.Entries[0].Updated {
			t.Errorf("%s: %d entries, feed updated %q", feedURL, len(f.Entries), f.Updated)
		}
	}
}

func languages(t *testing.T, dir string) []content.Language {
	t.Helper()
	set, err := content.Load(os.DirFS(dir), dir)
	if set == nil {
		t.Fatalf("load %s: %v", dir, err)
	}
	return set.Config.Languages
}

// TestBuildIsReproducible builds the same content twice: every file must
// be the same, since dates come from the content, never from the clock.
func TestBuildIsReproducible(t *testing.T) { eachContent(t, checkBuildIsReproducible) }

func checkBuildIsReproducible(t *testing.T, dir string) {
	a, b := buildSite(t, dir, testBase), buildSite(t, dir, testBase)
	fa, fb := files(t, a), files(t, b)
	if !slices.Equal(fa, fb) {
		t.Fatalf("the two builds have different files:\n%q\n%q", fa, fb)
	}
	for _, f := range fa {
		x, _ := os.ReadFile(filepath.Join(a, f))
		y, _ := os.ReadFile(filepath.Join(b, f))
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two builds", f)
		}
	}
}

// TestGeneratedPictures checks the pictures drawn at build time: PNGs of
// the sizes the head announces, the link-preview pictures being each
// page's own (previews/).
func TestGeneratedPictures(t *testing.T) { eachContent(t, checkGeneratedPictures) }

func checkGeneratedPictures(t *testing.T, dir string) {
	out := buildSite(t, dir, testBase)
	want := map[string][2]int{"previews/": {1200, 630}, "favicon": {32, 32}, "apple-touch-icon": {180, 180}}
	pictures := 0
	for _, f := range files(t, out) {
		if strings.HasPrefix(f, "previews/") && strings.HasSuffix(f, ".png") {
			pictures++
			b, _ := os.ReadFile(filepath.Join(out, f))
			cfg, err := png.DecodeConfig(bytes.NewReader(b))
			if err != nil || cfg.Width != 1200 || cfg.Height != 630 {
				t.Errorf("%s: %dx%d (%v), want 1200x630", f, cfg.Width, cfg.Height, err)
			}
			delete(want, "previews/")
			continue
		}
		name, ok := strings.CutPrefix(f, "assets/")
		if !ok || !strings.HasSuffix(name, ".png") {
			continue
		}
		size, ok := want[name[:strings.IndexByte(name, '.')]]
		if !ok {
			continue
		}
		delete(want, name[:strings.IndexByte(name, '.')])
		b, _ := os.ReadFile(filepath.Join(out, f))
		cfg, err := png.DecodeConfig(bytes.NewReader(b))
		if err != nil || cfg.Width != size[0] || cfg.Height != size[1] {
			t.Errorf("%s: %dx%d (%v), want %dx%d", f, cfg.Width, cfg.Height, err, size[0], size[1])
		}
	}
	for name := range want {
		t.Errorf("no %s PNG in assets/", name)
	}
	if pictures < 4 {
		t.Errorf("%d link-preview pictures; want one a title", pictures)
	}
}
