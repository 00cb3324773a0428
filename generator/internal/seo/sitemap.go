package seo

import (
	"bytes"
	"encoding/xml"
	"unicode/utf8"
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

// Sitemap returns sitemap.xml listing pages in the order given: the bytes
// encoding/xml writes for it, indented by two spaces (TestSitemapAsXML
// holds the two to each other). A site of 20,000 pages has a sitemap of
// 10 MB, which encoding/xml took a quarter of a second and 30 MB of
// allocation to write; it is written here in one buffer.
func Sitemap(pages []SitemapPage) []byte {
	n := len(xml.Header) + 200
	for _, p := range pages {
		n += 60 + len(p.URL) + len(p.Updated)
		for _, a := range p.Alternates {
			n += 70 + len(a.Lang) + len(a.URL)
		}
	}
	b := bytes.NewBuffer(make([]byte, 0, n))
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="` + sitemapNS + `" xmlns:xhtml="` + xhtmlNS + `">`)
	for _, p := range pages {
		b.WriteString("\n  <url>\n    <loc>")
		escapeXML(b, p.URL)
		b.WriteString("</loc>")
		if p.Updated != "" {
			b.WriteString("\n    <lastmod>")
			escapeXML(b, p.Updated)
			b.WriteString("</lastmod>")
		}
		for _, a := range p.Alternates {
			b.WriteString("\n    <xhtml:link rel=\"alternate\" hreflang=\"")
			escapeXML(b, a.Lang)
			b.WriteString(`" href="`)
			escapeXML(b, a.URL)
			b.WriteString(`"></xhtml:link>`)
		}
		b.WriteString("\n  </url>")
	}
	if len(pages) > 0 {
		b.WriteByte('\n')
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

// escapeXML writes s as XML text or an attribute value, as encoding/xml
// escapes it. An address is ASCII without any of the characters escaped,
// and is written as it is.
func escapeXML(b *bytes.Buffer, s string) {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf, c == '"', c == '\'', c == '&', c == '<', c == '>', c < ' ':
			xml.EscapeText(b, []byte(s))
			return
		}
	}
	b.WriteString(s)
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
