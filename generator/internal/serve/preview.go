package serve

import (
	"bytes"
	"fmt"
	"io"
	"path"
	"strings"
	"sync"

	"explainer/generator/internal/markdown"
	"explainer/generator/internal/render"
	"explainer/generator/internal/search"
	"explainer/generator/internal/site"
	"explainer/generator/internal/theme"
)

// Preview is a site whose files are made when they are asked for: the
// server renders the one page a browser asks for, so a save costs the
// reload of one file, not the rendering of every page. Each page is made
// exactly as build.Write makes it, but for the address of its search
// index, which has no hash in its name (the preview's files are
// never cached) so that no page waits for the index.
//
// A Preview is safe for concurrent use.
type Preview struct {
	site   *site.Site
	theme  *theme.Theme
	pages  map[string]*render.Page // by file name
	list   []*render.Page
	search func() *search.Site

	once  sync.Once
	files map[string][]byte // everything but the pages, made on first need
	// lazy makes the files that are made only when asked for: the
	// link-preview pictures, which no preview page loads itself.
	lazy map[string]func() ([]byte, error)
	err  error
}

// NewPreview returns the preview of s with the theme t, its bodies
// converted by md. search returns what the search index needs; it is
// called, once, only if an index or another file that is not a page is
// asked for.
func NewPreview(s *site.Site, t *theme.Theme, md *markdown.Converter, search func() *search.Site) *Preview {
	v := &Preview{site: s, theme: t, pages: make(map[string]*render.Page), search: search}
	v.list = render.Pages(s, t, md)
	for _, p := range v.list {
		p.SearchIndex = s.URL(PreviewIndex(p.Lang))
		v.pages[render.OutName(p.Path)] = p
	}
	return v
}

// PreviewIndex is the address, below the base URL, of a preview's search
// index of language lang.
func PreviewIndex(lang string) string { return "assets/search." + lang + ".json" }

// File returns the file name (slash-separated, below the base URL, as
// build.Write writes it) and whether there is one. A folder's name gives its
// index.html, with isDir set.
func (v *Preview) File(name string) (data []byte, isDir, ok bool, err error) {
	name = strings.TrimSuffix(name, "/")
	if name == "." {
		name = ""
	}
	if p := v.pages[name]; p != nil && strings.HasSuffix(name, ".html") {
		data, err := p.HTML()
		return data, false, true, err
	}
	if p := v.pages[path.Join(name, "index.html")]; p != nil {
		data, err := p.HTML()
		return data, true, true, err
	}
	v.once.Do(v.makeFiles)
	if v.err != nil {
		return nil, false, false, v.err
	}
	data, ok = v.files[name]
	if mk := v.lazy[name]; !ok && mk != nil {
		data, err = mk()
		return data, false, err == nil, err
	}
	return data, false, ok, nil
}

// Check renders the pages of the entries named, or every page if names is
// nil, and returns their problems: the preview shows what a build would
// report, without writing anything.
func (v *Preview) Check(names map[string]bool) error {
	var todo []*render.Page
	for _, p := range v.list {
		if names == nil || p.Entry != nil && names[p.Entry.Name] {
			todo = append(todo, p)
		}
	}
	return render.Check(todo)
}

// makeFiles makes every file that is not a page: the theme's, the search
// indexes, and the extras.
func (v *Preview) makeFiles() {
	m := memWriter{}
	lw := lazyWriter{m, map[string]func() ([]byte, error){}}
	x := v.search()
	for _, l := range v.site.Langs {
		var b bytes.Buffer
		if err := x.WriteJSON(v.site, l, &b); err != nil {
			v.err = err
			return
		}
		m[PreviewIndex(l)] = b.Bytes()
	}
	if err := render.Extras(v.site, v.theme, v.list, lw, ""); err != nil {
		v.err = err
		return
	}
	v.files, v.lazy = m, lw.lazy
}

// lazyWriter keeps the files written to it, and the makers of those
// handed to it to be made on request (render.LazyWriter).
type lazyWriter struct {
	memWriter
	lazy map[string]func() ([]byte, error)
}

func (w lazyWriter) WriteLazy(rel string, mk func() ([]byte, error)) error {
	w.lazy[rel] = mk
	return nil
}

// memWriter keeps the files written to it. Unlike the render.Writer that
// a build gets, it has no lock: makeFiles is its only user, and Extras
// writes to it from one goroutine (the pictures, the only files written
// from every core, go to WriteLazy instead).
type memWriter map[string][]byte

func (m memWriter) WriteFile(rel string, data []byte) error {
	m[rel] = bytes.Clone(data)
	return nil
}

func (m memWriter) Stream(rel string, write func(io.Writer) error) error {
	var b bytes.Buffer
	if err := write(&b); err != nil {
		return err
	}
	m[rel] = b.Bytes()
	return nil
}

func (m memWriter) Rename(from, to string) error {
	data, ok := m[from]
	if !ok {
		return fmt.Errorf("no file %s", from)
	}
	delete(m, from)
	m[to] = data
	return nil
}
