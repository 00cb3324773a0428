// Package seo makes the files that sit beside the pages for the web's
// machinery rather than for readers: the sitemap that search engines read,
// robots.txt that points them to it, an Atom feed per language that feed
// readers follow, the JSON-LD description of an article, and the pictures
// that link previews (Open Graph, Twitter cards) show: the theme's one
// picture (image.go), and each page's own, with its title (picture.go).
//
// A page picture writes its title in the theme's font, so that Korean
// titles need no font on the building machine, and is kept in a cache
// folder under the key of everything that decides its pixels (drawing
// code version, font, colours, words): drawing one takes some 10 ms of
// CPU, reading it back well under 1 ms, so a build draws only the pictures
// of titles it has not drawn before.
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
