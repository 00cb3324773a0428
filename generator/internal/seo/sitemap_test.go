package seo

import (
	"encoding/xml"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// decodedURL is a sitemap's <url> as encoding/xml reads it back.
type decodedURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod"`
	Links   []struct {
		Rel      string `xml:"rel,attr"`
		HrefLang string `xml:"hreflang,attr"`
		Href     string `xml:"href,attr"`
	} `xml:"http://www.w3.org/1999/xhtml link"`
}

// readSitemap reads a sitemap back into the pages it lists.
func readSitemap(t *testing.T, b []byte) []SitemapPage {
	var set struct {
		XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
		URLs    []decodedURL `xml:"url"`
	}
	if err := xml.Unmarshal(b, &set); err != nil {
		t.Fatalf("sitemap does not parse: %v\n%s", err, b)
	}
	var pages []SitemapPage
	for _, u := range set.URLs {
		p := SitemapPage{URL: u.Loc, Updated: u.LastMod}
		for _, l := range u.Links {
			if l.Rel != "alternate" {
				t.Errorf("link rel %q, want alternate", l.Rel)
			}
			p.Alternates = append(p.Alternates, Alternate{Lang: l.HrefLang, URL: l.Href})
		}
		pages = append(pages, p)
	}
	return pages
}

// The sitemap reads back as the pages it was given, for addresses as they
// come and for text with every character XML escapes (those it cannot
// carry, such as \x01, aside).
func TestSitemapReadsBack(t *testing.T) {
	pieces := []string{"https://x.test/en/", "barriers/", "한국어/", "a&b", "<", ">", `"`, "'", "\t", "\n", "\r",
		"\ufffd", "\U0001F600", " ", "?q=1&r=2", "x-default", "2025-04-01", ""}
	rng := rand.New(rand.NewPCG(7, 8))
	text := func() string {
		var b strings.Builder
		for range rng.IntN(5) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		return b.String()
	}
	cases := [][]SitemapPage{nil, {{URL: "https://x.test/"}}}
	for range 200 {
		var pages []SitemapPage
		for range rng.IntN(4) {
			p := SitemapPage{URL: text(), Updated: text()}
			for range rng.IntN(4) {
				p.Alternates = append(p.Alternates, Alternate{Lang: text(), URL: text()})
			}
			pages = append(pages, p)
		}
		cases = append(cases, pages)
	}
	for _, pages := range cases {
		b, err := Sitemap(pages)
		if err != nil {
			t.Fatal(err)
		}
		if got := readSitemap(t, b); !reflect.DeepEqual(got, pages) {
			t.Fatalf("%q read back as %q:\n%s", pages, got, b)
		}
	}
}
