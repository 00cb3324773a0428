package site

import (
	"slices"
	"strings"

	"explainer/generator/internal/content"
)

// link fills in Related, Prev and Next. Related is the same set of slugs in
// every language: the union of what each translation declares and links to,
// in both directions, so the two language versions of a page agree.
//
// The preview runs it on every save, over every barrier, so it numbers the
// slugs once and works on slices of numbers rather than maps of maps.
func (s *Site) link() {
	num := make(map[string]int32) // slug -> its number
	var slugs []string
	numOf := func(slug string) int32 {
		n, ok := num[slug]
		if !ok {
			n = int32(len(slugs))
			num[slug] = n
			slugs = append(slugs, slug)
		}
		return n
	}
	type edge struct{ from, to int32 }
	var edges []edge
	add := func(a, b int32) {
		if a != b {
			edges = append(edges, edge{a, b}, edge{b, a})
		}
	}
	for _, l := range s.Langs {
		for _, e := range s.Barriers[l] {
			a := numOf(e.Slug)
			for _, r := range e.Meta.Related {
				add(a, numOf(r.Slug))
			}
			for _, k := range e.Links {
				if slug, ok := barrierSlug(k.Name); ok {
					add(a, numOf(slug))
				}
			}
		}
	}
	// The edges by their first slug: slug n's are next[start[n]:start[n+1]],
	// repeats included.
	start := make([]int, len(slugs)+1)
	for _, ed := range edges {
		start[ed.from+1]++
	}
	for i := range slugs {
		start[i+1] += start[i]
	}
	next := make([]int32, len(edges))
	fill := slices.Clone(start[:len(slugs)])
	for _, ed := range edges {
		next[fill[ed.from]] = ed.to
		fill[ed.from]++
	}
	seen := make([]int32, len(slugs)) // the slug number + 1 of the last entry that listed it
	bySlug := make([]*Entry, len(slugs))
	for _, l := range s.Langs {
		list := s.Barriers[l]
		clear(bySlug)
		clear(seen)
		for _, e := range list {
			bySlug[num[e.Slug]] = e
		}
		for i, e := range list {
			e.Related = e.Related[:0]
			n := num[e.Slug]
			for _, to := range next[start[n]:start[n+1]] {
				if t := bySlug[to]; t != nil && seen[to] != n+1 {
					seen[to] = n + 1
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
