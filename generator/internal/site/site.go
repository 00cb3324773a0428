// Package site turns the documents that package content read into the model
// of the website: every page in every language with its address, what its
// body holds (headings, anchors, links), and its place in the link graph
// (translations, related barriers, previous and next). It checks everything
// that needs more than one file to see: missing translations, unknown
// sectors, related slugs and links that name no page or no anchor, a
// translation whose status or status_date differs from its source's, and
// a count of published barriers other than site.yaml's report_items.
//
// Memory: Build converts every body once, on all cores, and keeps from it
// what other pages need (headings, anchors, links) and its HTML, which
// Entry.Body gives back when the page is written. Bodies beyond
// MemoryBudget wait in a temporary file, removed by Close; the plain text
// goes to Options.Text (the search index) and is not kept. With the
// content loaded by content.LoadMeta, the model of a site of 20,000 pages
// holds only front matter and those lists (a few kilobytes a page): see
// BENCHMARKS.md.
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
	"errors"
	"fmt"
	"net/url"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"

	"explainer/generator/internal/content"
	"explainer/generator/internal/diag"
	"explainer/generator/internal/markdown"
)

// Reserved lists the page slugs the generator uses for its own pages.
var Reserved = []string{"barriers", "sectors", "assets", "search"}

// Site is the whole website.
type Site struct {
	Config *content.Config
	// BaseURL is the absolute address of the root, ending in "/"; BasePath
	// is its path ("/" or "/repo/").
	BaseURL  string
	BasePath string
	Langs    []string
	// Home, Barriers and Pages hold the documents by language. Barriers
	// and Pages are in reading order: weight, then slug.
	Home     map[string]*Entry
	Barriers map[string][]*Entry
	Pages    map[string][]*Entry

	// Warnings are problems that do not fail the build (raw HTML that was
	// removed), sorted; the command prints them.
	Warnings []*diag.Error

	byName map[string]*Entry // by content file name
	len    int               // entries
	broken map[string]bool   // content.Set.Broken
	bodies *bodies
}

// Entry is one document, converted, with its place in the site.
type Entry struct {
	*content.Doc
	// PagePath is the page's address below the base URL (en/barriers/x/).
	PagePath string
	// Headings, IDs and Links come from the body (IDs and Links are nil
	// after Site.Trim); Body gives its HTML.
	Headings []Heading
	IDs      Anchors
	Links    []markdown.Link
	// Translations maps every language to the entry in it (this one
	// included).
	Translations map[string]*Entry
	// Related are the barriers this one names in related, those that name
	// it, and those that link to it, in reading order.
	Related    []*Entry
	Prev, Next *Entry
	// Num is the entry's place among the site's entries, from 0 to
	// Site.Len()-1, for tables kept beside the site.
	Num int
	// Stale reports a translation whose source (the default language's
	// file) has changed since it was translated: its translated_from
	// differs from the source's fingerprint. A translation that was never
	// marked is not stale; only "generator status" lists it.
	Stale bool

	site     *Site
	body     stored
	scanErrs []*diag.Error // the problems found converting the body
}

// Body returns the entry's HTML, converted by Build. It may read it back
// from a temporary file (see MemoryBudget), so a site of thousands of
// pages holds few bodies in memory.
func (e *Entry) Body() (string, error) {
	b, err := e.site.bodies.get(e.body)
	if err != nil {
		return "", fmt.Errorf("%s: %v", e.Path(), err)
	}
	return b, nil
}

// AppendBody appends the entry's HTML to buf and returns the result: Body
// for a caller that writes thousands of pages through one buffer.
func (e *Entry) AppendBody(buf []byte) ([]byte, error) {
	buf, err := e.site.bodies.appendTo(buf, e.body)
	if err != nil {
		return buf, fmt.Errorf("%s: %v", e.Path(), err)
	}
	return buf, nil
}

// Each calls f for every entry: the home page, the barriers and the other
// pages of each language in turn.
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

