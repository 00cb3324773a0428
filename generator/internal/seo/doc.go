// Package seo makes the files that sit beside the pages for the web's
// machinery rather than for readers: the sitemap that search engines read,
// robots.txt that points them to it, an Atom feed per language that feed
// readers follow, the JSON-LD description of an article, and the default
// picture that link previews (Open Graph, Twitter cards) show.
//
// The formats (sitemap.go, feed.go, jsonld.go, image.go) take plain values:
// absolute addresses, dates, titles. site.go gathers them from the site
// model: Files returns every file that accompanies the pages, for package
// render to write beside them. Everything it makes depends only on its input, never on the
// clock, so two builds of the same content are byte for byte the same.
//
// Dates are the editors' YYYY-MM-DD strings. Atom wants a full timestamp;
// a date stands for midnight UTC of that day.
package seo
