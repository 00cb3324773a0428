// Package seo makes the files beside the pages that are for the web's
// machinery rather than readers: the sitemap, robots.txt, an Atom feed per
// language, a barrier's JSON-LD, and the link-preview picture and icons.
//
// The formats (sitemap.go, feed.go, jsonld.go, image.go) take plain values;
// site.go gathers them from the site model (Files). Nothing depends on the
// clock: the same content always gives the same bytes. Dates are the
// editors' YYYY-MM-DD; in Atom, a date is midnight UTC of that day.
package seo
