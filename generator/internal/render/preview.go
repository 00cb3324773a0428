package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"path"
	"strings"
	"sync"

	"explainer/generator/internal/site"
)

// Preview is a site whose files are made when they are asked for: the
// editors' preview (package serve) renders the one page a browser asks for,
// so a save costs the reload of one file, not the rendering of every page.
// Each page is made exactly as Render makes it, but for the address of
// its search index, which has no hash in its name (the preview's files are
// never cached) so that no page waits for the index.
//
// A Preview is safe for concurrent use.
type Preview struct {
	site   *site.Site
	theme  *Theme
	pages  map[string]*Page // by file name
	list   []*Page
	search func() *Search

	once  sync.Once
	files map[string][]byte // everything but the pages, made on first need
	err   error
}

// NewPreview returns the preview of s with the theme t. search returns
// what the search index needs; it is called, once, only if an index or
// another file that is not a page is asked for.
func NewPreview(s *site.Site, t *Theme, search func() *Search) *Preview {
	t = t.forSite()
	v := &Preview{site: s, theme: t, pages: make(map[string]*Page), search: search}
	v.list = Pages(s, t)
	for _, p := range v.list {
		p.SearchIndex = s.URL(PreviewIndex(p.Lang))
		v.pages[outName(p.Path)] = p
	}
	return v
}

// PreviewIndex is the address, below the base URL, of a preview's search
// index of language lang.
func PreviewIndex(lang string) string { return "assets/search." + lang + ".json" }

// forSite returns t with empty caches of cards and shared parts, for
// another site.
func (t *Theme) forSite() *Theme {
	return &Theme{dir: t.dir, tmpl: t.tmpl, files: t.files, defined: t.defined, strings: t.strings, Assets: t.Assets, Files: t.Files}
}

// File returns the file name (slash-separated, below the base URL, as
// Render writes it) and whether there is one. A folder's name gives its
// index.html, with isDir set.
func (v *Preview) File(name string) (data []byte, isDir, ok bool, err error) {
	name = strings.TrimSuffix(name, "/")
	if name == "." {
		name = ""
	}
	if p := v.pages[name]; p != nil && strings.HasSuffix(name, ".html") {
		data, err := v.render(p)
		return data, false, true, err
	}
	if p := v.pages[path.Join(name, "index.html")]; p != nil {
		data, err := v.render(p)
		return data, true, true, err
	}
	v.once.Do(v.makeFiles)
	if v.err != nil {
		return nil, false, false, v.err
	}
	data, ok = v.files[name]
	return data, false, ok, nil
}

// render makes one page, as writePage does, without changing the shared
// Page.
func (v *Preview) render(p *Page) ([]byte, error) {
	q := *p
	if q.Entry != nil {
		b, err := q.Entry.Body()
		if err != nil {
			return nil, err
		}
		q.Body = template.HTML(b)
	}
	return v.theme.execute(&q)
}

// Check renders the pages of the entries named, or every page if names is
// nil, and returns their problems: the preview shows what a build would
// report, without writing anything.
func (v *Preview) Check(names map[string]bool) error {
	var todo []*Page
	for _, p := range v.list {
		if names == nil || p.Entry != nil && names[p.Entry.Name] {
			todo = append(todo, p)
		}
	}
	return joinProblems(onAllCores(len(todo), func(i int) error {
		_, err := v.render(todo[i])
		return err
	}))
}

// makeFiles makes every file that is not a page: the theme's, the search
// indexes, and the extras.
func (v *Preview) makeFiles() {
	m := memWriter{}
	for name, data := range v.theme.Files {
		m["assets/"+name] = data
	}
	x := v.search()
	for _, l := range v.site.Langs {
		var b bytes.Buffer
		if err := x.writeJSON(v.site, l, &b); err != nil {
			v.err = err
			return
		}
		m[PreviewIndex(l)] = b.Bytes()
	}
	if err := writeExtras(v.site, v.list, m); err != nil {
		v.err = err
		return
	}
	v.files = m
}

// memWriter keeps the files written to it.
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
