// Package render makes the HTML pages of a site.Site with a theme (package
// theme) and writes them with every other file of the site. The model
// only parsed the bodies: a page converts its entry's body to HTML (package
// markdown, from site.Site.Source) when it is made. WritePages writes the
// pages, and Extras the theme's assets, the pictures and the files for
// machines (package seo), to a Writer; page.go lists a site's
// pages and makes one; funcs.go, meta.go (the head) and parts.go (cards
// and shared parts) hold the template functions; langmark.go marks text in another
// language.
//
// Pages are executed by html/template itself, which escapes every action;
// content is never executed as a template. Each template receives a
// *Page, whose methods are the template functions: .T "key" and .In lang
// "key" (strings.yaml), .Plural "key" n (the form of a count the page's
// language gives n, key_one or key_other, plural.go), .URL, .Abs, .Asset
// and .AbsAsset (addresses), .Text, .SectorName, .LangName, .Status,
// .Section (the part of the site the navigation marks), .Dated "key" date
// (a <time> in strings.yaml's date_layout), .CardHTML and .Cards (a
// barrier's card, made once per language and build), .Shared "name" (a
// template made once per language and build), .Chart and .Number
// (figures), .Prose and .Footnotes (the body without and with only its
// footnotes), .TOC and .Initials (contents and a glossary's index by
// first letter, toc.go), .Typeset (a front matter text's quotes), .HasCode
// (whether to link code.css), .SearchIndex, and for the head .Feeds, .SocialImage,
// .SocialImageSize, .Locale, .OtherLocales and .Article (a barrier's
// JSON-LD: write it as {{.}} inside <script type="application/ld+json">).
//
// After a page is executed, text in the other language is wrapped in
// <span lang="...">, so screen readers switch voice (langmark.go). The
// preview (package serve) makes the same pages on request with Pages and
// Page.HTML.
package render

import (
	"bytes"
	"cmp"
	"html/template"
	"io"
	"slices"
	"sync"
	"unsafe"

	"explainer/generator/internal/cores"
	"explainer/generator/internal/diag"
	"explainer/generator/internal/seo"
	"explainer/generator/internal/site"
	"explainer/generator/internal/theme"
)

// Writer receives the files of the site, from several goroutines at once.
type Writer interface {
	// WriteFile writes a file; data is reused once it returns.
	WriteFile(rel string, data []byte) error
	// Stream writes a file too large to hold in memory (a search index).
	Stream(rel string, write func(io.Writer) error) error
	// Rename renames a file written, within its folder.
	Rename(from, to string) error
}

// Discard is a Writer that keeps nothing, for check.
type Discard struct{}

func (Discard) WriteFile(string, []byte) error { return nil }

func (Discard) Stream(_ string, write func(io.Writer) error) error { return write(io.Discard) }

func (Discard) Rename(string, string) error { return nil }

// WritePages makes every page and writes it to w, then the theme's
// highlighting styles if a page links them. The pages name their search
// index (Page.SearchIndex), so it is written first. All template errors
// are returned together.
func WritePages(pages []*Page, w Writer) error {
	// The languages of an entry are made one after the other on one core:
	// the code blocks they share are highlighted once (markdown.Converter).
	order := slices.Clone(pages)
	slices.SortStableFunc(order, func(a, b *Page) int { return cmp.Compare(a.key(), b.key()) })
	var starts []int // of each entry's pages in order, and of each other page
	for i, p := range order {
		if i == 0 || p.Entry == nil || order[i-1].Entry == nil || p.Entry.Key() != order[i-1].Entry.Key() {
			starts = append(starts, i)
		}
	}
	starts = append(starts, len(order))
	errs := make([]error, len(order))
	onAllCores(len(starts)-1, func(g int) error {
		for i := starts[g]; i < starts[g+1]; i++ {
			errs[i] = writePage(order[i], w)
		}
		return nil
	})
	if err := joinProblems(errs); err != nil {
		return err
	}
	if len(pages) > 0 && pages[0].parts.code.Load() {
		return writeAsset(pages[0].theme, CodeCSS, w)
	}
	return nil
}

