// Package render makes the HTML pages of a site.Site with the templates of a
// theme folder, and the theme's static files with content-hashed names.
//
// A theme folder holds:
//
//	layout.html     the frame of every page, which calls the "main"
//	                template of the page's own file
//	partials.html   the templates the layout and the pages share
//	home.html, barrier.html, barriers.html, sector.html, page.html
//	                one per kind of page, each defining "main"
//	root.html       the site root, which sends a reader to a language
//	404.html        the page GitHub Pages shows for a missing address
//	strings.yaml    every reader-visible string of the templates, in every
//	                language
//	static/         CSS, JavaScript and icons, copied to assets/ with the
//	                hash of their content in their names
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
// A string that a template asks for by a quoted key (.T "key", .In .Lang
// "key"), or that the generator uses itself, and that strings.yaml does
// not have is an error when the theme is loaded, at the key, even in a part
// of a template that no page shows. Every template error is reported at
// its file, line and column (tmplerr.go).
//
// Besides the pages, Render writes one search index per language,
// assets/search.<lang>.<hash>.json (package search), for static/search.js;
// a Search, passed to site.Build as its Text, gathers it while the bodies
// are converted, and the index is streamed to its file.
//
// Preview is the same site made on request, page by page, for the editors'
// preview (package serve); its search index is assets/search.<lang>.json.
// After a page is executed, text in the other language (Hangul on an
// English page, an English sentence on a Korean one) is wrapped in
// <span lang="...">, so screen readers switch voice (langmark.go).
//
// For the head of a page (meta.go): .Feeds (the Atom feeds to link), .Abs
// and .AbsAsset (absolute addresses, for link previews), .SocialImage and
// .SocialImageSize (the link-preview picture), .Locale and .OtherLocales
// (og:locale), and .Article (a barrier page's JSON-LD; nil elsewhere; write
// it as {{.}} inside <script type="application/ld+json">, where html/template
// encodes it as JSON). Beside the pages, Render writes sitemap.xml,
// robots.txt, <lang>/feed.xml and .nojekyll (extras.go), and the theme's
// assets gain PNG pictures drawn in style.css's colours: social.png,
// favicon.png and apple-touch-icon.png (images.go).
package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"explainer/generator/internal/content"
	"explainer/generator/internal/diag"
	"explainer/generator/internal/markdown"
	"explainer/generator/internal/site"
)

// Kinds of page, each made with the template file of the same name.
const (
	KindHome     = "home"
	KindBarrier  = "barrier"
	KindBarriers = "barriers"
	KindSector   = "sector"
	KindPage     = "page"
	KindRoot     = "root"
	KindNotFound = "404"
)

var kinds = []string{KindHome, KindBarrier, KindBarriers, KindSector, KindPage, KindRoot, KindNotFound}

// Theme is a parsed theme folder.
type Theme struct {
	dir string // as the user named it, for messages
	// tmpl holds each kind's templates: a copy of the layout and the
	// partials, with the kind's own file parsed into it.
	tmpl map[string]*template.Template
	// files holds the text of each template file by name, for the
	// positions of errors.
	files map[string]*diag.Lines
	// defined maps each kind's template names to the files that define
	// them: html/template's errors name a template, and the template of
	// a failed escaping is gone.
	defined map[string]map[string]string
	strings map[string]content.Text
	// Assets maps a static file's name (style.css) to its hashed name
	// (style.0123456789.css); Files holds the content by hashed name.
	Assets map[string]string
	Files  map[string][]byte

	// cards holds each barrier's card, made once per language and build:
	// a card is the same on every page of its language, and listing pages
	// show each barrier many times (see cardSlot). forSite copies every
	// other field, for the preview's next site.
	cards atomic.Pointer[cardTable]
	// shared holds the templates executed by Page.Shared (sharedKey ->
	// template.HTML), for as long as cards.
	shared sync.Map
	// unshared makes Shared execute its template on every page, for the
	// test that holds the shared parts of a theme to be alike on every
	// page.
	unshared bool
}

// cardTable holds the cards of one site's entries, by the page's language
// and the entry's number (site.Entry.Num): at 20,000 barriers the listing
// pages look up 60,000 cards, and a slot found by its index costs a
// fraction of a look-up in a map.
type cardTable struct {
	site  *site.Site
	slots []atomic.Pointer[template.HTML] // len(site.Langs) * site.Len()
}

// cardSlot is where the card of e on pages in lang is kept, or nil for a
// language that is not the site's. A theme keeps the cards of one site at
// a time: a page of another site starts a new table.
func (t *Theme) cardSlot(s *site.Site, lang string, e *site.Entry) *atomic.Pointer[template.HTML] {
	li := slices.Index(s.Langs, lang)
	if li < 0 || e.Num >= s.Len() {
		return nil
	}
	tab := t.cards.Load()
	if tab == nil || tab.site != s {
		fresh := &cardTable{site: s, slots: make([]atomic.Pointer[template.HTML], len(s.Langs)*s.Len())}
		if !t.cards.CompareAndSwap(tab, fresh) {
			return t.cardSlot(s, lang, e)
		}
		tab = fresh
	}
	return &tab.slots[li*s.Len()+e.Num]
}

type sharedKey struct{ lang, name, variant string }

