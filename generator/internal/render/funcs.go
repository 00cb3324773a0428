package render

import (
	"explainer/generator/internal/markdown"
	"fmt"
	"html/template"
	"strings"
	"time"

	"explainer/generator/internal/chart"
	"explainer/generator/internal/content"
	"explainer/generator/internal/site"
	"explainer/generator/internal/theme"
)

// The template functions of every page but those of its head (meta.go)
// and its shared parts (parts.go).

// T returns the theme string key in the page's language.
func (p *Page) T(key string) (string, error) { return p.In(p.Lang, key) }

// In returns the theme string key in lang (the language switcher, 404).
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

// URL is the root-relative address of a path below the base URL.
func (p *Page) URL(path string) string { return p.Site.URL(path) }

// Abs is the absolute address of a path below the base URL.
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

// TOC is the body's second-level headings, for a table of contents.
func (p *Page) TOC() []site.Heading {
	var toc []site.Heading
	for _, h := range p.headings {
		if h.Level == 2 {
			toc = append(toc, h)
		}
	}
	return toc
}

// Chart draws a front matter figure as an inline SVG bar chart, described
// for screen readers in the page's language.
func (p *Page) Chart(f content.Figure) (template.HTML, error) {
	intro, err := p.T("chart_intro")
	if err != nil {
		return "", err
	}
	c := chart.Chart{ID: f.ID + "-chart", Title: markdown.TypesetText(p.Lang, f.Title), Intro: intro, Lang: p.Lang, Unit: f.Unit}
	for _, d := range f.Data {
		c.Bars = append(c.Bars, chart.Bar{Label: d.Label, Value: d.Value})
	}
	return chart.SVG(c), nil
}

// Number writes a figure's value as the chart does: 1,250.5.
func (p *Page) Number(v float64) string { return chart.Format(v) }

// Amount writes a value of a figure with the figure's unit, as the chart
// does in the page's language: $7.99 billion, 79억9000만 달러.
func (p *Page) Amount(f content.Figure, v float64) string { return chart.Amount(p.Lang, f.Unit, v) }

// footnotesStart is where goldmark begins the footnotes of a body.
const footnotesStart = `<div class="footnotes"`

// Prose is the body without its footnotes, so the figures can go between.
func (p *Page) Prose() template.HTML {
	if i := strings.Index(string(p.Body), footnotesStart); i >= 0 {
		return p.Body[:i]
	}
	return p.Body
}

// Footnotes are the footnotes of the page's body, or nothing.
func (p *Page) Footnotes() template.HTML {
	if i := strings.Index(string(p.Body), footnotesStart); i >= 0 {
		return p.Body[i:]
	}
	return ""
}

// DatePlaceholder marks where a date goes in a strings.yaml text that
// Dated fills ("as of {date}").
const DatePlaceholder = "{date}"

// Dated returns the string key with its DatePlaceholder replaced by a
// <time> of iso (YYYY-MM-DD), written in strings.yaml's date_layout, a Go
// time layout ("2 January 2006", "2006년 1월 2일"); the rest escaped.
func (p *Page) Dated(key, iso string) (template.HTML, error) {
	text, err := p.T(key)
	if err != nil {
		return "", err
	}
	before, after, ok := strings.Cut(text, DatePlaceholder)
	if !ok {
		return "", fmt.Errorf("string %q in strings.yaml has no %s for the date", key, DatePlaceholder)
	}
	layout, err := p.T("date_layout")
	if err != nil {
		return "", err
	}
	d, err := time.Parse(time.DateOnly, iso)
	if err != nil {
		return "", fmt.Errorf("date %q is not YYYY-MM-DD", iso)
	}
	// iso parsed, so it is digits and hyphens: nothing to escape.
	return template.HTML(template.HTMLEscapeString(before) +
		`<time datetime="` + iso + `">` + template.HTMLEscapeString(d.Format(layout)) + `</time>` +
		template.HTMLEscapeString(after)), nil
}
