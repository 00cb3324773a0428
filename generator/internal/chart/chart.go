// Package chart draws the site's visuals at build time, so that no
// charting code runs in the browser: bar charts of front matter figures
// (this file), with values read as each language writes amounts
// (units.go: $7.99 billion, 79억9000만 달러); the overview of every
// barrier by sector and status, as SVG and as a table (overview.go); and
// a dated page's sections as a timeline (timeline.go).
//
// A chart is horizontal bars, one row per datum: the label above its bar
// on the left, the value with its unit on the same line at the right, read
// as the page's language reads amounts (see Amount). Widths are percentages of the SVG's own width
// and the SVG has no viewBox, so the bars stretch with the column while the
// text keeps the page's font size: the same markup reads on a 320px phone
// and on a wide screen. Colours and fonts come from the stylesheet (classes
// chart, chart-label, chart-bar, chart-value, chart-axis), never from style
// attributes, so a strict Content-Security-Policy holds and dark mode works.
//
// The SVG has role="img" with a <title> and a <desc> that reads out every
// value, for screen readers; pages show the same data as a table too.
// Every text is escaped: labels come from editors' front matter.
package chart

import (
	"fmt"
	"html/template"
	"math"
	"strconv"
	"strings"
)

// Bar is one row of a chart.
type Bar struct {
	Label string
	Value float64
}

// Chart is what to draw.
type Chart struct {
	// ID prefixes the ids of the title and description; it must be unique
	// in the page.
	ID    string
	Title string
	// Intro starts the description ("Bar chart."); the values follow it.
	Intro string
	// Lang is the language the values are written in ("en", "ko").
	Lang string
	// Unit is the figure's unit, scale included ("USD billion").
	Unit string
	Bars []Bar
}

// Layout, in CSS pixels (vertical) and percent of the width (horizontal).
const (
	rowHeight = 48
	labelBase = 15 // baseline of the label and the value, from the row's top
	barTop    = 21
	barHeight = 20
	maxBarPct = 100.0
)

// SVG returns the chart as inline SVG markup. A chart without bars is
// empty markup.
func SVG(c Chart) template.HTML {
	if len(c.Bars) == 0 {
		return ""
	}
	lo, hi := 0.0, 0.0
	for _, b := range c.Bars {
		lo, hi = math.Min(lo, b.Value), math.Max(hi, b.Value)
	}
	scale := 0.0
	if hi > lo {
		scale = maxBarPct / (hi - lo)
	}
	zero := -lo * scale
	esc := template.HTMLEscapeString
	id := esc(c.ID)

	var b strings.Builder
	height := len(c.Bars) * rowHeight
	fmt.Fprintf(&b, `<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="100%%" height="%d" role="img" aria-labelledby="%s-title %s-desc">`, height, id, id)
	fmt.Fprintf(&b, `<title id="%s-title">%s</title>`, id, esc(c.Title))
	fmt.Fprintf(&b, `<desc id="%s-desc">%s</desc>`, id, esc(Describe(c)))
	for i, bar := range c.Bars {
		top := i * rowHeight
		x := zero + math.Min(bar.Value, 0)*scale
		w := math.Abs(bar.Value) * scale
		fmt.Fprintf(&b, `<text class="chart-label" x="0" y="%d">%s</text>`, top+labelBase, esc(bar.Label))
		fmt.Fprintf(&b, `<rect class="chart-bar" x="%s%%" y="%d" width="%s%%" height="%d" rx="2"></rect>`, pct(x), top+barTop, pct(w), barHeight)
		fmt.Fprintf(&b, `<text class="chart-value" x="100%%" y="%d" text-anchor="end">%s</text>`, top+labelBase, esc(Amount(c.Lang, c.Unit, bar.Value)))
	}
	if lo < 0 {
		fmt.Fprintf(&b, `<line class="chart-axis" x1="%s%%" x2="%s%%" y1="0" y2="%d"></line>`, pct(zero), pct(zero), height)
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// Describe is the chart's text for screen readers: the intro, then each
// label with its value and unit.
func Describe(c Chart) string {
	parts := make([]string, len(c.Bars))
	for i, bar := range c.Bars {
		parts[i] = bar.Label + ": " + Amount(c.Lang, c.Unit, bar.Value)
	}
	d := strings.Join(parts, "; ") + "."
	if c.Intro != "" {
		d = c.Intro + " " + d
	}
	return d
}

// pct formats a percentage with two decimals at most.
func pct(v float64) string {
	return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
}

// Format writes a value as people read it: thousands grouped with commas
// (as in English and Korean), no trailing zeros (7.99, 0.8, 1,250).
func Format(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	sign := ""
	if s[0] == '-' {
		sign, s = "-", s[1:]
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	var g strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			g.WriteByte(',')
		}
		g.WriteRune(r)
	}
	if hasFrac {
		return sign + g.String() + "." + frac
	}
	return sign + g.String()
}
