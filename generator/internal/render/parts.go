package render

import (
	"html/template"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"explainer/generator/internal/site"
)

// parts keeps what is made once for all the pages of one Pages call: each
// barrier's card per language, and the shared parts of the layout.
type parts struct {
	site *site.Site
	// code reports that a page written links code.css.
	code atomic.Bool
	// cards holds the cards by the page's language and the entry's
	// number (site.Entry.Num): at 20,000 barriers the listing pages look
	// up 60,000 cards, and a slot found by its index costs a fraction of
	// a look-up in a map. The trade: a table of one pointer per entry and
	// language, for 25 instead of 41 million allocations per rendering of
	// N = 10,000 barriers, and a sixth less CPU time (BenchmarkRender).
	cards []atomic.Pointer[template.HTML] // len(site.Langs) * site.Len()
	// shared holds the templates executed by Page.Shared (sharedKey ->
	// template.HTML). The trade: a part a template shares must use only
	// what its pages have alike (TestSharedPartsAreAlike holds it), for a
	// fifth less CPU time per rendering of N = 10,000 barriers
	// (BenchmarkRender).
	shared sync.Map
	// unshared makes Shared execute its template on every page, for the
	// test that holds the shared parts of a theme to be alike on every
	// page.
	unshared bool
}

type sharedKey struct{ lang, name, variant string }

func newParts(s *site.Site) *parts {
	return &parts{site: s, cards: make([]atomic.Pointer[template.HTML], len(s.Langs)*s.Len())}
}

// cardSlot is where the card of e on pages in lang is kept, or nil for a
// language or an entry that is not the site's.
func (ps *parts) cardSlot(lang string, e *site.Entry) *atomic.Pointer[template.HTML] {
	li := slices.Index(ps.site.Langs, lang)
	if li < 0 || e.Num >= ps.site.Len() {
		return nil
	}
	return &ps.cards[li*ps.site.Len()+e.Num]
}

// Card is what the "card" template shows: one barrier, on this page.
type Card struct {
	Page  *Page
	Entry *site.Entry
}

// Card returns the card of the barrier e on this page.
func (p *Page) Card(e *site.Entry) Card { return Card{Page: p, Entry: e} }

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
	if h, ok := p.parts.shared.Load(key); ok && !p.parts.unshared {
		return h.(template.HTML), nil
	}
	var b strings.Builder
	if err := p.theme.ExecuteTemplate(&b, p.Kind, name, p); err != nil {
		return "", err
	}
	if p.parts.unshared {
		return template.HTML(b.String()), nil
	}
	h, _ := p.parts.shared.LoadOrStore(key, template.HTML(b.String()))
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
// page of the language (see parts.cards).
func (p *Page) CardHTML(e *site.Entry) (template.HTML, error) {
	slot := p.parts.cardSlot(p.Lang, e)
	if slot != nil {
		if h := slot.Load(); h != nil {
			return *h, nil
		}
	}
	var b strings.Builder
	if err := p.theme.ExecuteTemplate(&b, p.Kind, "card", p.Card(e)); err != nil {
		return "", err
	}
	h := template.HTML(b.String())
	if slot == nil {
		return h, nil
	}
	slot.CompareAndSwap(nil, &h)
	return *slot.Load(), nil
}
