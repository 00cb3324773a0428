// Package site turns the documents of package content into the model of
// the website: every page in every language with its address, its body's
// headings, anchors and links, and its place in the link graph
// (translations, related barriers, previous and next). It runs every
// check that needs more than one file: missing translations, unknown
// sectors, related slugs and links that name no page or anchor, a
// translation whose status, status_date, sector, related, figures, weight
// or first_listed differs from its source's, a first_listed outside the
// report's years, a count of barriers other than site.yaml's
// report_items; and in bodies, a new entry's placeholder text left in a
// published one and a Korean page with a paragraph that is not Korean
// (lang_check.go, korean.go).
//
// The model does not render: Build parses every body once, on all cores,
// keeping what other pages need (headings, anchors, links) and handing
// its plain text to Options.Text, so a site of 20,000 pages holds a few
// kilobytes a page. The render stage converts each body to HTML when it
// makes the page, from Source.
//
// Pictures (pictures.go): the picture files of the content folder's
// pictures/ that the bodies show are read once per build, however many
// pages show them, and checked by package picture; Site.Pictures lists
// them for publishing under assets/pictures/ with a hash of their content
// in their names. A rebuild (Options.Reuse) keeps a body only if its
// pictures are unchanged, and does not read again a file whose size and
// time are the same.
//
// Addresses, relative to the base URL:
//
//	<lang>/                    the home page (summary.<lang>.md)
//	<lang>/barriers/           the list of barriers
//	<lang>/barriers/<slug>/    one barrier
//	<lang>/sectors/<id>/       the barriers of one sector
//	<lang>/<slug>/             another page (pages/<slug>.<lang>.md)
package site

import (
	"bytes"
	"cmp"
	"maps"
	"net/url"
	"path"
	"slices"
	"strings"
	"sync"

	"explainer/generator/internal/content"
	"explainer/generator/internal/cores"
	"explainer/generator/internal/diag"
	"explainer/generator/internal/markdown"
)

// Reserved lists the page slugs the generator uses for its own pages.
var Reserved = []string{"barriers", "sectors", "assets", "search"}

// Site is the whole website.
type Site struct {
	Config   *content.Config
	BaseURL  string // absolute, ending in "/"
	BasePath string // its path: "/" or "/repo/"
	Langs    []string
	// By language; Barriers and Pages in reading order (weight, slug).
	Home     map[string]*Entry
	Barriers map[string][]*Entry
	Pages    map[string][]*Entry

	// Warnings do not fail the build (raw HTML removed), sorted.
	Warnings []*diag.Error

	byName map[string]*Entry // by content file name
	len    int               // entries
	broken map[string]bool   // content.Set.Broken
	set    *content.Set
	pics   *pictures // the picture files the bodies show (pictures.go)
}

// Entry is one document, its body parsed, with its place in the site.
type Entry struct {
	*content.Doc
	PagePath string // below the base URL: en/barriers/x/
	// From the body (IDs, Links and a barrier's Headings nil after
	// Site.Trim).
	Headings []Heading
	IDs      Anchors
	Links    []markdown.Link
	// Translations maps every language to its entry, this one included.
	Translations map[string]*Entry
	// Related are the barriers this one names in related, those that name
	// it, and those that link to it, in reading order.
	Related    []*Entry
	Prev, Next *Entry
	// Num is the entry's place, 0 to Site.Len()-1, for tables beside it.
	Num int
	// Stale: translated_from is not the source's fingerprint now (a
	// translation never marked is not stale; "generator status" lists it).
	Stale bool

	scanErrs []*diag.Error // found parsing the body
	pictures []string      // the picture files the body shows
}

// Each calls f for every entry: home, barriers and pages, by language.
func (s *Site) Each(f func(*Entry)) {
	for _, l := range s.Langs {
		if e := s.Home[l]; e != nil {
			f(e)
		}
		for _, e := range s.Barriers[l] {
			f(e)
		}
		for _, e := range s.Pages[l] {
			f(e)
		}
	}
}

// Len is the number of entries (see Entry.Num).
func (s *Site) Len() int { return s.len }

// Trim drops what only Build's checks and the search index need: links,
// anchors, and the headings of barriers (a page takes its table of
// contents from its own body; the search page lists the headings of the
// home page and the other pages). A site to be reused by Options.Reuse
// must keep them.
func (s *Site) Trim() {
	for _, e := range s.byName {
		e.Links, e.IDs = nil, nil
		if e.Kind == content.Barrier {
			e.Headings = nil
		}
	}
}

