package site

import (
	"bytes"
	"math"
	"slices"
	"strconv"
	"strings"

	"explainer/generator/internal/content"
	"explainer/generator/internal/diag"
	"explainer/generator/internal/scaffold"
)

// FirstReport is the year of the first National Trade Estimate report: it
// has been published every year since 1985, so first_listed is a year
// from FirstReport to report_year in site.yaml.
const FirstReport = 1985

// checkFirstListed reports a first_listed outside the years the report
// has existed, at the value.
func (s *Site) checkFirstListed(e *Entry, errs *diag.List) {
	m := &e.Meta
	y, last := m.FirstListed, s.Config.ReportYear
	if m.FirstListedPos == (diag.Pos{}) || last == 0 || y >= FirstReport && y <= last {
		return
	}
	errs.Addf(m.FirstListedPos, "first_listed is %d, but the report has come out once a year from %d to %d (report_year in site.yaml); give the year of the first report that named this barrier", y, FirstReport, last)
}

// agreeing are the front matter keys whose values are facts, the same in
// every language: only the words around them are translated.
var agreeing = []struct {
	key   string
	value func(m *content.Meta) string // as a message shows it
	// same, when not nil, compares the two; otherwise their values are
	// compared.
	same func(a, b *content.Meta) bool
}{
	{"sector", func(m *content.Meta) string { return strconv.Quote(m.Sector) }, nil},
	{"related", func(m *content.Meta) string {
		var slugs []string
		for _, r := range m.Related {
			slugs = append(slugs, r.Slug)
		}
		slices.Sort(slugs) // the order is the reader's, by weight
		return "[" + strings.Join(slugs, ", ") + "]"
	}, nil},
	{"figures", figureNumbers, sameFigures},
	{"weight", func(m *content.Meta) string { return strconv.Itoa(m.Weight) }, nil},
	{"first_listed", func(m *content.Meta) string { return strconv.Itoa(m.FirstListed) }, nil},
}

// figureNumbers shows the figures as two languages' must agree on: each
// figure's id and the values of its bars, in order.
func figureNumbers(m *content.Meta) string {
	var parts []string
	for _, f := range m.Figures {
		var vals []string
		for _, d := range f.Data {
			vals = append(vals, strconv.FormatFloat(d.Value, 'f', -1, 64))
		}
		parts = append(parts, f.ID+": "+strings.Join(vals, ", "))
	}
	return "[" + strings.Join(parts, "; ") + "]"
}

// sameFigures reports whether a and b have the same figures with the same
// numbers. A translation may give a figure in another unit (억 달러, a
// hundred million dollars, for USD billion): its values may be those of
// the source each times one power of ten.
func sameFigures(a, b *content.Meta) bool {
	if len(a.Figures) != len(b.Figures) {
		return false
	}
	for i, f := range a.Figures {
		g := b.Figures[i]
		if f.ID != g.ID || len(f.Data) != len(g.Data) {
			return false
		}
		scale, known := 0.0, false // the power of ten between the two
		for j, d := range f.Data {
			x, y := d.Value, g.Data[j].Value
			if x == 0 || y == 0 {
				if x != y {
					return false
				}
				continue
			}
			r := math.Log10(x / y)
			k := math.Round(r)
			if math.Abs(r-k) > 1e-9 || known && k != scale {
				return false
			}
			scale, known = k, true
		}
	}
	return true
}

// checkAgrees reports a translation e whose sector, related, figures,
// weight or first_listed differs from its source's, at e's key, naming
// the source's value. A value the source gives wrongly is reported there,
// not again here; barriers are the slugs of the site's barriers.
func (s *Site) checkAgrees(e, src *Entry, barriers map[string]bool, errs *diag.List) {
	m, o := &e.Meta, &src.Meta
	for _, a := range agreeing {
		at, has, bad := m.KeyPos(a.key)
		_, srcHas, srcBad := o.KeyPos(a.key)
		if bad || srcBad || !s.valid(a.key, o, barriers) || !s.valid(a.key, m, barriers) {
			continue
		}
		mine, theirs := a.value(m), a.value(o)
		switch {
		case !has && !srcHas:
		case !has:
			errs.Addf(m.Start, "missing %q: %s gives %s; give both languages the same", a.key, src.Path(), theirs)
		case !srcHas:
			errs.Addf(at, "%s is %s here, but %s has no %s; give both languages the same", a.key, mine, src.Path(), a.key)
		case a.same != nil && a.same(m, o), a.same == nil && mine == theirs:
		default:
			errs.Addf(at, "%s is %s here, but %s in %s; give both languages the same", a.key, mine, theirs, src.Path())
		}
	}
}

// valid reports whether the value of key in m passes the checks of one
// file: a wrong one is reported at its own place.
func (s *Site) valid(key string, m *content.Meta, barriers map[string]bool) bool {
	switch key {
	case "sector":
		return s.Config.Sector(m.Sector) != nil
	case "related":
		return !slices.ContainsFunc(m.Related, func(r content.Ref) bool { return !barriers[r.Slug] })
	case "first_listed":
		return m.FirstListed >= FirstReport && m.FirstListed <= s.Config.ReportYear
	}
	return true
}

// placeholders are the texts "generator new" writes for the editor to
// replace.
var placeholders = scaffold.Placeholders()

// checkPlaceholders reports the title or summary that "generator new"
// wrote for the editor to replace, left in a published entry.
func checkPlaceholders(e *Entry, errs *diag.List) {
	if e.Meta.Draft {
		return
	}
	for key, v := range map[string]string{"title": e.Meta.Title, "summary": e.Meta.Summary} {
		if slices.Contains(placeholders, v) {
			at, _, _ := e.Meta.KeyPos(key)
			errs.Add(placeholder(at, v))
		}
	}
}

func placeholder(at diag.Pos, text string) *diag.Error {
	return diag.Errorf(at, "%q is the new entry's placeholder text: write the entry's own, or keep it a draft (draft: true) until it is ready", text)
}

// bodyProblems checks the text of e's body, src, whose positions lines
// gives: the placeholder text of a new entry left in a published one, and
// a Korean page with a paragraph that is not Korean.
func bodyProblems(e *Entry, src []byte, lines *diag.Lines) []*diag.Error {
	var out []*diag.Error
	if !e.Meta.Draft {
		for _, p := range placeholders {
			if i := bytes.Index(src, []byte(p)); i >= 0 {
				out = append(out, placeholder(lines.Pos(i), p))
			}
		}
	}
	if e.Lang == "ko" {
		if off, ok := notKorean(src); ok {
			out = append(out, diag.Errorf(lines.Pos(off), "this paragraph has no Korean in it, but this file is the Korean page: translate it (English names and titles inside Korean sentences are fine)"))
		}
	}
	return out
}
