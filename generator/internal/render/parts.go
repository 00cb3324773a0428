package render

import (
	"bytes"
	"fmt"
	"html/template"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"explainer/generator/internal/markdown"
	"explainer/generator/internal/site"
)

// parts keeps what is made once for the pages of one Pages call.
type parts struct {
	site *site.Site
	md   *markdown.Converter
	// code reports that a page written links code.css.
	code atomic.Bool
	// cards holds the cards by language and site.Entry.Num, found by
	// index rather than in a map. The trade: a pointer per entry and
	// language, for 25 instead of 41 million allocations per rendering of
	// N = 10,000 barriers, and a sixth less CPU time (BenchmarkRender).
	cards []atomic.Pointer[template.HTML] // len(site.Langs) * site.Len()
	// shared holds Page.Shared's parts (sharedKey -> template.HTML). The
	// trade: a shared part must use only what its pages have alike
	// (TestSharedPartsAreAlike), for a fifth less CPU time per rendering
	// of N = 10,000 barriers (BenchmarkRender).
	shared   sync.Map
	unshared bool // for that test: Shared executes on every page
}

type sharedKey struct{ lang, name, variant string }

func newParts(s *site.Site, md *markdown.Converter) *parts {
	return &parts{site: s, md: md, cards: make([]atomic.Pointer[template.HTML], len(s.Langs)*s.Len())}
}

// convert converts e's body into buf and returns its headings: the model
// parsed it, the pages show its HTML.
func (ps *parts) convert(e *site.Entry, buf *bytes.Buffer) ([]site.Heading, error) {
	srcBuf := bodyBuffers.Get().(*bytes.Buffer)
	defer func() {
		if srcBuf.Cap() <= maxPooled {
			bodyBuffers.Put(srcBuf)
		}
	}()
	src, page, err := ps.site.Source(e, srcBuf)
	var res *markdown.Result
	if err == nil {
		buf.Reset()
		res, err = ps.md.ConvertTo(buf, src, page)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %v", e.Path(), err)
	}
	return res.Headings, nil
}

// cardSlot is where e's card in lang is kept, or nil if either is not the
// site's.
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

// Shared returns the template name executed once per language, build and
// variant, for the parts of the layout alike on every page of a language
// (the search form, the navigation). It is executed on the first page that
// asks, so it must use only what every page asking with the same variant
// has alike: .Lang, .Site, .T, .Text, .URL, .Asset, .SearchIndex, and what
// the variant stands for. Its result is HTML.
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

// Cards returns the cards of es one after the other: one action of its
// template for a list of thousands.
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

// CardHTML returns e's card, the "card" template executed on Card(e),
// made once per language and build (see parts.cards).
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