// LoadTheme parses the theme folder fsys; dir is its path for messages.
// Every string a template or the generator asks for by name must be in
// strings.yaml: a missing one is an error here, at the key in the template
// (even in a part of a template that no page of the site shows), or at
// strings.yaml for one the generator asks for.
func LoadTheme(fsys fs.FS, dir string, langs []string) (*Theme, error) {
	var errs diag.List
	t := &Theme{
		dir:     strings.TrimSuffix(dir, "/"),
		tmpl:    make(map[string]*template.Template),
		files:   make(map[string]*diag.Lines),
		defined: make(map[string]map[string]string),
		Assets:  make(map[string]string),
		Files:   make(map[string][]byte),
	}
	src, err := fs.ReadFile(fsys, "strings.yaml")
	if err != nil {
		errs.Addf(diag.Pos{Path: t.show("strings.yaml")}, "cannot read the theme's strings: %v", err)
	} else if t.strings, err = content.ParseStrings(t.show("strings.yaml"), src, langs); err != nil {
		for _, e := range diag.AsList(err) {
			errs.Add(e)
		}
	}
	if !t.parseTemplates(fsys, &errs) {
		return nil, errs.Err()
	}
	if t.strings != nil {
		t.checkStrings(&errs)
	}
	if err := t.loadStatic(fsys); err != nil {
		errs.Addf(diag.Pos{Path: t.show("static")}, "%v", err)
	} else if err := t.addGenerated(); err != nil {
		errs.Addf(diag.Pos{Path: t.show("static")}, "cannot draw the generated pictures: %v", err)
	}
	return t, errs.Err()
}

// parseTemplates parses the layout and the partials once, and gives each
// kind of page a copy with its own file parsed into it. It reports false
// if the layout or the partials cannot be read.
func (t *Theme) parseTemplates(fsys fs.FS, errs *diag.List) bool {
	read := func(name, what string) (string, bool) {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			errs.Addf(diag.Pos{Path: t.show(name)}, "cannot read %s: %v", what, err)
			return "", false
		}
		t.files[name] = diag.NewLines(t.show(name), b)
		return string(b), true
	}
	layout, okLayout := read("layout.html", "the theme's layout.html")
	partials, okPartials := read("partials.html", "the theme's partials.html")
	if !okLayout || !okPartials {
		return false
	}
	base := template.New("layout.html").Option("missingkey=error")
	_, err := base.Parse(layout)
	if err == nil {
		_, err = base.New("partials.html").Parse(partials)
	}
	if err != nil {
		errs.Add(t.parseError(err))
	}
	for _, k := range kinds {
		name := k + ".html"
		body, ok := read(name, "the template for "+k+" pages")
		if !ok || err != nil {
			continue
		}
		tm := template.Must(base.Clone()) // fails only after an execution, and there has been none
		if _, err := tm.New(name).Parse(body); err != nil {
			errs.Add(t.parseError(err))
			continue
		}
		t.tmpl[k] = tm
		t.defined[k] = make(map[string]string)
		for _, d := range tm.Templates() {
			if d.Tree != nil {
				t.defined[k][d.Name()] = d.Tree.ParseName
			}
		}
	}
	return true
}

func (t *Theme) show(name string) string { return path.Join(t.dir, name) }

// loadStatic reads static/ and names each file by its content. The code
// highlighting styles are appended to style.css, so a page loads one
// stylesheet.
func (t *Theme) loadStatic(fsys fs.FS) error {
	code := markdown.Stylesheet()
	return fs.WalkDir(fsys, "static", func(name string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		rel := strings.TrimPrefix(name, "static/")
		if rel == "style.css" {
			data = append(append(slices.Clip(data), '\n'), cssComment.ReplaceAll(code, nil)...)
		}
		sum := sha256.Sum256(data)
		ext := path.Ext(rel)
		hashed := strings.TrimSuffix(rel, ext) + "." + hex.EncodeToString(sum[:5]) + ext
		t.Assets[rel] = hashed
		t.Files[hashed] = data
		return nil
	})
}

// cssComment matches the comments chroma writes before each of its rules,
// dropped to keep the stylesheet within its size budget.
var cssComment = regexp.MustCompile(`/\* [^*]* \*/ ?`)

// execute runs the template of the page's kind.
func (t *Theme) execute(p *Page) ([]byte, error) {
	return t.executeTo(new(pageBuffer), p)
}

// pageBuffer is what a page is made in: the template's output, and the
// page with its other-language text marked.
type pageBuffer struct {
	html   bytes.Buffer
	marked []byte
}

// executeTo is execute writing into b; the page it returns is b's own
// bytes, so b must not be reused while the page is in use.
func (t *Theme) executeTo(b *pageBuffer, p *Page) ([]byte, error) {
	tm := t.tmpl[p.Kind]
	if tm == nil {
		return nil, fmt.Errorf("no template for %s pages", p.Kind)
	}
	b.html.Reset()
	if err := tm.Execute(&b.html, p); err != nil {
		return nil, t.execError(p.Kind, err)
	}
	if p.Kind == KindRoot || p.Kind == KindNotFound {
		return b.html.Bytes(), nil // in every language, each part marked
	}
	page := markLanguages(b.marked, b.html.Bytes(), p.Lang)
	if len(page) > 0 && &page[0] != &b.html.Bytes()[0] {
		b.marked = page[:0] // keep what it grew to
	}
	return page, nil
}
