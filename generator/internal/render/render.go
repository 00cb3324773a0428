// Package render makes the HTML pages of a site.Site with a theme (package
// theme), and writes them with every other file of the site.
//
//	render.go   Render: the pages, the search indexes (package search), the
//	            theme's assets and the files for machines (package seo),
//	            written to a Writer
//	page.go     Page and the list of a site's pages; making one page
//	funcs.go    the template functions; meta.go those of a page's head,
//	            figures.go of its figures, dates.go of its dates, parts.go
//	            of its cards and shared parts
//	langmark.go the other language's text marked on a page
//
// Templates are html/template, executed by html/template itself, which
// works out the escaping of every action; content is never executed as a
// template. Each template receives a *Page. Its methods are the template
// functions: .T "key" (a string from strings.yaml in the page's language)
// and .In lang "key" (in another language), .URL and .Abs (addresses
// below the base URL), .Asset "style.css" (a static file's hashed
// address), .Text (a site.yaml text in the page's language), .SectorName,
// .LangName and .Status; .Dated "key" date is a string with its {date}
// replaced by a <time> element, the date written as strings.yaml's
// date_layout says; .CardHTML is a barrier's card (the "card"
// template, executed once per language and build) and .Cards a list of
// them; .Shared "name" is a template executed once per language and build,
// for the parts of the layout alike on every page of a language; .Chart
// draws a front matter figure as an inline SVG bar chart (package chart)
// and .Number writes a figure's value; .Prose and .Footnotes are the body
// without and with only its footnotes, so the figures can sit between them;
// .TOC lists the body's second-level headings, for a table of contents;
// .SearchIndex is the address of the language's search index.
//
// Every action costs each page that runs it a few microseconds (html/template
// finds fields and methods by reflection), so the templates keep actions
// out of long loops: a list of cards is one action (.Cards), and what is
// alike on every page of a language is made once (.Shared).
//
// After a page is executed, text in the other language (Hangul on an
// English page, an English sentence on a Korean one) is wrapped in
// <span lang="...">, so screen readers switch voice (langmark.go).
//
// For the head of a page (meta.go): .Feeds (the Atom feeds to link), .Abs
// and .AbsAsset (absolute addresses, for link previews), .SocialImage and
// .SocialImageSize (the link-preview picture), .Locale and .OtherLocales
// (og:locale), and .Article (a barrier page's JSON-LD; nil elsewhere; write
// it as {{.}} inside <script type="application/ld+json">, where html/template
// encodes it as JSON).
//
// The editors' preview (package serve) makes the same pages, one at a time
// as a browser asks for them, with Pages and Page.HTML.
package render

import (
	"html/template"
	"io"
	"runtime"
	"sync"
	"unsafe"

	"explainer/generator/internal/diag"
	"explainer/generator/internal/search"
	"explainer/generator/internal/seo"
	"explainer/generator/internal/site"
	"explainer/generator/internal/theme"
)

// Writer receives the files of the site. Render calls its methods from
// several goroutines at once.
type Writer interface {
	// WriteFile writes a file; data may be reused once it returns, so a
	// writer that keeps it keeps a copy.
	WriteFile(rel string, data []byte) error
	// Stream writes a file too large to hold in memory (the search
	// index of a large site) with what write writes.
	Stream(rel string, write func(io.Writer) error) error
	// Rename renames a file written, within its folder.
	Rename(from, to string) error
}

// Discard is a Writer that keeps nothing: a build that only checks, or a
// benchmark of the pages alone.
type Discard struct{}

func (Discard) WriteFile(string, []byte) error { return nil }

func (Discard) Stream(_ string, write func(io.Writer) error) error { return write(io.Discard) }

func (Discard) Rename(string, string) error { return nil }

// Render writes every page of s, the search indexes and every other file
// (see Extras) to w, and returns how many pages it wrote; x is what was
// gathered for the search index while s was built. All template errors are
// returned together.
func Render(s *site.Site, t *theme.Theme, x *search.Site, w Writer) (int, error) {
	pages := Pages(s, t)
	// The theme's files, the feeds and the sitemap need none of the pages'
	// HTML, nor the search index's name: they are written while the index
	// is (which the pages wait for) and the pages are, on a core that would
	// otherwise wait.
	others := make(chan error, 1)
	go func() { others <- Extras(s, t, pages, w) }()
	index, err := x.WriteFiles(s, w)
	if err != nil {
		<-others
		return 0, err
	}
	x = nil // the postings, which the pages do not need
	for _, p := range pages {
		p.SearchIndex = s.URL("assets/" + index[p.Lang])
	}
	errs := onAllCores(len(pages), func(i int) error { return writePage(pages[i], w) })
	othersErr := <-others
	if err := joinProblems(errs); err != nil {
		return 0, err
	}
	if othersErr != nil {
		return 0, othersErr
	}
	return len(pages), nil
}

