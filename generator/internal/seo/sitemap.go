package seo

import (
	"bytes"
	"encoding/xml"
)

// SitemapPage is one page of the sitemap.
type SitemapPage struct {
	// URL is the page's absolute address.
	URL string
	// Updated is when its content last changed (YYYY-MM-DD), or "".
	Updated string
	// Alternates are the page in every language, with the hreflang
	// values of the page's head ("x-default" included).
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

type urlset struct {
	XMLName xml.Name     `xml:"urlset"`
	NS      string       `xml:"xmlns,attr"`
	XHTML   string       `xml:"xmlns:xhtml,attr"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string      `xml:"loc"`
	LastMod string      `xml:"lastmod,omitempty"`
	Links   []xhtmlLink `xml:"xhtml:link"`
}

type xhtmlLink struct {
	Rel      string `xml:"rel,attr"`
	HrefLang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

// Sitemap returns sitemap.xml listing pages in the order given.
func Sitemap(pages []SitemapPage) ([]byte, error) {
	set := urlset{NS: sitemapNS, XHTML: xhtmlNS}
	for _, p := range pages {
		u := sitemapURL{Loc: p.URL, LastMod: p.Updated}
		for _, a := range p.Alternates {
			u.Links = append(u.Links, xhtmlLink{Rel: "alternate", HrefLang: a.Lang, Href: a.URL})
		}
		set.URLs = append(set.URLs, u)
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

// Robots returns robots.txt: everything may be crawled, and the sitemap is
// at sitemapURL. Crawlers read robots.txt only at a host's root, so under
// a project subpath the file is harmless but unread; the sitemap is still
// found through the address given to search engines.
func Robots(sitemapURL string) []byte {
	return []byte("User-agent: *\nAllow: /\n\nSitemap: " + sitemapURL + "\n")
}
