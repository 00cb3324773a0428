package render

import (
	"fmt"
	"html/template"
	"strings"
	"time"
)

// DatePlaceholder marks where a date goes in a strings.yaml text that
// Dated fills ("as of {date}").
const DatePlaceholder = "{date}"

// Dated returns the strings.yaml text key in the page's language with its
// DatePlaceholder replaced by iso, a YYYY-MM-DD date from the content, in
// a <time> element: the date as the language writes it, and iso for
// machines. How a language writes a date is strings.yaml's date_layout,
// a Go time layout ("2 January 2006", "2006년 1월 2일"). The result is
// HTML, the text around the date escaped.
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