// Trim drops what only Build's checks need (every entry's links and
// anchors), for a caller that renders the site and builds no other from it:
// a site reused by Options.Reuse must keep them.
func (s *Site) Trim() {
	for _, e := range s.byName {
		e.Links, e.IDs = nil, nil
	}
}

// Close removes the temporary file of bodies, if Build made one. Body
// fails after Close.
func (s *Site) Close() error { return s.bodies.close() }

// page is what the markdown converter needs to know about e, whose text
// is src.
func (s *Site) page(e *Entry, src []byte) *markdown.Page {
	lines := e.Lines
	if e.Src == nil {
		lines = diag.NewLines(e.Path(), src)
	}
	return &markdown.Page{Name: e.Name, Lang: e.Lang, Lines: lines, URL: s.urlOf}
}

// urlOf is the address of the page made from the content file name, or ""
// if none is.
func (s *Site) urlOf(name string) string {
	if e := s.byName[name]; e != nil {
		return s.URL(e.PagePath)
	}
	return ""
}

// Heading is a heading of a body, for the table of contents.
type Heading = markdown.Heading

// buffers hold the bodies being converted: each body's text as read, and
// its HTML, which is copied out (or written to the temporary file).
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Options change how a site is made.
type Options struct {
	// BaseURL overrides site.yaml's base_url when not empty.
	BaseURL string
	// Drafts keeps documents marked draft: true.
	Drafts bool
	// Text, when not nil, receives the plain text of every entry's body as
	// Build converts it, with the entry's Headings set, from several
	// goroutines at once; the site does
	// not keep it. The search index is made from it. The bytes are to be
	// read during the call only: they are reused for the next body.
	Text func(e *Entry, text []byte)
	// Budget is how many bytes of bodies to keep in memory: 0 means
	// MemoryBudget, a negative number none.
	Budget int64
	// Reuse, when not nil, is the site built last from the same folder:
	// the bodies of the documents that did not change (the same *Doc, as
	// content.LoadMetaCached gives) are not converted again, and Text is
	// not called for them. Nothing is reused when a page was added or
	// removed, or the base URL changed, since links to other pages are
	// part of a body's HTML. Build does not change Reuse; the two share
	// their bodies, so only the last of them may be closed.
	Reuse *Site
}

// Build makes the Site from the content set, converting every body with md.
// All problems are returned together as a diag.Errors.
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
	if r := opt.Reuse; r != nil && r.BaseURL == s.BaseURL && sameKeys(r.byName, s.byName) {
		prev = r.byName
		s.bodies = r.bodies
	}
	s.scan(entries, set, md, opt.Text, prev, &errs)
	s.checkLinks(entries, s.byName, set, &errs)
	s.arrange(entries, set.Dir, &errs)
	s.link()
	s.markStale()
	s.Warnings = errs.Warnings()
	if err := errs.Err(); err != nil {
		if opt.Reuse == nil || s.bodies != opt.Reuse.bodies {
			s.Close() // else they are the site reused's, still in use
		}
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
	budget := opt.Budget
	switch {
	case budget == 0:
		budget = MemoryBudget
	case budget < 0:
		budget = 0
	}
	return &Site{
		Config:   set.Config,
		BaseURL:  base,
		BasePath: u.EscapedPath(),
		Langs:    set.Config.Codes(),
		Home:     make(map[string]*Entry),
		Barriers: make(map[string][]*Entry),
		Pages:    make(map[string][]*Entry),
		byName:   make(map[string]*Entry),
		broken:   set.Broken,
		bodies:   &bodies{budget: budget},
	}, nil
}

