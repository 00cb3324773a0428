// Package seo makes the files beside the pages that are for the web's
// machinery rather than readers: the sitemap, robots.txt, an Atom feed per
// language, a barrier's JSON-LD, the theme's link-preview picture and icons
// (image.go), and each page's own link-preview picture, with its title
// (picture.go). A page picture writes its title in the theme's font, so
// Korean titles need no font on the building machine, and is kept in a
// cache folder under the key of everything that decides its pixels (code
// version, font, colours, words): drawing one takes some 10 ms of CPU,
// reading it back well under 1 ms.
//
// The formats (sitemap.go, feed.go, jsonld.go, image.go) take plain values;
// site.go gathers them from the site model (Files). Nothing depends on the
// clock: the same content always gives the same bytes. Dates are the
// editors' YYYY-MM-DD; in Atom, a date is midnight UTC of that day.
package seo
