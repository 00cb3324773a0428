package chart

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"
)

// Grid is an overview of many items at once: a row per group (a sector),
// a column per state (what has become of a barrier since the report), and
// in each cell a square per item, each a link to the item's page. The
// square's class says how the item is marked (new in the report year, or
// listed before); the legend says what each class means.
//
// The grid is drawn as SVG (see SVG) and given again as an HTML table of
// every item (see Table), for readers who cannot see the squares and for
// those who want the names. As with bar charts, widths are percentages
// and heights CSS pixels, so the grid fills the column from 320px up;
// colours come from the stylesheet (classes overview-*).
type Grid struct {
	// ID prefixes the ids of the title and description; unique in the page.
	ID    string
	Title string
	// Intro starts the description; a count per row and column follows.
	Intro   string
	Columns []Column
	Rows    []Row
	// Legend explains the classes of the marks, in order.
	Legend []LegendItem
	// Count words the number of marks in a cell for the description
	// ("Unchanged: 5"); nil writes "column n".
	Count func(column string, n int) string
	// Head names the table's columns: the item, its column and its note.
	Head [3]string
}

// Column is one state, with a short label for the drawing and the full
// one for the description and the table.
type Column struct {
	Short, Long string
}

// Row is one group of items, with the marks of each column.
type Row struct {
	Label string
	Cells [][]Mark // one per column
}

// Mark is one item.
type Mark struct {
	Label string // the item's title
	URL   string // its page
	Class string // how it is marked: a legend's Class
	Note  string // what the class says of this item ("New in the 2025 report")
}

// LegendItem says what the marks of one class mean.
type LegendItem struct {
	Class, Label string
}

// Layout of the grid, in CSS pixels (vertical and within a cell) and
// percent of the width (columns).
const (
	gridHeadBase   = 14 // baseline of the upper column labels
	gridHeadLine   = 14
	gridHeadHeight = 36
	gridLabelBase  = 18 // baseline of a row's label, from the row's top
	gridMarksTop   = 26
	gridMark       = 14
	gridStep       = 19 // a mark and the gap after it
	gridPerLine    = 3  // marks on one line of a cell: they fit 62px columns
	gridRowPad     = 10
)