// add makes an entry of every document (drafts only if drafts is set) and
// links each to its translations.
func (s *Site) add(docs []*content.Doc, drafts bool) []*Entry {
	byKey := make(map[content.Key]map[string]*Entry)
	var entries []*Entry
	for _, d := range docs {
		if d.Meta.Draft && !drafts {
			continue
		}
		e := &Entry{Doc: d, PagePath: pagePath(d), Num: len(entries), site: s}
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
// reports a language with no home page; dir is the content folder.
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
			// translation is already reported, at that file.
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

// scan converts every body, on all cores: its headings, ids and links and
// its HTML land in the entries, so their order does not depend on
// scheduling, and its text goes to text. The languages of one entry go to
// the same core, one after the other, so the converter's copy of the
// first's code blocks serves the second.
func (s *Site) scan(entries []*Entry, set *content.Set, md *markdown.Converter, text func(*Entry, []byte), prev map[string]*Entry, errs *diag.List) {
	work := make(chan []*Entry)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for group := range work {
				for _, e := range group {
					if p := prev[e.Name]; p != nil && p.Doc == e.Doc {
						e.body, e.scanErrs = p.body, p.scanErrs
						e.Headings, e.IDs, e.Links = p.Headings, p.IDs, p.Links
						continue
					}
					e.scanErrs = s.convert(e, set, md, text)
				}
			}
		})
	}
	// Documents are sorted by kind and slug, so an entry's languages are
	// neighbours.
	for i := 0; i < len(entries); {
		j := i + 1
		for j < len(entries) && entries[j].Key() == entries[i].Key() {
			j++
		}
		work <- entries[i:j]
		i = j
	}
	close(work)
	wg.Wait()
	for _, e := range entries {
		for _, f := range e.scanErrs {
			errs.Add(f)
		}
	}
}

// convert converts e's body, keeps what the site needs of it, and returns
// the problems found.
func (s *Site) convert(e *Entry, set *content.Set, md *markdown.Converter, text func(*Entry, []byte)) []*diag.Error {
	// Nothing made from the body keeps its bytes (the results are strings
	// and positions), so its buffer goes back to the pool.
	srcBuf := buffers.Get().(*bytes.Buffer)
	defer buffers.Put(srcBuf)
	src, err := set.Source(e.Doc, srcBuf)
	if err != nil {
		return []*diag.Error{diag.Errorf(e.Meta.Start, "%v", err)}
	}
	buf := buffers.Get().(*bytes.Buffer)
	defer buffers.Put(buf)
	buf.Reset()
	page := s.page(e, src)
	// The text goes to text once e.Headings are set: the search index
	// links to the heading a query matched under.
	var plain *bytes.Buffer
	if text != nil {
		plain = buffers.Get().(*bytes.Buffer)
		defer buffers.Put(plain)
		plain.Reset()
		page.Text = func(b []byte) { plain.Write(b) }
	}
	res, err := md.ConvertTo(buf, src, page)
	if err == nil {
		e.body, err = s.bodies.put(buf.Bytes())
	}
	if errors.Is(err, errReported) {
		return nil // the build fails with the first
	}
	if err != nil {
		return []*diag.Error{diag.Errorf(e.Meta.Start, "%v", err)}
	}
	e.Headings, e.Links = res.Headings, res.Links
	if text != nil {
		text(e, plain.Bytes())
	}
	found := res.Errs
	for _, f := range e.Meta.Figures {
		if res.IDs[f.ID] {
			found = append(found, diag.Errorf(e.Meta.Start, "figure id %q is also a heading's anchor; give the figure another id", f.ID))
		}
		res.IDs[f.ID] = true
	}
	e.IDs = make(Anchors, 0, len(res.IDs))
	for id := range res.IDs {
		e.IDs = append(e.IDs, id)
	}
	slices.Sort(e.IDs)
	return found
}

// Anchors are the ids in a page's body (of headings, footnotes and
// figures), sorted. Every page keeps them until the links to it are
// checked: as a map, each page's took several times the memory.
type Anchors []string

// Has reports whether id is one of a.
func (a Anchors) Has(id string) bool {
	_, ok := slices.BinarySearch(a, id)
	return ok
}

// sameKeys reports whether a and b have the same keys.
func sameKeys(a, b map[string]*Entry) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if _, ok := b[k]; !ok {
			return false
		}
	}
	return true
}

// markStale sets Stale on every translation whose source changed since it
// was translated.
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
