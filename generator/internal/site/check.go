package site

import (
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"

	"explainer/generator/internal/content"
	"explainer/generator/internal/diag"
)

// checkDocs checks what front matter says about other files: that every
// translation exists, sectors and related slugs name something, and page
// slugs leave the generator's own addresses alone.
func (s *Site) checkDocs(entries []*Entry, errs *diag.List) {
	barriers := make(map[string]bool)
	for _, e := range entries {
		if e.Kind == content.Barrier {
			barriers[e.Slug] = true
		}
	}
	for name := range s.broken {
		if dir, base := path.Split(name); dir == content.Barrier.Dir()+"/" {
			barriers[strings.SplitN(base, ".", 2)[0]] = true
		}
	}
	var slugs []string // sorted, for suggestions; made on first need
	for _, e := range entries {
		m := &e.Meta
		for _, l := range s.Langs {
			if e.Translations[l] == nil && !s.broken[path.Join(path.Dir(e.Name), e.Slug+"."+l+".md")] {
				missing := path.Join(path.Dir(e.Path()), e.Slug+"."+l+".md")
				if other := elsewhere(entries, e, l); other != nil {
					errs.Addf(m.Start, "missing translation: %s does not exist; %s has the same name in another folder: if it is the translation of this file, put the two in the same folder", missing, other.Path())
					continue
				}
				errs.Addf(m.Start, "missing translation: %s does not exist; every page needs a version in each language (%s)", missing, strings.Join(s.Langs, ", "))
			}
		}
		if e.Kind == content.Page && slices.Contains(Reserved, e.Slug) {
			errs.Addf(m.Start, "page slug %q is taken by the site's own %s/ pages; rename the file", e.Slug, e.Slug)
		}
		if e.Kind != content.Barrier {
			continue
		}
		if m.Sector != "" && s.Config.Sector(m.Sector) == nil {
			ids := s.Config.SectorIDs()
			if near := content.Closest(m.Sector, ids); near != "" {
				errs.Addf(m.SectorPos, "unknown sector %q; did you mean %q? (sectors are listed in site.yaml)", m.Sector, near)
			} else {
				errs.Addf(m.SectorPos, "unknown sector %q; sectors are: %s", m.Sector, strings.Join(ids, ", "))
			}
		}
		seen := make(map[string]bool)
		for _, r := range m.Related {
			switch {
			case r.Slug == e.Slug:
				errs.Addf(r.Pos, "related names this barrier itself")
			case seen[r.Slug]:
				errs.Addf(r.Pos, "related names %q twice", r.Slug)
			case !barriers[r.Slug]:
				if slugs == nil {
					slugs = slices.Sorted(maps.Keys(barriers))
				}
				errs.Add(unknownSlug(r.Pos, "related", r.Slug, slugs))
			}
			seen[r.Slug] = true
		}
		checkFigureIDs(m, errs)
		s.checkFirstListed(e, errs)
		checkPlaceholders(e, errs)
		if src := e.Translations[s.Config.Default()]; src != nil && src != e {
			checkStatusAgrees(e, src, errs)
			s.checkAgrees(e, src, barriers, errs)
		}
	}
}

// checkStatusAgrees reports a translation e whose status or status_date
// differs from its source's, at e's key, naming the source's value: what
// has become of a barrier is a fact, the same in every language. A value
// the source gives wrongly is reported there, not again here.
func checkStatusAgrees(e, src *Entry, errs *diag.List) {
	m, o := &e.Meta, &src.Meta
	hasStatus, hasDate := m.StatusPos != (diag.Pos{}), m.StatusDatePos != (diag.Pos{})
	srcStatus, srcDate := o.StatusPos != (diag.Pos{}), o.StatusDatePos != (diag.Pos{})
	if !hasStatus && !hasDate {
		if o.Status != content.StatusNone && o.StatusDate != "" {
			errs.Addf(m.Start, "missing %q and %q: %s gives status %q as of %s; give both languages the same", "status", "status_date", src.Path(), o.Status, o.StatusDate)
		}
		return
	}
	switch {
	case m.Status == content.StatusNone || m.Status == o.Status:
	case !srcStatus:
		errs.Addf(m.StatusPos, "status is %q here, but %s has no status; give both languages the same", m.Status, src.Path())
	case o.Status != content.StatusNone:
		errs.Addf(m.StatusPos, "status is %q here, but %q in %s; give both languages the same", m.Status, o.Status, src.Path())
	}
	switch {
	case m.StatusDate == "" || m.StatusDate == o.StatusDate:
	case !srcDate:
		errs.Addf(m.StatusDatePos, "status_date is %s here, but %s has no status_date; give both languages the same", m.StatusDate, src.Path())
	case o.StatusDate != "":
		errs.Addf(m.StatusDatePos, "status_date is %s here, but %s in %s; give both languages the same", m.StatusDate, o.StatusDate, src.Path())
	}
}

