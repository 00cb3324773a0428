package render

import (
	"fmt"

	"explainer/generator/internal/content"
	"explainer/generator/internal/site"
	"explainer/generator/internal/theme"
)

// The template functions of every page, but those of its head (meta.go),
// its figures (figures.go), its dates (dates.go) and its shared parts
// (parts.go).

// T returns the theme string key in the page's language.
func (p *Page) T(key string) (string, error) {
	t, ok := p.theme.String(key)
	if !ok {
		return "", fmt.Errorf("no string %q in strings.yaml", key)
	}
	return t[p.Lang], nil
}

// In returns the theme string key in the language lang, for text shown in
// another language than the page's (the language switcher, the 404 page).
func (p *Page) In(lang, key string) (string, error) {
	t, ok := p.theme.String(key)
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
	rel, err := p.assetPath(name)
	return p.Site.URL(rel), err
}

// assetPath is the path of a static file below the base URL.
func (p *Page) assetPath(name string) (string, error) {
	h, ok := p.theme.Assets[name]
	if !ok {
		return "", fmt.Errorf("no static file %q", name)
	}
	return "assets/" + h, nil
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

// EditURL is the address of GitHub's editor for the page's content file,
// from site.yaml's repository; "" when site.yaml has none, or the page
// has no file.
func (p *Page) EditURL() string {
	if p.Entry == nil || p.Site.Config.Repository == nil {
		return ""
	}
	return p.Site.Config.Repository.EditURL(p.Entry.Name)
}

// Section is the part of the site the page is in, for the navigation to
// mark: "barriers" for the barrier index, a barrier and a sector page, ""
// for the others.
func (p *Page) Section() string {
	switch p.Kind {
	case theme.KindBarriers, theme.KindBarrier, theme.KindSector:
		return "barriers"
	}
	return ""
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
