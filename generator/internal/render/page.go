package render

import (
	"fmt"
	"html/template"
	"strings"

	"explainer/generator/internal/content"
	"explainer/generator/internal/site"
)

// Page is what a template receives: one page of the site in one language.
type Page struct {
	Site  *site.Site
	theme *Theme
	Kind  string
	Lang  string
	// Title is the page's own title, without the site's.
	Title       string
	Description string
	// Path is the page's address below the base URL ("en/barriers/").
	Path string
	// Alternates are the page in every language, the page's own included;
	// none for the root and the 404 page, which are in every language.
	Alternates []Alternate
	// Entry is the document the page shows (home, barrier and other pages).
	Entry *site.Entry
	Body  template.HTML
	// Sector is the sector of a sector page or a barrier page.
	Sector *content.Sector
	// Barriers lists the barriers of a list or sector page, in order.
	Barriers []*site.Entry
	// Groups are the barriers by sector, in site.yaml's order, for the home
	// page and the barrier index; empty sectors are left out.
	Groups []Group
	// Menu lists the other pages, for the site's navigation.
	Menu []*site.Entry
	// SearchIndex is the address of the search index of the page's
	// language, for search.js.
	SearchIndex string
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

// T returns the theme string key in the page's language.
func (p *Page) T(key string) (string, error) {
	t, ok := p.theme.strings[key]
	if !ok {
		return "", fmt.Errorf("no string %q in strings.yaml", key)
	}
	return t[p.Lang], nil
}

// In returns the theme string key in the language lang, for text shown in
// another language than the page's (the language switcher, the 404 page).
func (p *Page) In(lang, key string) (string, error) {
	t, ok := p.theme.strings[key]
	if !ok {
		return "", fmt.Errorf("no string %q in strings.yaml", key)
	}
	s, ok := t[lang]
	if !ok {
		return "", fmt.Errorf("no language %q", lang)
	}
	return s, nil
}

// URL returns the root-relative address of a path below the base URL.
func (p *Page) URL(path string) string { return p.Site.URL(path) }

// Abs returns the absolute address of a path below the base URL.
func (p *Page) Abs(path string) string { return p.Site.AbsURL(path) }

// Asset returns the address of a static file by its name in static/.
func (p *Page) Asset(name string) (string, error) {
	h, ok := p.theme.Assets[name]
	if !ok {
		return "", fmt.Errorf("no static file %q", name)
	}
	return p.Site.URL("assets/" + h), nil
}

// Text returns a site.yaml text in the page's language.
func (p *Page) Text(t content.Text) string { return t[p.Lang] }

// SectorName is the name of the sector id in the page's language.
func (p *Page) SectorName(id string) string {
	if s := p.Site.Config.Sector(id); s != nil {
		return s.Name[p.Lang]
	}
	return id
}

// LangName is the name of a language in itself.
func (p *Page) LangName(code string) string {
	for _, l := range p.Site.Config.Languages {
		if l.Code == code {
			return l.Name
		}
	}
	return code
}

// Status is "new" for a barrier first listed in the site's report year,
// "long-standing" for one listed before, and "" when not known.
func (p *Page) Status(e *site.Entry) string {
	switch y := e.Meta.FirstListed; {
	case y == 0:
		return ""
	case y >= p.Site.Config.ReportYear:
		return "new"
	}
	return "long-standing"
}

// Locale is the page's locale (ko_KR).
func (p *Page) Locale() string {
	for _, l := range p.Site.Config.Languages {
		if l.Code == p.Lang {
			return l.Locale
		}
	}
	return ""
}

// Card is what the "card" template shows: one barrier, on this page.
type Card struct {
	Page  *Page
	Entry *site.Entry
}

// Card returns the card of the barrier e on this page.
func (p *Page) Card(e *site.Entry) Card { return Card{Page: p, Entry: e} }

// TOC is the table of contents of the page's body: its second-level
// headings, none on a page with no body.
func (p *Page) TOC() []site.Heading {
	if p.Entry == nil {
		return nil
	}
	var toc []site.Heading
	for _, h := range p.Entry.Headings {
		if h.Level == 2 {
			toc = append(toc, h)
		}
	}
	return toc
}

// Shared returns the template name executed once per language and build,
// and per variant if one is given, and kept: for the parts of the layout
// that are alike on every page of a language (the search form, the site's
// navigation, the link-preview tags that describe the site). The template
// is executed on the first page of the language that asks for it, so it
// must use only what every page asking with the same variant has alike:
// .Lang, .Site, .T, .Text, .URL, .Asset, .SearchIndex, and whatever the
// variant stands for. Its result is HTML, like CardHTML's, so call it where
// HTML text goes. Every action of a template costs a few microseconds on
// every page it is executed for; a shared part costs that once.
func (p *Page) Shared(name string, variant ...string) (template.HTML, error) {
	key := sharedKey{p.Lang, name, strings.Join(variant, "\x00")}
	if h, ok := p.theme.shared.Load(key); ok && !p.theme.unshared {
		return h.(template.HTML), nil
	}
	var b strings.Builder
	if err := p.theme.tmpl[p.Kind].ExecuteTemplate(&b, name, p); err != nil {
		return "", err
	}
	if p.theme.unshared {
		return template.HTML(b.String()), nil
	}
	h, _ := p.theme.shared.LoadOrStore(key, template.HTML(b.String()))
	return h.(template.HTML), nil
}

// Cards returns the cards of the barriers es (see CardHTML), one after the
// other: a list of thousands is one action of its template, not thousands.
func (p *Page) Cards(es []*site.Entry) (template.HTML, error) {
	cards := make([]template.HTML, len(es))
	size := 0
	for i, e := range es {
		h, err := p.CardHTML(e)
		if err != nil {
			return "", err
		}
		cards[i] = h
		size += len(h)
	}
	var b strings.Builder
	b.Grow(size)
	for _, h := range cards {
		b.WriteString(string(h))
	}
	return template.HTML(b.String()), nil
}

// CardHTML returns the barrier e's card, the "card" template executed on
// Card(e): made once per language and build, as it is the same on every
// page of the language (see Theme.cards).
func (p *Page) CardHTML(e *site.Entry) (template.HTML, error) {
	slot := p.theme.cardSlot(p.Site, p.Lang, e)
	if slot != nil {
		if h := slot.Load(); h != nil {
			return *h, nil
		}
	}
	var b strings.Builder
	if err := p.theme.tmpl[p.Kind].ExecuteTemplate(&b, "card", p.Card(e)); err != nil {
		return "", err
	}
	h := template.HTML(b.String())
	if slot == nil {
		return h, nil
	}
	slot.CompareAndSwap(nil, &h)
	return *slot.Load(), nil
}
