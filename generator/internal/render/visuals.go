package render

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"explainer/generator/internal/chart"
	"explainer/generator/internal/content"
)

// overviewStrings are the strings of strings.yaml the overview asks for,
// besides since_<status> and the status labels the cards use too.
var overviewStrings = []string{
	"overview_title", "overview_intro", "overview_count", "overview_barrier",
	"overview_listed_before", "overview_year_unknown", "overview_status_none",
	"since_label", "status_label", "status_new", "status_long",
}

// Overview is every barrier of the page's groups at a glance: a row per
// sector, a column per status (what has become of the barrier since the
// report; a column for barriers without one only when there are any),
// each barrier a square marked new in the report year, listed before, or
// of unknown year (see chart.Grid). A page without groups has none.
func (p *Page) Overview() (chart.Grid, error) {
	if len(p.Groups) == 0 {
		return chart.Grid{}, nil
	}
	s := map[string]string{}
	for _, k := range overviewStrings {
		v, err := p.T(k)
		if err != nil {
			return chart.Grid{}, err
		}
		s[k] = v
	}
	statuses, err := p.overviewColumns()
	if err != nil {
		return chart.Grid{}, err
	}
	year := p.Site.Config.ReportYear
	g := chart.Grid{
		ID: "overview", Title: s["overview_title"],
		Intro: strings.ReplaceAll(s["overview_intro"], "{year}", strconv.Itoa(year)),
		Count: func(c string, n int) string {
			return strings.NewReplacer("{status}", c, "{n}", strconv.Itoa(n)).Replace(s["overview_count"])
		},
		Head: [3]string{s["overview_barrier"], s["since_label"], s["status_label"]},
		Legend: []chart.LegendItem{
			{Class: "new", Label: fmt.Sprintf(s["status_new"], year)},
			{Class: "old", Label: strings.ReplaceAll(s["overview_listed_before"], "{year}", strconv.Itoa(year))},
			{Class: "unknown", Label: s["overview_year_unknown"]},
		},
	}
	for _, st := range statuses {
		g.Columns = append(g.Columns, st.col)
	}
	for _, gr := range p.Groups {
		row := chart.Row{Label: p.Text(gr.Sector.Name), Cells: make([][]chart.Mark, len(statuses))}
		for _, e := range gr.Barriers {
			m := chart.Mark{Label: e.Meta.Title, URL: p.URL(e.PagePath), Class: "unknown", Note: s["overview_year_unknown"]}
			switch p.Status(e) {
			case "new":
				m.Class, m.Note = "new", fmt.Sprintf(s["status_new"], year)
			case "long-standing":
				m.Class, m.Note = "old", fmt.Sprintf(s["status_long"], e.Meta.FirstListed)
			}
			for j, st := range statuses {
				if st.status == e.Meta.Status {
					row.Cells[j] = append(row.Cells[j], m)
				}
			}
		}
		g.Rows = append(g.Rows, row)
	}
	return g, nil
}

type overviewColumn struct {
	status content.Status
	col    chart.Column
}

// overviewColumns are the statuses in their order, with their labels: the
// short one of the drawing (overview_<status>) and the full one of the
// cards (since_<status>); then "not stated" when a barrier has no status.
func (p *Page) overviewColumns() ([]overviewColumn, error) {
	var out []overviewColumn
	for i, name := range content.StatusNames() {
		short, err := p.T("overview_" + name)
		if err != nil {
			return nil, err
		}
		long, err := p.T("since_" + name)
		if err != nil {
			return nil, err
		}
		out = append(out, overviewColumn{content.Status(i + 1), chart.Column{Short: short, Long: long}})
	}
	for _, gr := range p.Groups {
		for _, e := range gr.Barriers {
			if e.Meta.Status == content.StatusNone {
				none, err := p.T("overview_status_none")
				if err != nil {
					return nil, err
				}
				return append(out, overviewColumn{content.StatusNone, chart.Column{Short: none, Long: none}}), nil
			}
		}
	}
	return out, nil
}

// Timeline draws the page's sections as a timeline when every section
// heading starts with a date (see chart.Events), and is empty otherwise:
// the timeline page has one, the glossary none.
func (p *Page) Timeline() template.HTML {
	var secs []chart.Section
	for _, h := range p.TOC() {
		secs = append(secs, chart.Section{ID: h.ID, Text: h.Text})
	}
	return chart.Timeline(chart.Events(secs))
}
