package chart

import (
	"fmt"
	"html/template"
	"regexp"
	"strconv"
	"strings"
)

// A timeline is drawn from a page's section headings when every one of
// them starts with a date and a colon, as the timeline page's do
// ("March 31, 2025: The 2025 report", "2025년 3월 31일: 2025년 보고서"):
// an ordered list by year, each year a dot on a vertical axis that the
// stylesheet draws (classes timeline-*), each event a link to its section.
// Where years are skipped (five or more) the axis is dashed, so that 1982
// and 2003 do not look like neighbours. The dates are the editors' own
// words; only the year is read from them, for the axis.

// Section is a heading of a page: its anchor and its text.
type Section struct {
	ID, Text string
}

// Event is a section read as a dated event.
type Event struct {
	ID    string
	Date  string // as written, "March 31, 2025"
	Title string // the rest of the heading
	Year  int    // the first year in the date
}

// Year is the events of one year, in the order of the page.
type Year struct {
	Year   int
	Events []Event
	// GapAfter is set when the next year on the timeline is five or more
	// years later.
	GapAfter bool
}

// minTimeline is the fewest dated sections that make a timeline.
const minTimeline = 3

var yearRE = regexp.MustCompile(`\b(1[89]|20)\d\d\b`)

// Events reads sections as events, or returns nil when any of them is not
// "<date with a year>: <title>" or there are fewer than three.
func Events(sections []Section) []Event {
	if len(sections) < minTimeline {
		return nil
	}
	events := make([]Event, 0, len(sections))
	for _, s := range sections {
		date, title, ok := strings.Cut(s.Text, ": ")
		y := yearRE.FindString(date)
		if !ok || y == "" || strings.TrimSpace(title) == "" {
			return nil
		}
		year, _ := strconv.Atoi(y)
		events = append(events, Event{ID: s.ID, Date: strings.TrimSpace(date), Title: strings.TrimSpace(title), Year: year})
	}
	return events
}

// Years groups events by year: consecutive events of the same year form
// one group.
func Years(events []Event) []Year {
	var out []Year
	for _, e := range events {
		if n := len(out); n > 0 && out[n-1].Year == e.Year {
			out[n-1].Events = append(out[n-1].Events, e)
			continue
		}
		out = append(out, Year{Year: e.Year, Events: []Event{e}})
	}
	for i := 0; i+1 < len(out); i++ {
		out[i].GapAfter = out[i+1].Year-out[i].Year >= 5
	}
	return out
}

// Timeline draws the events as an ordered list on an axis, each a link to
// its section. An event whose date is its year alone shows no date.
func Timeline(events []Event) template.HTML {
	years := Years(events)
	if len(years) == 0 {
		return ""
	}
	esc := template.HTMLEscapeString
	var b strings.Builder
	b.WriteString("<ol class=\"timeline\">\n")
	for _, y := range years {
		class := "timeline-year"
		if y.GapAfter {
			class += " timeline-gap"
		}
		fmt.Fprintf(&b, "<li class=\"%s\"><time class=\"timeline-year-label\" datetime=\"%d\">%d</time>\n<ol>\n", class, y.Year, y.Year)
		for _, e := range y.Events {
			date := ""
			if strings.Trim(e.Date, "년") != strconv.Itoa(e.Year) {
				date = `<span class="timeline-date">` + esc(e.Date) + `</span>`
			}
			fmt.Fprintf(&b, "<li>%s<a href=\"#%s\">%s</a></li>\n", date, esc(e.ID), esc(e.Title))
		}
		b.WriteString("</ol></li>\n")
	}
	b.WriteString("</ol>")
	return template.HTML(b.String())
}
