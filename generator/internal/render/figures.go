package render

import (
	"html/template"
	"strings"

	"explainer/generator/internal/chart"
	"explainer/generator/internal/content"
)

// Chart draws a front matter figure as an inline SVG bar chart, described
// for screen readers in the page's language (see package chart).
func (p *Page) Chart(f content.Figure) (template.HTML, error) {
	intro, err := p.T("chart_intro")
	if err != nil {
		return "", err
	}
	c := chart.Chart{ID: f.ID + "-chart", Title: f.Title, Intro: intro, Lang: p.Lang, Unit: f.Unit}
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

// Prose is the page's body without its footnotes, so a template can show
// the figures between the text and the notes.
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