// checkItems holds each language's published barrier entries to the
// number of the report's items site.yaml says the site covers, so that
// what the site claims is what it has. A barrier file that could not be
// loaded counts as there: its own problem is reported.
func (s *Site) checkItems(entries []*Entry, errs *diag.List) {
	want := s.Config.ReportItems
	if want == 0 {
		return
	}
	count := make(map[string]int)
	for _, e := range entries {
		if e.Kind == content.Barrier && !e.Meta.Draft {
			count[e.Lang]++
		}
	}
	for name := range s.broken {
		if dir, base := path.Split(name); dir == content.Barrier.Dir()+"/" {
			parts := strings.Split(base, ".")
			count[parts[len(parts)-2]]++
		}
	}
	var wrong []string
	for _, l := range s.Langs {
		if count[l] != want {
			wrong = append(wrong, fmt.Sprintf("%d in %s", count[l], l))
		}
	}
	if len(wrong) > 0 {
		errs.Addf(s.Config.ReportItemsPos, "%q says the site covers %d items of the report, but the published barrier entries (drafts do not count) are %s; publish one entry per item, or correct the number", "report_items", want, strings.Join(wrong, " and "))
	}
}

func checkFigureIDs(m *content.Meta, errs *diag.List) {
	seen := make(map[string]bool)
	for _, f := range m.Figures {
		if seen[f.ID] {
			errs.Addf(m.Start, "two figures have the id %q", f.ID)
		}
		seen[f.ID] = true
	}
}

func unknownSlug(pos diag.Pos, key, slug string, slugs []string) *diag.Error {
	if near := content.Closest(slug, slugs); near != "" {
		return diag.Errorf(pos, "%s names %q, which is not a barrier; did you mean %q?", key, slug, near)
	}
	return diag.Errorf(pos, "%s names %q, which is not a barrier (no file barriers/%s.<lang>.md)", key, slug, slug)
}

// checkLinks checks that every link names a page and an anchor that exist,
// in the linking page's language.
func (s *Site) checkLinks(entries []*Entry, byName map[string]*Entry, set *content.Set, errs *diag.List) {
	drafts := make(map[string]bool)
	for _, d := range set.Docs {
		if byName[d.Name] == nil {
			drafts[d.Name] = true
		}
	}
	for _, e := range entries {
		for _, l := range e.Links {
			if l.Name == "" {
				if l.Fragment != "" && !e.IDs.Has(l.Fragment) {
					errs.Add(missingAnchor(l.Pos, l.Written, "this page", l.Fragment, e.IDs))
				}
				continue
			}
			t := byName[l.Name]
			if t == nil {
				switch {
				case s.broken[l.Name]:
					// its own problems are reported
				case drafts[l.Name]:
					errs.Addf(l.Pos, "link to %q: that page is a draft and is not published", l.Written)
				case s.translationOf(l.Name, byName) != "":
					errs.Addf(l.Pos, "link to %q: there is no file %s yet; the page exists only as %s, so translate it or link to that file", l.Written, show(e, l.Name), s.translationOf(l.Name, byName))
				default:
					errs.Addf(l.Pos, "link to %q: there is no file %s%s", l.Written, show(e, l.Name), suggest(l.Name, e.Lang, byName))
				}
				continue
			}
			if t.Lang != e.Lang && !l.Neutral {
				if same := t.Translations[e.Lang]; same != nil {
					errs.Addf(l.Pos, "link to %q goes to the %s page; link to %s, the page in this page's language", l.Written, t.Lang, path.Base(same.Name))
					continue
				}
			}
			if l.Fragment != "" && !t.IDs.Has(l.Fragment) {
				errs.Add(missingAnchor(l.Pos, l.Written, show(e, t.Name), l.Fragment, t.IDs))
			}
		}
	}
}

// show is the path of the content file name as messages print it, in the
// same form as the path of e.
func show(e *Entry, name string) string {
	return strings.TrimSuffix(e.Path(), e.Name) + name
}

// suggest names the page in lang whose file name is nearest to name, as a
// hint for a misspelled link.
func suggest(name, lang string, byName map[string]*Entry) string {
	var names []string
	for n, e := range byName {
		if e.Lang == lang {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	if near := content.Closest(name, names); near != "" {
		return fmt.Sprintf("; did you mean %s?", path.Base(near))
	}
	return ""
}

func missingAnchor(pos diag.Pos, written, where, frag string, ids Anchors) *diag.Error {
	if near := content.Closest(frag, ids); near != "" {
		return diag.Errorf(pos, "link to %q: %s has no anchor #%s; did you mean #%s?", written, where, frag, near)
	}
	return diag.Errorf(pos, "link to %q: %s has no anchor #%s", written, where, frag)
}

// translationOf returns the name of a file in another language for the
// missing file name (x.ko.md for x.en.md), or "" if there is none.
func (s *Site) translationOf(name string, byName map[string]*Entry) string {
	stem := strings.TrimSuffix(name, ".md")
	i := strings.LastIndexByte(stem, '.')
	if i < 0 {
		return ""
	}
	for _, l := range s.Langs {
		if other := stem[:i] + "." + l + ".md"; byName[other] != nil {
			return path.Base(other)
		}
	}
	return ""
}

// elsewhere returns the document in language lang with e's slug in another
// folder: a translation saved in the wrong place.
func elsewhere(entries []*Entry, e *Entry, lang string) *Entry {
	for _, o := range entries {
		if o.Slug == e.Slug && o.Lang == lang && o.Kind != e.Kind {
			return o
		}
	}
	return nil
}
