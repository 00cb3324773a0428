package seo

import (
	"bytes"
	"encoding/xml"
)

// SitemapPage is one page of the sitemap.
type SitemapPage struct {
	URL     string // absolute
	Updated string // YYYY-MM-DD, or ""
	// Alternates are the page in every language, with its head's hreflang
	// values ("x-default" included).
	Alternates []Alternate
}

// Alternate is one language version of a page.
type Alternate struct {
	Lang string // an hreflang value: en, ko, x-default
	URL  string
}

// The sitemap protocol with the xhtml:link extension for language versions.
const (
	sitemapNS = "http://www.sitemaps.org/schemas/sitemap/0.9"
	xhtmlNS   = "http://www.w3.org/1999/xhtml"
)

type urlSet struct {
	XMLName xml.Name     `xml:"urlset"`
	NS      string       `xml:"xmlns,attr"`
	XHTML   string       `xml:"xmlns:xhtml,attr"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string        `xml:"loc"`
	LastMod string        `xml:"lastmod,omitempty"`
	Links   []sitemapLink `xml:"xhtml:link"`
}

type sitemapLink struct {
	Rel      string `xml:"rel,attr"`
	HrefLang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

// Sitemap returns sitemap.xml listing pages in the order given.
func Sitemap(pages []SitemapPage) ([]byte, error) {
	set := urlSet{NS: sitemapNS, XHTML: xhtmlNS, URLs: make([]sitemapURL, len(pages))}
	for i, p := range pages {
		u := sitemapURL{Loc: p.URL, LastMod: p.Updated}
		for _, a := range p.Alternates {
			u.Links = append(u.Links, sitemapLink{Rel: "alternate", HrefLang: a.Lang, Href: a.URL})
		}
		set.URLs[i] = u
	}
	return marshalXML(set)
}

func marshalXML(v any) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

// Robots returns robots.txt: crawl everything; the sitemap is at
// sitemapURL. (Under a project subpath it is unread, and harmless.)
func Robots(sitemapURL string) []byte {
	return []byte("User-agent: *\nAllow: /\n\nSitemap: " + sitemapURL + "\n")
}
