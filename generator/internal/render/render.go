package render

import (
	"fmt"
	"html/template"
	"io"
	"runtime"
	"sync"
	"unsafe"

	"explainer/generator/internal/diag"
	"explainer/generator/internal/site"
)

// Writer receives the files of the site. Render calls its methods from
// several goroutines at once.
type Writer interface {
	// WriteFile writes a file; data may be reused once it returns, so a
	// writer that keeps it keeps a copy.
	WriteFile(rel string, data []byte) error
	// Stream writes a file too large to hold in memory (the search
	// index of a large site) with what write writes.
	Stream(rel string, write func(io.Writer) error) error
	// Rename renames a file written, within its folder.
	Rename(from, to string) error
}

// Discard is a Writer that keeps nothing: a build that only checks, or a
// benchmark of the pages alone.
type Discard struct{}

func (Discard) WriteFile(string, []byte) error { return nil }

func (Discard) Stream(_ string, write func(io.Writer) error) error { return write(io.Discard) }

func (Discard) Rename(string, string) error { return nil }

// Render writes every page of s, and the theme's static files, to w, and
// returns how many pages it wrote; x is what was gathered for the search
// index while s was built. All template errors are returned together.
func Render(s *site.Site, t *Theme, x *Search, w Writer) (int, error) {
	pages := Pages(s, t)
	index, err := writeSearchIndexes(s, x, w)
	if err != nil {
		return 0, err
	}
	x = nil // the postings, which the pages do not need
	for _, p := range pages {
		p.SearchIndex = s.URL("assets/" + index[p.Lang])
	}
	// The theme's files, the feeds and the sitemap need none of the pages'
	// HTML: they are written while the pages are, on a core that would
	// otherwise wait for the last pages.
	others := make(chan error, 1)
	go func() {
		for name, data := range t.Files {
			if err := w.WriteFile("assets/"+name, data); err != nil {
				others <- err
				return
			}
		}
		others <- writeExtras(s, pages, w)
	}()
	errs := onAllCores(len(pages), func(i int) error { return writePage(t, pages[i], w) })
	othersErr := <-others
	if err := joinProblems(errs); err != nil {
		return 0, err
	}
	if othersErr != nil {
		return 0, othersErr
	}
	return len(pages), nil
}

// writePage makes and writes one page. A body beyond the site's memory
// budget is read back here (see site.Entry.Body), into a pooled buffer,
// which the template reads in place: Page.Body is a view of it, cleared
// when the page is written. The buffer is used again only after a page
// written without error: an error may quote the body.
func writePage(t *Theme, p *Page, w Writer) (err error) {
	if p.Entry != nil {
		body := bodyBuffers.Get().(*[]byte)
		var b []byte
		if b, err = p.Entry.AppendBody((*body)[:0]); err != nil {
			return err
		}
		p.Body = template.HTML(unsafe.String(unsafe.SliceData(b), len(b)))
		defer func() {
			p.Body = ""
			if err == nil && cap(b) <= maxPooled {
				*body = b
				bodyBuffers.Put(body)
			}
		}()
	}
	buf := pageBuffers.Get().(*pageBuffer)
	defer func() {
		if buf.html.Cap() <= maxPooled && cap(buf.marked) <= maxPooled {
			pageBuffers.Put(buf)
		}
	}()
	html, err := t.executeTo(buf, p)
	if err != nil {
		return err
	}
	return w.WriteFile(outName(p.Path), html)
}

// pageBuffers are the buffers pages are made in, reused once a page is
// written (its writer keeps nothing of it). Buffers grown past maxPooled
// by a long list page (the barrier index of a large site is megabytes) are
// left to the collector instead.
var pageBuffers = sync.Pool{New: func() any { return new(pageBuffer) }}

// bodyBuffers are the buffers bodies are read back into (see writePage).
var bodyBuffers = sync.Pool{New: func() any { return new([]byte) }}

