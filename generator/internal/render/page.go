package render

import (
	"bytes"
	"fmt"
	"html/template"

	"explainer/generator/internal/content"
	"explainer/generator/internal/markdown"
	"explainer/generator/internal/site"
	"explainer/generator/internal/theme"
)

// Page is what a template receives: one page of the site in one language.
type Page struct {
	Site        *site.Site
	theme       *theme.Theme
	parts       *parts
	Kind        string
	Lang        string
	Title       string // the page's own, without the site's
	Description string
	Path        string // below the base URL: "en/barriers/"
	// Alternates are the page in every language, its own included; none
	// for the root and 404 pages, which are in every language.
	Alternates []Alternate
	Entry      *site.Entry // the document shown, if any
	Body       template.HTML
	headings   []site.Heading  // the body's, as it was converted
	Sector     *content.Sector // of a sector or barrier page
	Barriers   []*site.Entry   // of a list or sector page, in order
	// Groups are the barriers by sector, in site.yaml's order, without
	// empty sectors (home page and barrier index).
	Groups      []Group
	Menu        []*site.Entry // the other pages, for the navigation
	SearchIndex string        // the language's search index, for search.js
}

// Alternate is the same page in one language.
type Alternate struct {
	Lang   string
	Name   string // the language's name in itself
	Locale string
	Path   string
}

// Group is the barriers of one sector.
type Group struct {
	Sector   *content.Sector
	Barriers []*site.Entry
}

// Pages lists every page of the site, in a fixed order; md converts the
// bodies of entries as their pages are made.
func Pages(s *site.Site, t *theme.Theme, md *markdown.Converter) []*Page {
	var pages []*Page
	ps := newParts(s, md)
	add := func(p *Page) *Page {
		p.Site, p.theme, p.parts = s, t, ps
		pages = append(pages, p)
		return p
	}
	add(&Page{Kind: theme.KindRoot, Lang: s.Config.Default(), Path: "", Title: s.Config.Title[s.Config.Default()]})
	add(&Page{Kind: theme.KindNotFound, Lang: s.Config.Default(), Path: "404.html"})
	for _, l := range s.Langs {
		menu := s.Pages[l]
		groups := groups(s, l)
		alt := func(path func(lang string) string) []Alternate {
			var out []Alternate
			for _, lg := range s.Config.Languages {
				out = append(out, Alternate{Lang: lg.Code, Name: lg.Name, Locale: lg.Locale, Path: path(lg.Code)})
			}
			return out
		}
		entry := func(kind string, e *site.Entry) *Page {
			return add(&Page{
				Kind: kind, Lang: l, Title: e.Meta.Title, Description: e.Meta.Summary,
				Path: e.PagePath, Entry: e, Menu: menu,
				Alternates: alt(func(lang string) string { return e.Translations[lang].PagePath }),
			})
		}
		home := entry(theme.KindHome, s.Home[l])
		home.Groups = groups
		home.Barriers = s.Barriers[l]

		p := add(&Page{
			Kind: theme.KindBarriers, Lang: l, Path: l + "/barriers/", Menu: menu,
			Barriers: s.Barriers[l], Groups: groups,
			Alternates: alt(func(lang string) string { return lang + "/barriers/" }),
		})
		p.Title, _ = p.T("barriers_title")
		p.Description, _ = p.T("barriers_description")

		for _, e := range s.Barriers[l] {
			bp := entry(theme.KindBarrier, e)
			bp.Sector = s.Config.Sector(e.Meta.Sector)
		}
		for _, g := range groups {
			p := add(&Page{
				Kind: theme.KindSector, Lang: l, Path: l + "/sectors/" + g.Sector.ID + "/", Menu: menu,
				Title: g.Sector.Name[l], Sector: g.Sector, Barriers: g.Barriers,
				Alternates: alt(func(lang string) string { return lang + "/sectors/" + g.Sector.ID + "/" }),
			})
			if f, err := p.T("sector_description"); err == nil {
				p.Description = fmt.Sprintf(f, p.Title)
			}
		}
		for _, e := range s.Pages[l] {
			entry(theme.KindPage, e)
		}
		// Where the search form goes without JavaScript: every page.
		sp := add(&Page{
			Kind: theme.KindSearch, Lang: l, Path: l + "/search/", Menu: menu,
			Barriers: s.Barriers[l], Groups: groups,
			Alternates: alt(func(lang string) string { return lang + "/search/" }),
		})
		sp.Title, _ = sp.T("search_title")
		sp.Description, _ = sp.T("search_description")
	}
	return pages
}

// groups returns the barriers of language l by sector.
func groups(s *site.Site, l string) []Group {
	var out []Group
	for i := range s.Config.Sectors {
		sec := &s.Config.Sectors[i]
		g := Group{Sector: sec}
		for _, e := range s.Barriers[l] {
			if e.Meta.Sector == sec.ID {
				g.Barriers = append(g.Barriers, e)
			}
		}
		if len(g.Barriers) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// HTML makes the page: its body converted, its template executed, other
// languages marked.
func (p *Page) HTML() ([]byte, error) {
	q := *p
	if q.Entry != nil {
		var b bytes.Buffer
		hs, err := p.parts.convert(p.Entry, &b)
		if err != nil {
			return nil, err
		}
		q.Body, q.headings = template.HTML(b.String()), hs
	}
	return q.executeTo(new(pageBuffer))
}

// key orders the pages as Render makes them: the pages without an entry
// first, then by the entry's place, where its languages are neighbours
// (site.Entry.Num follows content.Set's order: kind, slug, language).
func (p *Page) key() int {
	if p.Entry == nil {
		return -1
	}
	return p.Entry.Num
}

// pageBuffer holds the template's output and the page marked.
type pageBuffer struct {
	html   bytes.Buffer
	marked []byte
}

// executeTo makes the page in b, whose bytes it returns.
func (p *Page) executeTo(b *pageBuffer) ([]byte, error) {
	b.html.Reset()
	if err := p.theme.Execute(&b.html, p.Kind, p); err != nil {
		return nil, err
	}
	if p.Kind == theme.KindRoot || p.Kind == theme.KindNotFound {
		return b.html.Bytes(), nil // in every language, each part marked
	}
	page := markLanguages(b.marked, b.html.Bytes(), p.Lang)
	if len(page) > 0 && &page[0] != &b.html.Bytes()[0] {
		b.marked = page[:0] // keep what it grew to
	}
	return page, nil
}
