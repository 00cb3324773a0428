package seo

import (
	"bytes"
	"encoding/xml"
	"math/rand/v2"
	"strings"
	"testing"
)

// The sitemap as encoding/xml writes it: the reference Sitemap is held to.
type refURLSet struct {
	XMLName xml.Name `xml:"urlset"`
	NS      string   `xml:"xmlns,attr"`
	XHTML   string   `xml:"xmlns:xhtml,attr"`
	URLs    []refURL `xml:"url"`
}

type refURL struct {
	Loc     string    `xml:"loc"`
	LastMod string    `xml:"lastmod,omitempty"`
	Links   []refLink `xml:"xhtml:link"`
}

type refLink struct {
	Rel      string `xml:"rel,attr"`
	HrefLang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

func refSitemap(t *testing.T, pages []SitemapPage) []byte {
	set := refURLSet{NS: sitemapNS, XHTML: xhtmlNS}
	for _, p := range pages {
		u := refURL{Loc: p.URL, LastMod: p.Updated}
		for _, a := range p.Alternates {
			u.Links = append(u.Links, refLink{Rel: "alternate", HrefLang: a.Lang, Href: a.URL})
		}
		set.URLs = append(set.URLs, u)
	}
	b, err := marshalXML(set)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Sitemap writes what encoding/xml writes, for addresses as they come and
// for text with every character XML escapes, or replaces.
func TestSitemapAsXML(t *testing.T) {
	pieces := []string{"https://x.test/en/", "barriers/", "한국어/", "a&b", "<", ">", `"`, "'", "\t", "\n", "\r",
		"\x01", "\xff", "\ufffd", "\U0001F600", " ", "?q=1&r=2", "x-default", "2025-04-01", ""}
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
		if got, want := Sitemap(pages), refSitemap(t, pages); !bytes.Equal(got, want) {
			t.Fatalf("%q:\n got %s\nwant %s", pages, got, want)
		}
	}
}
