package search

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"sync"

	"explainer/generator/internal/content"
	"explainer/generator/internal/site"
)

// Site gathers the search index of every language of a site while the site
// is built: its AddText goes in site.Options.Text, so each body's text is
// indexed as it is converted and never kept. WriteFiles writes the indexes
// beside the pages.
type Site struct {
	cfg *content.Config

	mu       sync.Mutex
	builders map[string]*Builder
	slots    map[*site.Entry]int
}

// NewSite returns an empty Site for the site configured by cfg.
func NewSite(cfg *content.Config) *Site {
	x := &Site{cfg: cfg, builders: make(map[string]*Builder), slots: make(map[*site.Entry]int)}
	for _, l := range cfg.Codes() {
		x.builders[l] = NewBuilder()
	}
	return x
}

// AddText is Add for text as site.Options.Text gives it, which its caller
// reuses once AddText returns.
func (x *Site) AddText(e *site.Entry, text []byte) { x.Add(e, string(text)) }

// Add indexes the entry e, whose body's text is text. The home page is not
// indexed: every result would be on it.
func (x *Site) Add(e *site.Entry, text string) {
	b := x.builders[e.Lang]
	if e.Kind == content.Summary || b == nil {
		return
	}
	d := Doc{Title: e.Meta.Title, Summary: e.Meta.Summary, Section: x.section(e), Extra: e.Meta.Law, Text: text}
	slot := b.Add(d)
	x.mu.Lock()
	x.slots[e] = slot
	x.mu.Unlock()
}

// section is the name of a barrier's sector in its language, or "".
func (x *Site) section(e *site.Entry) string {
	if e.Kind != content.Barrier {
		return ""
	}
	if c := x.cfg.Sector(e.Meta.Sector); c != nil {
		return c.Name[e.Lang]
	}
	return ""
}

// Files is where WriteFiles writes: the output of a build (a
// render.Writer).
type Files interface {
	// Stream writes the file rel with what write writes.
	Stream(rel string, write func(io.Writer) error) error
	// Rename renames a file written, within its folder.
	Rename(from, to string) error
}

// WriteFiles writes the search index of every language (its barriers, then
// its other pages, as found by x while s was built) to w, each named by its
// content: assets/search.en.0123456789.json. It returns the names, below
// assets/, by language. The index of a site of thousands of pages is tens
// of megabytes: it goes to w as it is made, one language per core.
func (x *Site) WriteFiles(s *site.Site, w Files) (map[string]string, error) {
	names := make([]string, len(s.Langs))
	errs := make([]error, len(s.Langs))
	var wg sync.WaitGroup
	for i, l := range s.Langs {
		wg.Go(func() { names[i], errs[i] = x.writeFile(s, l, w) })
	}
	wg.Wait()
	out := make(map[string]string)
	for i, l := range s.Langs {
		if errs[i] != nil {
			return nil, errs[i]
		}
		out[l] = names[i]
	}
	return out, nil
}

// writeFile writes the index of language l to w, hashed as it goes, and
// returns its name.
func (x *Site) writeFile(s *site.Site, l string, w Files) (string, error) {
	tmp := "assets/search." + l + ".json.partial"
	h := sha256.New()
	err := w.Stream(tmp, func(f io.Writer) error {
		return x.WriteJSON(s, l, io.MultiWriter(f, h))
	})
	if err != nil {
		return "", err
	}
	name := "search." + l + "." + hex.EncodeToString(h.Sum(nil)[:5]) + ".json"
	return name, w.Rename(tmp, "assets/"+name)
}

// WriteJSON writes the search index of language l to w.
func (x *Site) WriteJSON(s *site.Site, l string, w io.Writer) error {
	var results []Result
	var slots []int
	for _, list := range [][]*site.Entry{s.Barriers[l], s.Pages[l]} {
		for _, e := range list {
			results = append(results, Result{URL: s.URL(e.PagePath), Title: e.Meta.Title, Summary: e.Meta.Summary, Section: x.section(e)})
			slots = append(slots, x.slots[e])
		}
	}
	return x.builders[l].WriteJSON(w, results, slots)
}