// urlOf is the address of the page of the content file name, or "".
func (s *Site) urlOf(name string) string {
	if e := s.byName[name]; e != nil {
		return s.URL(e.PagePath)
	}
	return ""
}

// Heading is a heading of a body, for the table of contents.
type Heading = markdown.Heading

// buffers hold a body's text as read.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Options change how a site is made.
type Options struct {
	// BaseURL overrides site.yaml's base_url when not empty.
	BaseURL string
	// Drafts keeps documents marked draft: true.
	Drafts bool
	// Text, if set, receives each body's plain text (for the search
	// index), with the entry's Headings set, from several goroutines.
	Text func(e *Entry, text string)
	// Reuse is the site built last from the same folder: the bodies of
	// unchanged documents (the same *Doc, from content.LoadMetaCached) are
	// not parsed again, nor given to Text. Nothing is reused when a page
	// was added or removed or the base URL changed, as links name pages.
	Reuse *Site
}

// Build makes the Site of the set, parsing every body with md; all
// problems are returned together as a diag.Errors.
func Build(set *content.Set, md *markdown.Converter, opt Options) (*Site, error) {
	s, err := newSite(set, opt)
	if err != nil {
		return nil, err
	}
	var errs diag.List
	entries := s.add(set.Docs, opt.Drafts)
	s.checkDocs(entries, &errs)
	s.checkItems(entries, &errs)
	var prev map[string]*Entry
	if r := opt.Reuse; r != nil && r.BaseURL == s.BaseURL {
		// The pictures' addresses start with the base URL's path.
		s.pics.prev = r.pics
		if maps.EqualFunc(r.byName, s.byName, func(*Entry, *Entry) bool { return true }) {
			prev = r.byName
		}
	}
	s.scan(entries, md, opt.Text, prev, &errs)
	s.checkLinks(entries, s.byName, set, &errs)
	s.arrange(entries, set.Dir, &errs)
	s.link()
	s.markStale()
	s.Warnings = errs.Warnings()
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return s, nil
}

// newSite is an empty site for the set's configuration and opt.
func newSite(set *content.Set, opt Options) (*Site, error) {
	base := cmp.Or(opt.BaseURL, set.Config.BaseURL)
	u, err := url.Parse(base)
	if err != nil {
		return nil, err
	}
	s := &Site{
		Config:   set.Config,
		BaseURL:  base,
		BasePath: u.EscapedPath(),
		Langs:    set.Config.Codes(),
		Home:     make(map[string]*Entry),
		Barriers: make(map[string][]*Entry),
		Pages:    make(map[string][]*Entry),
		byName:   make(map[string]*Entry),
		broken:   set.Broken,
		set:      set,
	}
	s.pics = newPictures(set.FS(), set.Dir, s.URL, nil)
	return s, nil
}

// add makes an entry of every document (drafts if asked) and links each
// to its translations.
func (s *Site) add(docs []*content.Doc, drafts bool) []*Entry {
	byKey := make(map[content.Key]map[string]*Entry)
	var entries []*Entry
	for _, d := range docs {
		if d.Meta.Draft && !drafts {
			continue
		}
		e := &Entry{Doc: d, PagePath: pagePath(d), Num: len(entries)}
		entries = append(entries, e)
		s.byName[d.Name] = e
		if byKey[d.Key()] == nil {
			byKey[d.Key()] = make(map[string]*Entry)
		}
		byKey[d.Key()][d.Lang] = e
		e.Translations = byKey[d.Key()]
	}
	s.len = len(entries)
	return entries
}

// arrange files the entries by language and kind, in reading order, and
// reports a missing home page; dir is the content folder.
func (s *Site) arrange(entries []*Entry, dir string, errs *diag.List) {
	for _, e := range entries {
		switch e.Kind {
		case content.Summary:
			s.Home[e.Lang] = e
		case content.Barrier:
			s.Barriers[e.Lang] = append(s.Barriers[e.Lang], e)
		case content.Page:
			s.Pages[e.Lang] = append(s.Pages[e.Lang], e)
		}
	}
	for _, l := range s.Langs {
		slices.SortFunc(s.Barriers[l], byWeight)
		slices.SortFunc(s.Pages[l], byWeight)
		if len(s.Home) == 0 && !s.broken["summary."+l+".md"] {
			// With a summary in another language, the missing
			// translation is reported there.
			name := path.Join(dir, "summary."+l+".md")
			errs.Addf(diag.Pos{Path: name}, "missing the home page's text: create %s", name)
		}
	}
}