// writePage makes and writes one page. A body beyond the site's memory
// budget is read back here (see site.Entry.Body), into a pooled buffer,
// which the template reads in place: Page.Body is a view of it, cleared
// when the page is written. The buffer is used again only after a page
// written without error: an error may quote the body.
func writePage(p *Page, w Writer) (err error) {
	if p.Entry != nil {
		body := bodyBuffers.Get().(*[]byte)
		var b []byte
		if b, err = p.Entry.AppendBody((*body)[:0]); err != nil {
			return err
		}
		p.Body = template.HTML(unsafe.String(unsafe.SliceData(b), len(b)))
		defer func() {
			p.Body = ""
			if err == nil && cap(b) <= maxPooled {
				*body = b
				bodyBuffers.Put(body)
			}
		}()
	}
	buf := pageBuffers.Get().(*pageBuffer)
	defer func() {
		if buf.html.Cap() <= maxPooled && cap(buf.marked) <= maxPooled {
			pageBuffers.Put(buf)
		}
	}()
	html, err := p.executeTo(buf)
	if err != nil {
		return err
	}
	return w.WriteFile(OutName(p.Path), html)
}

// pageBuffers are the buffers pages are made in, reused once a page is
// written (its writer keeps nothing of it). Buffers grown past maxPooled
// by a long list page (the barrier index of a large site is megabytes) are
// left to the collector instead. The trade: two pools and an unsafe view
// of the body, for 0.9 GB allocated instead of 2.4 GB per rendering of
// N = 10,000 barriers, and a fifth less CPU time (BenchmarkRender).
var pageBuffers = sync.Pool{New: func() any { return new(pageBuffer) }}

// bodyBuffers are the buffers bodies are read back into (see writePage).
var bodyBuffers = sync.Pool{New: func() any { return new([]byte) }}

const maxPooled = 256 << 10

// OutName is the file a page's address is served from.
func OutName(path string) string {
	if path == "" || path[len(path)-1] == '/' {
		return path + "index.html"
	}
	return path
}

// Extras writes every file of the site that is not a page or a search
// index: the theme's assets, and the files for machines (package seo).
func Extras(s *site.Site, t *theme.Theme, pages []*Page, w Writer) error {
	for name, data := range t.Files {
		if err := w.WriteFile("assets/"+name, data); err != nil {
			return err
		}
	}
	files, err := seo.Files(s, sitemapPages(s, pages))
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := w.WriteFile(f.Name, f.Data); err != nil {
			return err
		}
	}
	return nil
}

// sitemapPages lists every page but the 404 page, with the same language
// versions as the hreflang links of its head.
func sitemapPages(s *site.Site, pages []*Page) []seo.SitemapPage {
	var out []seo.SitemapPage
	for _, p := range pages {
		if p.Kind == theme.KindNotFound {
			continue
		}
		sp := seo.SitemapPage{URL: s.AbsURL(p.Path)}
		if p.Entry != nil {
			sp.Updated = p.Entry.Meta.Updated
		}
		for _, a := range p.Alternates {
			sp.Alternates = append(sp.Alternates, seo.Alternate{Lang: a.Lang, URL: s.AbsURL(a.Path)})
		}
		if len(p.Alternates) > 0 {
			sp.Alternates = append(sp.Alternates, seo.Alternate{Lang: "x-default", URL: s.AbsURL(p.Alternates[0].Path)})
		}
		out = append(out, sp)
	}
	return out
}

// Check makes pages and returns their problems, all together, without
// writing anything.
func Check(pages []*Page) error {
	return joinProblems(onAllCores(len(pages), func(i int) error {
		_, err := pages[i].HTML()
		return err
	}))
}

// joinProblems returns the problems of errs (template errors) together as
// a diag.Errors, or the first other error (the output could not be
// written), or nil.
func joinProblems(errs []error) error {
	var list diag.List
	for _, err := range errs {
		if err == nil {
			continue
		}
		es := diag.AsList(err)
		if es == nil {
			return err
		}
		for _, e := range es {
			list.Add(e)
		}
	}
	return list.Err()
}

// onAllCores calls f for 0 to n-1 on every core and returns what each
// call returned, in order.
func onAllCores(n int, f func(i int) error) []error {
	errs := make([]error, n)
	work := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range work {
				errs[i] = f(i)
			}
		})
	}
	for i := range n {
		work <- i
	}
	close(work)
	wg.Wait()
	return errs
}
