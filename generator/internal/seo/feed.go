package seo

import (
	"cmp"
	"encoding/xml"
	"fmt"
	"slices"
	"time"
)

// Feed is an Atom feed of one language's barrier entries.
type Feed struct {
	Lang     string // the feed's language, for xml:lang
	Title    string
	Subtitle string
	URL      string // the feed's own, absolute
	Home     string // the page it accompanies
	Author   string
	Fallback string // the date of an entry without one
	Entries  []FeedEntry
}

// FeedEntry is one page in a feed.
type FeedEntry struct {
	Title    string
	URL      string // absolute; also the entry's permanent id
	Summary  string
	Content  string // the body's HTML; links resolve against URL (xml:base)
	Category string
	Updated  string // YYYY-MM-DD, or "" for the feed's Fallback
}

const atomNS = "http://www.w3.org/2005/Atom"

type atomFeed struct {
	XMLName  xml.Name    `xml:"feed"`
	NS       string      `xml:"xmlns,attr"`
	Lang     string      `xml:"xml:lang,attr"`
	ID       string      `xml:"id"`
	Title    string      `xml:"title"`
	Subtitle string      `xml:"subtitle,omitempty"`
	Updated  string      `xml:"updated"`
	Links    []atomLink  `xml:"link"`
	Author   atomAuthor  `xml:"author"`
	Entries  []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	ID       string        `xml:"id"`
	Title    string        `xml:"title"`
	Updated  string        `xml:"updated"`
	Link     atomLink      `xml:"link"`
	Category *atomCategory `xml:"category"`
	Summary  string        `xml:"summary,omitempty"`
	Content  *atomContent  `xml:"content"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

type atomContent struct {
	Type string `xml:"type,attr"`
	Base string `xml:"xml:base,attr"`
	Body string `xml:",chardata"`
}

// Atom returns the feed as Atom 1.0, newest entry first (ties in the order
// given), updated as its newest entry.
func Atom(f Feed) ([]byte, error) {
	fallback, err := stamp(f.Fallback)
	if err != nil {
		return nil, fmt.Errorf("feed %s: fallback date: %v", f.URL, err)
	}
	out := atomFeed{
		NS: atomNS, Lang: f.Lang, ID: f.URL, Title: f.Title, Subtitle: f.Subtitle,
		Updated: fallback,
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: f.URL},
			{Rel: "alternate", Type: "text/html", Href: f.Home},
		},
		Author: atomAuthor{Name: f.Author},
	}
	for _, e := range f.Entries {
		up := fallback
		if e.Updated != "" {
			if up, err = stamp(e.Updated); err != nil {
				return nil, fmt.Errorf("feed entry %s: %v", e.URL, err)
			}
		}
		ae := atomEntry{
			ID: e.URL, Title: e.Title, Updated: up, Summary: e.Summary,
			Link: atomLink{Rel: "alternate", Type: "text/html", Href: e.URL},
		}
		if e.Category != "" {
			ae.Category = &atomCategory{Term: e.Category}
		}
		if e.Content != "" {
			ae.Content = &atomContent{Type: "html", Base: e.URL, Body: e.Content}
		}
		out.Entries = append(out.Entries, ae)
	}
	// RFC 3339 stamps in UTC compare correctly as strings.
	slices.SortStableFunc(out.Entries, func(a, b atomEntry) int { return cmp.Compare(b.Updated, a.Updated) })
	if len(out.Entries) > 0 {
		out.Updated = out.Entries[0].Updated
	}
	return marshalXML(out)
}

// stamp turns a YYYY-MM-DD date into an Atom date-time at midnight UTC.
func stamp(date string) (string, error) {
	t, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return "", fmt.Errorf("%q is not a YYYY-MM-DD date", date)
	}
	return t.UTC().Format(time.RFC3339), nil
}
