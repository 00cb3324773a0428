package search

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"strings"
	"sync"

	"explainer/generator/internal/content"
	"explainer/generator/internal/site"
)

// Site gathers the search index of every language of a site while the site
// is built: its Add goes in site.Options.Text, so each body's text is
// indexed as it is parsed. WriteFiles writes the indexes beside the
// pages.
type Site struct {
	cfg *content.Config
	syn Synonyms

	mu       sync.Mutex
	builders map[string]*Builder
	parts    map[*site.Entry][]part
	texts    map[string]*textStore // by language: each is read back by one goroutine
}

// part is what the index shows of a part of an entry (see Doc): where it
// is, and its text, which the texts keep.
type part struct {
	slot            int
	heading, anchor string
	text            stored
}

// NewSite returns an empty Site for the site configured by cfg, whose
// editors declared syn.
func NewSite(cfg *content.Config, syn Synonyms) *Site {
	x := &Site{cfg: cfg, syn: syn, builders: make(map[string]*Builder), parts: make(map[*site.Entry][]part), texts: make(map[string]*textStore)}
	for _, l := range cfg.Codes() {
		x.builders[l], x.texts[l] = NewBuilder(), new(textStore)
	}
	return x
}

// Add indexes the entry e, whose body's text is text, in parts: its lead,
// with its title, summary, law and sector, and each of its headings
// (e.Headings) with the text under it.
func (x *Site) Add(e *site.Entry, text string) {
	b := x.builders[e.Lang]
	if b == nil {
		return
	}
	var ps []part
	for i, sec := range split(text, e.Headings) {
		d := Doc{Heading: sec.heading, Text: sec.text}
		if i == 0 {
			d.Title, d.Summary, d.Section, d.Extra = e.Meta.Title, e.Meta.Summary, x.section(e), e.Meta.Law
		}
		t, err := x.texts[e.Lang].put(ResultOf(d).Text)
		if err != nil {
			t = stored{} // shown without a passage; the index is whole
		}
		ps = append(ps, part{slot: b.Add(d), heading: sec.heading, anchor: sec.anchor, text: t})
	}
	x.mu.Lock()
	x.parts[e] = ps
	x.mu.Unlock()
}

// section of a body: the text under a heading, or before the first.
type section struct{ heading, anchor, text string }

// split cuts a body's text at its headings, found in the text in order:
// the first part is the lead, before any heading. A heading not found (no
// heading's text is missing from the body's, but the two are made apart)
// leaves its text to the part before.
func split(text string, hs []site.Heading) []section {
	out := []section{{}}
	rest := text
	for _, h := range hs {
		i := strings.Index(rest, h.Text)
		if h.Text == "" || i < 0 {
			continue
		}
		out[len(out)-1].text = rest[:i]
		out = append(out, section{heading: h.Text, anchor: h.ID})
		rest = rest[i+len(h.Text):]
	}
	out[len(out)-1].text = rest
	return out
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

// WriteFiles writes the search index of every language, once: it lets go
// of the passages it kept. It writes (its barriers, then
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
	for _, t := range x.texts {
		t.close()
	}
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

// WriteJSON writes the search index of language l to w: the parts of its
// barriers, then of its other pages, then of its home page.
func (x *Site) WriteJSON(s *site.Site, l string, w io.Writer) error {
	type ref struct {
		e *site.Entry
		i int // the part's place in x.parts[e]
	}
	var refs []ref
	var slots []int
	lists := [][]*site.Entry{s.Barriers[l], s.Pages[l]}
	if h := s.Home[l]; h != nil {
		lists = append(lists, []*site.Entry{h})
	}
	for _, list := range lists {
		for _, e := range list {
			for i, p := range x.parts[e] {
				refs = append(refs, ref{e, i})
				slots = append(slots, p.slot)
			}
		}
	}
	b := x.builders[l]
	b.Synonyms = x.syn
	return b.WriteJSON(w, slots, func(n int) (Result, error) {
		e, i := refs[n].e, refs[n].i
		p := x.parts[e][i]
		r := Result{URL: s.URL(e.PagePath), Title: e.Meta.Title, Heading: p.heading}
		if i == 0 {
			r.Section = x.section(e)
		}
		if p.anchor != "" {
			r.URL += "#" + p.anchor
		}
		var err error
		r.Text, err = x.texts[l].get(p.text)
		return r, err
	})
}
