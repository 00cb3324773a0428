package seo

import (
	"bytes"
	"encoding/xml"
	"image/color"
	"image/png"
	"strings"
	"testing"
)

func TestAtomOrderAndDates(t *testing.T) {
	f := Feed{
		Lang: "en", Title: "T", URL: "https://x.test/en/feed.xml", Home: "https://x.test/en/",
		Author: "A", Fallback: "2025-01-01",
		Entries: []FeedEntry{
			{Title: "old", URL: "https://x.test/a/", Updated: "2024-05-01"},
			{Title: "undated", URL: "https://x.test/b/"},
			{Title: "new", URL: "https://x.test/c/", Updated: "2025-04-01", Content: "<p>a & b</p>"},
			{Title: "same day", URL: "https://x.test/d/", Updated: "2025-04-01"},
		},
	}
	b, err := Atom(f)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Updated string `xml:"updated"`
		Entries []struct {
			Title   string `xml:"title"`
			Updated string `xml:"updated"`
			Content string `xml:"content"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	want := []string{"new 2025-04-01T00:00:00Z", "same day 2025-04-01T00:00:00Z", "undated 2025-01-01T00:00:00Z", "old 2024-05-01T00:00:00Z"}
	for i, e := range got.Entries {
		if i >= len(want) || e.Title+" "+e.Updated != want[i] {
			t.Errorf("entry %d: %s %s, want %s", i, e.Title, e.Updated, want[i])
		}
	}
	if got.Updated != "2025-04-01T00:00:00Z" || got.Entries[0].Content != "<p>a & b</p>" {
		t.Errorf("feed updated %q, first content %q", got.Updated, got.Entries[0].Content)
	}

	f.Entries[0].Updated = "2025-13-01"
	if _, err := Atom(f); err == nil || err.Error() != `feed entry https://x.test/a/: "2025-13-01" is not a YYYY-MM-DD date` {
		t.Errorf("bad date: %v", err)
	}
}

func TestSitemap(t *testing.T) {
	b, err := Sitemap([]SitemapPage{{
		URL: "https://x.test/en/", Updated: "2025-04-01",
		Alternates: []Alternate{{"en", "https://x.test/en/"}, {"ko", "https://x.test/ko/"}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">`,
		`<lastmod>2025-04-01</lastmod>`,
		`<xhtml:link rel="alternate" hreflang="ko" href="https://x.test/ko/"></xhtml:link>`,
	} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("sitemap lacks %s:\n%s", want, b)
		}
	}
}

func TestPaletteFromCSS(t *testing.T) {
	css := []byte(`:root { --bg: #102030; --accent: #AABBCC; --line: #000000; }
@media (prefers-color-scheme: dark) { :root { --bg: #ffffff; --fg: #010203; } }`)
	p := PaletteFromCSS(css)
	if p.Background != (color.RGBA{0x10, 0x20, 0x30, 0xff}) || p.Accent != (color.RGBA{0xaa, 0xbb, 0xcc, 0xff}) {
		t.Errorf("light colours: %+v", p)
	}
	// --fg is defined only in the dark scheme: it is still the first
	// definition, so it is used.
	if p.Text != (color.RGBA{1, 2, 3, 0xff}) || p.Highlight != DefaultPalette.Highlight {
		t.Errorf("text %v, highlight %v", p.Text, p.Highlight)
	}
}

func TestIcon(t *testing.T) {
	b, err := Icon(DefaultPalette, 32)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, _, a := img.At(0, 0).RGBA(); a != 0 {
		t.Error("the rounded corner is not transparent")
	}
	if r, g, bl, _ := img.At(3, 16).RGBA(); (color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(bl >> 8), 0xff}) != DefaultPalette.Accent {
		t.Error("the square is not in the accent colour")
	}
	if r, _, _, _ := img.At(10, 20).RGBA(); uint8(r>>8) != DefaultPalette.Background.R {
		t.Error("the first bar is not in the background colour")
	}
}

func TestRobots(t *testing.T) {
	if got := string(Robots("https://x.test/sitemap.xml")); !strings.HasSuffix(got, "\nSitemap: https://x.test/sitemap.xml\n") {
		t.Errorf("robots.txt:\n%s", got)
	}
}
