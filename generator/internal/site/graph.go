package site

import (
	"slices"

	"explainer/generator/internal/content"
)

// link fills in Related, Prev and Next. Related is the same set of slugs in
// every language: the union of what each translation declares and links to,
// in both directions, so the two language versions of a page agree.
func (s *Site) link() {
	rel := make(map[string]map[string]bool) // slug -> related slugs
	add := func(a, b string) {
		if a == b {
			return
		}
		for _, p := range [][2]string{{a, b}, {b, a}} {
			if rel[p[0]] == nil {
				rel[p[0]] = make(map[string]bool)
			}
			rel[p[0]][p[1]] = true
		}
	}
	for _, l := range s.Langs {
		for _, e := range s.Barriers[l] {
			for _, r := range e.Meta.Related {
				add(e.Slug, r.Slug)
			}
			for _, k := range e.Links {
				if t := s.byName[k.Name]; t != nil && t.Kind == content.Barrier {
					add(e.Slug, t.Slug)
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
		for i, e := range list {
			e.Related = e.Related[:0]
			for slug := range rel[e.Slug] {
				if t := bySlug[slug]; t != nil {
					e.Related = append(e.Related, t)
				}
			}
			slices.SortFunc(e.Related, byWeight)
			if i > 0 {
				e.Prev = list[i-1]
			}
			if i+1 < len(list) {
				e.Next = list[i+1]
			}
		}
	}
}