const maxPooled = 256 << 10

// outName is the file a page's address is served from.
func outName(path string) string {
	if path == "" || path[len(path)-1] == '/' {
		return path + "index.html"
	}
	return path
}

// Pages lists every page of the site, in a fixed order.
func Pages(s *site.Site, t *Theme) []*Page {
	var pages []*Page
	add := func(p *Page) *Page {
		p.Site, p.theme = s, t
		pages = append(pages, p)
		return p
	}
	add(&Page{Kind: KindRoot, Lang: s.Config.Default(), Path: "", Title: s.Config.Title[s.Config.Default()]})
	add(&Page{Kind: KindNotFound, Lang: s.Config.Default(), Path: "404.html"})
	for _, l := range s.Langs {
		menu := s.Pages[l]
		groups := groups(s, l)
		alt := func(path func(lang string) string) []Alternate {
			var out []Alternate
			for _, lg := range s.Config.Languages {
				out = append(out, Alternate{Lang: lg.Code, Name: lg.Name, Locale: lg.Locale, Path: path(lg.Code)})
			}
			return out
		}
		entry := func(kind string, e *site.Entry) *Page {
			return add(&Page{
				Kind: kind, Lang: l, Title: e.Meta.Title, Description: e.Meta.Summary,
				Path: e.PagePath, Entry: e, Menu: menu,
				Alternates: alt(func(lang string) string { return e.Translations[lang].PagePath }),
			})
		}
		home := entry(KindHome, s.Home[l])
		home.Groups = groups
		home.Barriers = s.Barriers[l]

		p := add(&Page{
			Kind: KindBarriers, Lang: l, Path: l + "/barriers/", Menu: menu,
			Barriers: s.Barriers[l], Groups: groups,
			Alternates: alt(func(lang string) string { return lang + "/barriers/" }),
		})
		p.Title, _ = p.T("barriers_title")
		p.Description, _ = p.T("barriers_description")

		for _, e := range s.Barriers[l] {
			bp := entry(KindBarrier, e)
			bp.Sector = s.Config.Sector(e.Meta.Sector)
		}
		for _, g := range groups {
			p := add(&Page{
				Kind: KindSector, Lang: l, Path: l + "/sectors/" + g.Sector.ID + "/", Menu: menu,
				Title: g.Sector.Name[l], Sector: g.Sector, Barriers: g.Barriers,
				Alternates: alt(func(lang string) string { return lang + "/sectors/" + g.Sector.ID + "/" }),
			})
			if f, err := p.T("sector_description"); err == nil {
				p.Description = fmt.Sprintf(f, p.Title)
			}
		}
		for _, e := range s.Pages[l] {
			entry(KindPage, e)
		}
	}
	return pages
}

// groups returns the barriers of language l by sector.
func groups(s *site.Site, l string) []Group {
	var out []Group
	for i := range s.Config.Sectors {
		sec := &s.Config.Sectors[i]
		g := Group{Sector: sec}
		for _, e := range s.Barriers[l] {
			if e.Meta.Sector == sec.ID {
				g.Barriers = append(g.Barriers, e)
			}
		}
		if len(g.Barriers) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// joinProblems returns the problems of errs (template errors) together as
// a diag.Errors, or the first other error (the output could not be
// written), or nil.
func joinProblems(errs []error) error {
	var list diag.List
	for _, err := range errs {
		if err == nil {
			continue
		}
		es := diag.AsList(err)
		if es == nil {
			return err
		}
		for _, e := range es {
			list.Add(e)
		}
	}
	return list.Err()
}

// onAllCores calls f for 0 to n-1 on every core and returns what each
// call returned, in order.
func onAllCores(n int, f func(i int) error) []error {
	errs := make([]error, n)
	work := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range work {
				errs[i] = f(i)
			}
		})
	}
	for i := range n {
		work <- i
	}
	close(work)
	wg.Wait()
	return errs
}
