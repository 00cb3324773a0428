package site

import (
	"cmp"
	"slices"
	"strings"

	"explainer/generator/internal/content"
)

// link fills in Related, Prev and Next. Related is the same in every
// language: the union, both ways, of what each translation declares and
// links to. Prev and Next follow the barrier index's order (ListOrder).
func (s *Site) link() {
	related := make(map[string]map[string]bool) // slug -> related slugs
	add := func(a, b string) {
		if a == b {
			return
		}
		for _, p := range [][2]string{{a, b}, {b, a}} {
			if related[p[0]] == nil {
				related[p[0]] = make(map[string]bool)
			}
			related[p[0]][p[1]] = true
		}
	}
	for _, l := range s.Langs {
		for _, e := range s.Barriers[l] {
			for _, r := range e.Meta.Related {
				add(e.Slug, r.Slug)
			}
			for _, k := range e.Links {
				if slug, ok := barrierSlug(k.Name); ok {
					add(e.Slug, slug)
				}
			}
		}
	}
	for _, l := range s.Langs {
		list := s.Barriers[l]
		bySlug := make(map[string]*Entry, len(list))
		for _, e := range list {
			bySlug[e.Slug] = e
		}
		for _, e := range list {
			e.Related = nil
			for slug := range related[e.Slug] {
				if t := bySlug[slug]; t != nil {
					e.Related = append(e.Related, t)
				}
			}
			slices.SortFunc(e.Related, byWeight)
		}
		ordered := s.ListOrder(list)
		for i, e := range ordered {
			e.Prev, e.Next = nil, nil
			if i > 0 {
				e.Prev = ordered[i-1]
			}
			if i+1 < len(ordered) {
				e.Next = ordered[i+1]
			}
		}
	}
}

// ListOrder returns the barriers of list (in reading order) in the order
// the barrier index shows them: by sector, in site.yaml's order of the
// sectors, and by weight within each. A barrier of a sector site.yaml
// does not list (an error the check reports) comes last.
func (s *Site) ListOrder(list []*Entry) []*Entry {
	rank := make(map[string]int, len(s.Config.Sectors))
	for i, sec := range s.Config.Sectors {
		rank[sec.ID] = i
	}
	sectorRank := func(e *Entry) int {
		if r, ok := rank[e.Meta.Sector]; ok {
			return r
		}
		return len(rank)
	}
	out := slices.Clone(list)
	slices.SortStableFunc(out, func(a, b *Entry) int { return cmp.Compare(sectorRank(a), sectorRank(b)) })
	return out
}

// barrierSlug returns the slug of a barrier's file name
// (barriers/<slug>.<lang>.md). A link to a file that is not a page fails
// the build (checkLinks), so the name needs no looking up here; a slug
// with no barrier in a language is left out of that language's lists.
func barrierSlug(name string) (string, bool) {
	rest, ok := strings.CutPrefix(name, content.Barrier.Dir()+"/")
	if !ok {
		return "", false
	}
	rest = strings.TrimSuffix(rest, ".md")
	i := strings.LastIndexByte(rest, '.')
	if i <= 0 {
		return "", false
	}
	return rest[:i], true
}
