package webtest

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"regexp"
	"strings"

	"golang.org/x/net/html"
)

// parseHTML parses a page as a browser would.
func parseHTML(b []byte) (*html.Node, error) { return html.Parse(bytes.NewReader(b)) }

// walk calls fn on n and every node below it, in document order.
func walk(n *html.Node, fn func(*html.Node)) {
	fn(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, fn)
	}
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// text is the text inside n.
func text(n *html.Node) string {
	var b strings.Builder
	walk(n, func(c *html.Node) {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	})
	return b.String()
}

// elementIDs lists the fragment targets of a page: every id, and the name
// of every <a name>.
func elementIDs(doc *html.Node) map[string]bool {
	ids := make(map[string]bool)
	walk(doc, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		if id, ok := attr(n, "id"); ok {
			ids[id] = true
		}
		if name, ok := attr(n, "name"); ok && n.Data == "a" {
			ids[name] = true
		}
	})
	return ids
}

var srcAttrs = map[string]string{
	"a": "href", "area": "href", "link": "href",
	"script": "src", "img": "src", "iframe": "src", "source": "src",
	"audio": "src", "video": "src", "track": "src", "embed": "src",
	"form": "action",
}

// dataRef reports whether a data-* attribute holds an address the page's
// scripts will load (a search index, say): one that starts with / or
// http(s)://.
func dataRef(a html.Attribute) bool {
	return strings.HasPrefix(a.Key, "data-") &&
		(strings.HasPrefix(a.Val, "/") || strings.HasPrefix(a.Val, "http://") || strings.HasPrefix(a.Val, "https://"))
}

// Meta tags whose content is an address.
var urlMeta = map[string]bool{"og:image": true, "og:url": true, "twitter:image": true}

var refreshRE = regexp.MustCompile(`(?i)url\s*=\s*(\S+)`)

// htmlRefs lists every address a page points to: links, assets, form
// actions, addresses in data-* attributes, link preview addresses, a
// refresh target and the addresses inside JSON-LD.
func htmlRefs(doc *html.Node) []string {
	var refs []string
	walk(doc, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		if k, ok := srcAttrs[n.Data]; ok {
			if v, ok := attr(n, k); ok {
				refs = append(refs, v)
			}
		}
		for _, a := range n.Attr {
			if dataRef(a) {
				refs = append(refs, a.Val)
			}
		}
		if v, ok := attr(n, "srcset"); ok {
			for _, part := range strings.Split(v, ",") {
				if f := strings.Fields(part); len(f) > 0 {
					refs = append(refs, f[0])
				}
			}
		}
		if n.Data == "meta" {
			prop, _ := attr(n, "property")
			name, _ := attr(n, "name")
			equiv, _ := attr(n, "http-equiv")
			content, _ := attr(n, "content")
			switch {
			case urlMeta[prop] || urlMeta[name]:
				refs = append(refs, content)
			case strings.EqualFold(equiv, "refresh"):
				if m := refreshRE.FindStringSubmatch(content); m != nil {
					refs = append(refs, m[1])
				}
			}
		}
		if typ, _ := attr(n, "type"); n.Data == "script" && typ == "application/ld+json" {
			var v any
			if json.Unmarshal([]byte(text(n)), &v) == nil {
				refs = append(refs, jsonURLs(v)...)
			}
		}
	})
	return refs
}

// jsonURLs lists the strings of a JSON value that are http addresses.
func jsonURLs(v any) []string {
	var out []string
	switch v := v.(type) {
	case string:
		if strings.HasPrefix(v, "http://") || strings.HasPrefix(v, "https://") {
			if v != "https://schema.org" {
				out = append(out, v)
			}
		}
	case []any:
		for _, x := range v {
			out = append(out, jsonURLs(x)...)
		}
	case map[string]any:
		for _, x := range v {
			out = append(out, jsonURLs(x)...)
		}
	}
	return out
}

// xmlRefs lists the addresses in a sitemap or feed: href attributes,
// xml:base, and the text of <loc>.
func xmlRefs(b []byte) ([]string, error) {
	var refs []string
	dec := xml.NewDecoder(bytes.NewReader(b))
	inLoc := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return refs, nil
		}
		if err != nil {
			return nil, err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			inLoc = tok.Name.Local == "loc"
			for _, a := range tok.Attr {
				if a.Name.Local == "href" || a.Name.Local == "base" {
					refs = append(refs, a.Value)
				}
			}
		case xml.CharData:
			if inLoc {
				refs = append(refs, strings.TrimSpace(string(tok)))
			}
		case xml.EndElement:
			inLoc = false
		}
	}
}

var cssURLRE = regexp.MustCompile(`url\(\s*['"]?([^'")]+)`)

// cssRefs lists the url(...) addresses of a stylesheet.
func cssRefs(b []byte) []string {
	var refs []string
	for _, m := range cssURLRE.FindAllSubmatch(b, -1) {
		refs = append(refs, string(m[1]))
	}
	return refs
}

var sitemapLineRE = regexp.MustCompile(`(?mi)^sitemap:\s*(\S+)`)

// robotsRefs lists the sitemaps robots.txt names.
func robotsRefs(b []byte) []string {
	var refs []string
	for _, m := range sitemapLineRE.FindAllSubmatch(b, -1) {
		refs = append(refs, string(m[1]))
	}
	return refs
}