func byWeight(a, b *Entry) int {
	return cmp.Or(cmp.Compare(a.Meta.Weight, b.Meta.Weight), strings.Compare(a.Slug, b.Slug))
}

// pagePath is the address of the page made from d, below the base URL.
func pagePath(d *content.Doc) string {
	switch d.Kind {
	case content.Summary:
		return d.Lang + "/"
	case content.Barrier:
		return d.Lang + "/barriers/" + d.Slug + "/"
	}
	return d.Lang + "/" + d.Slug + "/"
}

// URL is the root-relative address of a path below the base URL.
func (s *Site) URL(path string) string { return s.BasePath + path }

// AbsURL is the absolute address of a path below the base URL.
func (s *Site) AbsURL(path string) string { return s.BaseURL + path }

// scan parses every body on all cores, into the entries (so nothing
// depends on scheduling), or takes what the last build found in it.
func (s *Site) scan(entries []*Entry, md *markdown.Converter, text func(*Entry, string), prev map[string]*Entry, errs *diag.List) {
	cores.Each(len(entries), func(i int) {
		e := entries[i]
		if p := prev[e.Name]; p != nil && p.Doc == e.Doc && s.pics.unchanged(p.pictures) {
			e.scanErrs, e.pictures = p.scanErrs, p.pictures
			e.Headings, e.IDs, e.Links = p.Headings, p.IDs, p.Links
			return
		}
		e.scanErrs = s.parse(e, md, text)
	})
	for _, e := range entries {
		errs.Add(e.scanErrs...)
	}
}

// Source reads e's text again (content.Set.Source) into buf and returns
// it with how the render stage converts it: the addresses of the pages
// its links name and of the pictures it shows.
func (s *Site) Source(e *Entry, buf *bytes.Buffer) ([]byte, *markdown.Page, error) {
	src, err := s.set.Source(e.Doc, buf)
	if err != nil {
		return nil, nil, err
	}
	return src, &markdown.Page{Name: e.Name, Lang: e.Lang, Lines: diag.NewLines(e.Path(), src), URL: s.urlOf, Picture: s.pics.picture}, nil
}

// parse parses e's body, keeps what the site needs, and returns the
// problems found.
func (s *Site) parse(e *Entry, md *markdown.Converter, text func(*Entry, string)) []*diag.Error {
	// Nothing made from the body keeps its bytes: the buffer is pooled.
	srcBuf := buffers.Get().(*bytes.Buffer)
	defer buffers.Put(srcBuf)
	src, page, err := s.Source(e, srcBuf)
	if err != nil {
		return []*diag.Error{diag.Errorf(e.Meta.Start, "%v", err)}
	}
	page.Picture = func(name string) (markdown.Picture, error) {
		if !slices.Contains(e.pictures, name) {
			e.pictures = append(e.pictures, name)
		}
		return s.pics.picture(name)
	}
	// The text goes to text once e.Headings are set: the search index
	// links to the heading a query matched under.
	var plain string
	if text != nil {
		page.Text = func(t string) { plain = t }
	}
	res := md.Parse(src, page)
	e.Headings, e.Links = res.Headings, res.Links
	if text != nil {
		text(e, plain)
	}
	found := append(res.Errs, bodyProblems(e, src, page.Lines)...)
	for _, f := range e.Meta.Figures {
		if res.IDs[f.ID] {
			found = append(found, diag.Errorf(e.Meta.Start, "figure id %q is also a heading's anchor; give the figure another id", f.ID))
		}
		res.IDs[f.ID] = true
	}
	e.IDs = slices.Sorted(maps.Keys(res.IDs))
	return found
}

// Anchors are the ids in a body (headings, footnotes, figures), sorted:
// as a map, every page's took several times the memory.
type Anchors []string

// Has reports whether id is one of a.
func (a Anchors) Has(id string) bool {
	_, ok := slices.BinarySearch(a, id)
	return ok
}

// markStale sets Stale (see Entry).
func (s *Site) markStale() {
	def := s.Config.Default()
	for _, e := range s.byName {
		src := e.Translations[def]
		if e.Lang == def || src == nil || e.Meta.TranslatedFrom == "" {
			continue
		}
		e.Stale = e.Meta.TranslatedFrom != src.Fingerprint
	}
}