// writePage makes and writes one page. Its body is converted into a
// pooled buffer that Page.Body views in place until the page is written;
// after an error, which may quote the body, the buffer is not reused.
func writePage(p *Page, w Writer) (err error) {
	if p.Entry != nil {
		body := bodyBuffers.Get().(*bytes.Buffer)
		if p.headings, err = p.parts.convert(p.Entry, body); err != nil {
			return err
		}
		b := body.Bytes()
		p.Body = template.HTML(unsafe.String(unsafe.SliceData(b), len(b)))
		defer func() {
			p.Body, p.headings = "", nil
			if err == nil && body.Cap() <= maxPooled {
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
	if p.HasCode() {
		p.parts.code.Store(true)
	}
	return w.WriteFile(OutName(p.Path), html)
}

// pageBuffers are the buffers pages are made in; one grown past maxPooled
// (a large site's barrier index) is left to the collector. The trade: two
// pools and an unsafe view of the body, for 0.9 GB allocated instead of
// 2.4 GB per rendering of N = 10,000 barriers, and a fifth less CPU time
// (BenchmarkRender).
var pageBuffers = sync.Pool{New: func() any { return new(pageBuffer) }}

// bodyBuffers are what bodies are converted into (see writePage), and
// their markdown read into.
var bodyBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

const maxPooled = 256 << 10

// CodeCSS is the theme's highlighting styles, linked by the pages with code.
const CodeCSS = "code.css"

// OutName is the file a page's address is served from.
func OutName(path string) string {
	if path == "" || path[len(path)-1] == '/' {
		return path + "index.html"
	}
	return path
}

// Extras writes the theme's assets but skip (CodeCSS, which WritePages
// writes if a page links it, or ""), the picture files the pages show
// (read again from the content folder: the site keeps only their hashes)
// and the files for machines (seo). None of them needs the pages' HTML.
func Extras(s *site.Site, t *theme.Theme, pages []*Page, w Writer, skip string) error {
	for name := range t.Assets {
		if name == skip {
			continue
		}
		if err := writeAsset(t, name, w); err != nil {
			return err
		}
	}
	for _, p := range s.Pictures() {
		data, err := s.ReadPicture(p)
		if err == nil {
			err = w.WriteFile(p.Out, data)
		}
		if err != nil {
			return err
		}
	}
	if err := writePictures(t, pages, w); err != nil {
		return err
	}
	body := func(e *site.Entry) (string, error) {
		var b bytes.Buffer // pages[0] is the root page: Pages lists it first
		if _, err := pages[0].parts.convert(e, &b); err != nil {
			return "", err
		}
		return b.String(), nil
	}
	files, err := seo.Files(s, sitemapPages(s, pages), body)
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

// writeAsset writes the theme's static file name under its hashed name.
func writeAsset(t *theme.Theme, name string, w Writer) error {
	h := t.Assets[name]
	return w.WriteFile("assets/"+h, t.Files[h])
}

// sitemapPages lists every page but 404, with its head's hreflang links.
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

// Check makes pages and returns all their problems, writing nothing.
func Check(pages []*Page) error {
	return joinProblems(onAllCores(len(pages), func(i int) error {
		_, err := pages[i].HTML()
		return err
	}))
}

// joinProblems returns the template errors of errs as one diag.Errors,
// or the first other error (a file not written), or nil.
func joinProblems(errs []error) error {
	var list diag.List
	for _, err := range errs {
		if err := list.AddAll(err); err != nil {
			return err
		}
	}
	return list.Err()
}

// onAllCores calls f for 0 to n-1 on every core; the errors in order.
func onAllCores(n int, f func(i int) error) []error {
	errs := make([]error, n)
	cores.Each(n, func(i int) { errs[i] = f(i) })
	return errs
}