// SVG draws the grid. A grid without rows is empty markup.
func (g Grid) SVG() template.HTML {
	if len(g.Rows) == 0 || len(g.Columns) == 0 {
		return ""
	}
	esc := template.HTMLEscapeString
	id := esc(g.ID)
	colPct := 100 / float64(len(g.Columns))
	var body strings.Builder
	// Every other column's label sits a line lower, so that each label has
	// two columns' width on a phone; a wide screen's stylesheet may lift
	// them (class overview-col-low).
	for j, c := range g.Columns {
		class, y := "overview-col", gridHeadBase
		if j%2 == 1 {
			class, y = "overview-col overview-col-low", gridHeadBase+gridHeadLine
		}
		fmt.Fprintf(&body, `<text class="%s" x="%s%%" y="%d">%s</text>`, class, pct(float64(j)*colPct), y, esc(c.Short))
	}
	top := gridHeadHeight
	for _, r := range g.Rows {
		lines := 1
		for _, cell := range r.Cells {
			lines = max(lines, (len(cell)+gridPerLine-1)/gridPerLine)
		}
		fmt.Fprintf(&body, `<line class="overview-rule" x1="0" x2="100%%" y1="%d" y2="%d"></line>`, top, top)
		fmt.Fprintf(&body, `<text class="overview-row" x="0" y="%d">%s</text>`, top+gridLabelBase, esc(r.Label))
		for j, cell := range r.Cells {
			writeCell(&body, cell, float64(j)*colPct, colPct, top+gridMarksTop, lines)
		}
		top += gridMarksTop + lines*gridStep + gridRowPad
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="overview-chart" xmlns="http://www.w3.org/2000/svg" width="100%%" height="%d" role="group" aria-labelledby="%s-title" aria-describedby="%s-desc">`, top, id, id)
	fmt.Fprintf(&b, `<title id="%s-title">%s</title>`, id, esc(g.Title))
	fmt.Fprintf(&b, `<desc id="%s-desc">%s</desc>`, id, esc(g.Describe()))
	b.WriteString(body.String())
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// writeCell draws the marks of one cell, each a link named by its item
// and note, in a nested SVG placed in percent, so that the marks inside
// can be placed in pixels. The links are left out of the Tab order
// (tabindex -1): a focused square shows no name to a sighted keyboard
// user, and the same links follow as the table and the cards; pointers
// and screen readers still follow them.
func writeCell(b *strings.Builder, cell []Mark, x, w float64, y, lines int) {
	if len(cell) == 0 {
		return
	}
	esc := template.HTMLEscapeString
	fmt.Fprintf(b, `<svg class="overview-cell" x="%s%%" y="%d" width="%s%%" height="%d">`, pct(x), y, pct(w), lines*gridStep)
	for i, m := range cell {
		name := m.Label
		if m.Note != "" {
			name += " (" + m.Note + ")"
		}
		mx, my := 2+(i%gridPerLine)*gridStep, 2+(i/gridPerLine)*gridStep
		fmt.Fprintf(b, `<a href="%s" aria-label="%s" tabindex="-1"><title>%s</title><rect class="overview-mark overview-%s" x="%d" y="%d" width="%d" height="%d" rx="2"></rect></a>`,
			esc(m.URL), esc(name), esc(name), esc(m.Class), mx, my, gridMark, gridMark)
	}
	b.WriteString(`</svg>`)
}

// Describe is the grid's text for screen readers: the intro, then for each
// row the count of items in each column that has any.
func (g Grid) Describe() string {
	count := g.Count
	if count == nil {
		count = func(c string, n int) string { return c + " " + strconv.Itoa(n) }
	}
	parts := []string{}
	if g.Intro != "" {
		parts = append(parts, g.Intro)
	}
	for _, r := range g.Rows {
		var cells []string
		for j, cell := range r.Cells {
			if len(cell) > 0 && j < len(g.Columns) {
				cells = append(cells, count(g.Columns[j].Long, len(cell)))
			}
		}
		parts = append(parts, r.Label+": "+strings.Join(cells, ", ")+".")
	}
	return strings.Join(parts, " ")
}

// Table is the grid's data as an HTML table: a group of rows per grid
// row, headed by its label, and a row per item with its link, its
// column's full label and its note. Three columns fit a 320px screen.
func (g Grid) Table() template.HTML {
	if len(g.Rows) == 0 {
		return ""
	}
	esc := template.HTMLEscapeString
	var b strings.Builder
	fmt.Fprintf(&b, "<table class=\"overview-table\">\n<caption>%s</caption>\n<thead><tr>", esc(g.Title))
	for _, h := range g.Head {
		fmt.Fprintf(&b, `<th scope="col">%s</th>`, esc(h))
	}
	b.WriteString("</tr></thead>\n")
	for _, r := range g.Rows {
		fmt.Fprintf(&b, "<tbody>\n<tr><th scope=\"rowgroup\" colspan=\"%d\">%s</th></tr>\n", len(g.Head), esc(r.Label))
		for j, cell := range r.Cells {
			for _, m := range cell {
				col := ""
				if j < len(g.Columns) {
					col = g.Columns[j].Long
				}
				fmt.Fprintf(&b, "<tr><th scope=\"row\"><a href=\"%s\">%s</a></th><td>%s</td><td>%s</td></tr>\n",
					esc(m.URL), esc(m.Label), esc(col), esc(m.Note))
			}
		}
		b.WriteString("</tbody>\n")
	}
	b.WriteString("</table>")
	return template.HTML(b.String())
}

// LegendHTML is the legend as a list: a square of each class, drawn as
// the grid draws it, and what it means. The squares are decoration; the
// words say it all.
func (g Grid) LegendHTML() template.HTML {
	if len(g.Legend) == 0 {
		return ""
	}
	esc := template.HTMLEscapeString
	var b strings.Builder
	b.WriteString(`<ul class="overview-legend">`)
	for _, l := range g.Legend {
		fmt.Fprintf(&b, `<li><svg class="overview-swatch" width="%d" height="%d" aria-hidden="true" focusable="false"><rect class="overview-mark overview-%s" x="1" y="1" width="%d" height="%d" rx="2"></rect></svg> %s</li>`,
			gridMark+2, gridMark+2, esc(l.Class), gridMark, gridMark, esc(l.Label))
	}
	b.WriteString(`</ul>`)
	return template.HTML(b.String())
}
