package render

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"sync"
	"unsafe"

	"explainer/generator/internal/content"
	"explainer/generator/internal/search"
	"explainer/generator/internal/site"
)

// Search gathers the search index of every language while the site is
// built: its Add goes in site.Options.Text, so each body's text is indexed
// as it is converted and never kept (package search).
type Search struct {
	cfg *content.Config

	mu       sync.Mutex
	builders map[string]*search.Builder
	slots    map[*site.Entry]int
}

// NewSearch returns an empty Search for the site configured by cfg.
func NewSearch(cfg *content.Config) *Search {
	x := &Search{cfg: cfg, builders: make(map[string]*search.Builder), slots: make(map[*site.Entry]int)}
	for _, l := range cfg.Codes() {
		x.builders[l] = search.NewBuilder()
	}
	return x
}

// AddText is Add for text that its caller reuses once AddText returns, as
// site.Options.Text gives it: the index keeps nothing of the text (only
// the terms it finds, copied), so it is read where it is, not copied.
func (x *Search) AddText(e *site.Entry, text []byte) {
	x.Add(e, unsafe.String(unsafe.SliceData(text), len(text)))
}

// Add indexes the entry e, whose body's text is text. The home page is not
// indexed: every result would be on it.
func (x *Search) Add(e *site.Entry, text string) {
	b := x.builders[e.Lang]
	if e.Kind == content.Summary || b == nil {
		return
	}
	d := search.Doc{Title: e.Meta.Title, Summary: e.Meta.Summary, Section: x.section(e), Extra: e.Meta.Law, Text: text}
	slot := b.Add(d)
	x.mu.Lock()
	x.slots[e] = slot
	x.mu.Unlock()
}

// section is the name of a barrier's sector in its language, or "".
func (x *Search) section(e *site.Entry) string {
	if e.Kind != content.Barrier {
		return ""
	}
	if c := x.cfg.Sector(e.Meta.Sector); c != nil {
		return c.Name[e.Lang]
	}
	return ""
}

// writeSearchIndexes writes the search index of every language (its
// barriers, then its other pages, as found by x while s was built) to w,
// each named by its content: assets/search.en.0123456789.json. It returns
// the names, below assets/, by language. The index of a site of thousands
// of pages is tens of megabytes: it goes to w as it is made.
func writeSearchIndexes(s *site.Site, x *Search, w Writer) (map[string]string, error) {
	// One language per core: each index is written and hashed alone.
	names := make([]string, len(s.Langs))
	errs := onAllCores(len(s.Langs), func(i int) error {
		l := s.Langs[i]
		tmp := "assets/search." + l + ".json.partial"
		h := sha256.New()
		err := w.Stream(tmp, func(f io.Writer) error {
			return x.writeJSON(s, l, io.MultiWriter(f, h))
		})
		if err != nil {
			return err
		}
		names[i] = "search." + l + "." + hex.EncodeToString(h.Sum(nil)[:5]) + ".json"
		return w.Rename(tmp, "assets/"+names[i])
	})
	out := make(map[string]string)
	for i, l := range s.Langs {
		if errs[i] != nil {
			return nil, errs[i]
		}
		out[l] = names[i]
	}
	return out, nil
}

// writeJSON writes the search index of language l to w.
func (x *Search) writeJSON(s *site.Site, l string, w io.Writer) error {
	var results []search.Result
	var slots []int
	for _, list := range [][]*site.Entry{s.Barriers[l], s.Pages[l]} {
		for _, e := range list {
			results = append(results, search.Result{URL: s.URL(e.PagePath), Title: e.Meta.Title, Summary: e.Meta.Summary, Section: x.section(e)})
			slots = append(slots, x.slots[e])
		}
	}
	return x.builders[l].WriteJSON(w, results, slots)
}
