package seo

import (
	"explainer/generator/internal/markdown"
	"fmt"
	"slices"
	"strings"

	"explainer/generator/internal/site"
)

// Files written beside the pages, below the base URL.
const (
	SitemapPath = "sitemap.xml"
	RobotsPath  = "robots.txt"
	// NoJekyllPath keeps GitHub Pages from running Jekyll, which would
	// hide files whose names start with an underscore.
	NoJekyllPath = ".nojekyll"
)

// File is a file beside the pages, named below the base URL.
type File struct {
	Name string
	Data []byte
}

// Files are the sitemap of pages, robots.txt, .nojekyll and a feed per
// language of s; body makes an entry's HTML, for the feeds.
func Files(s *site.Site, pages []SitemapPage, body func(*site.Entry) (string, error)) ([]File, error) {
	sitemap, err := Sitemap(pages)
	if err != nil {
		return nil, err
	}
	files := []File{
		{SitemapPath, sitemap},
		{RobotsPath, Robots(s.AbsURL(SitemapPath))},
		{NoJekyllPath, nil},
	}
	for _, l := range s.Langs {
		f, err := feedOf(s, l, body)
		if err != nil {
			return nil, err
		}
		feed, err := Atom(f)
		if err != nil {
			return nil, err
		}
		files = append(files, File{FeedPath(l), feed})
	}
	return files, nil
}

// FeedPath is the address of language lang's feed below the base URL.
func FeedPath(lang string) string { return lang + "/feed.xml" }

// FeedSize is how many entries a feed carries, the most recently updated:
// a reader polls for changes, and a feed of thousands of bodies would cost
// as much as the pages.
const FeedSize = 50

// feedOf is the feed of language l's barriers.
func feedOf(s *site.Site, l string, body func(*site.Entry) (string, error)) (Feed, error) {
	cfg := s.Config
	f := Feed{
		Lang: l, Title: cfg.Title[l], Subtitle: cfg.Description[l],
		URL: s.AbsURL(FeedPath(l)), Home: s.AbsURL(l + "/"), Author: cfg.Title[l],
		Fallback: fmt.Sprintf("%04d-01-01", cfg.ReportYear),
	}
	entries := slices.Clone(s.Barriers[l])
	slices.SortStableFunc(entries, func(a, b *site.Entry) int { return strings.Compare(entryDate(b), entryDate(a)) })
	entries = entries[:min(len(entries), FeedSize)]
	for _, e := range entries {
		fe := FeedEntry{
			Title: e.Meta.Title, URL: s.AbsURL(e.PagePath), Summary: e.Meta.Summary,
			Updated: entryDate(e), // Content: from the body, below
		}
		if sec := cfg.Sector(e.Meta.Sector); sec != nil {
			fe.Category = sec.Name[l]
		}
		f.Entries = append(f.Entries, fe)
	}
	for i, e := range entries {
		html, err := body(e)
		if err != nil {
			return f, err
		}
		// A feed reader shows the body alone: no page, no permalink label.
		f.Entries[i].Content = markdown.WithoutHeadingLinks(html)
	}
	return f, nil
}

// entryDate is a barrier's updated date, or else its newest source's, or "".
func entryDate(e *site.Entry) string {
	if e.Meta.Updated != "" {
		return e.Meta.Updated
	}
	latest := ""
	for _, src := range e.Meta.Sources {
		latest = max(latest, src.Date)
	}
	return latest
}
