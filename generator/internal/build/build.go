// Package build is the pipeline every command runs, in one place:
//
//	load     content.LoadMetaCached: site.yaml and the front matter of every file
//	         theme.Load: the templates, strings.yaml and static files
//	model    site.Build: addresses, translations, bodies parsed, the link graph, the checks
//	render   render.Pages, the search index, render.WritePages and render.Extras:
//	         every page (its body converted to HTML) and every file of the site
//	write    an Output: where the files go
//
// Load runs the first two stages and Write the last two. The commands
// differ only in the Output and in what a run keeps for the next: build
// writes into an output.Dir swapped in when complete; check (DryRun)
// writes into render.Discard, every page still made; serve calls Load
// with a Reuse kept from run to run (only what changed is read again) and
// keeps the Model in memory, where serve.Preview makes a page on request
// with the same code as Render.
package build

import (
	"errors"
	"os"
	"strings"

	"explainer/generator/internal/content"
	"explainer/generator/internal/diag"
	"explainer/generator/internal/markdown"
	"explainer/generator/internal/output"
	"explainer/generator/internal/render"
	"explainer/generator/internal/search"
	"explainer/generator/internal/site"
	"explainer/generator/internal/theme"
)

// Options say what to build and where.
type Options struct {
	Content   string // the content folder
	Templates string // the theme folder
	Out       string // the output folder; "" with DryRun
	BaseURL   string // overrides site.yaml's base_url when not empty
	// Repository, if set, overrides site.yaml's repository (the "edit
	// this page" links).
	Repository *content.Repository
	Drafts     bool // publish drafts too
	// DryRun checks everything and renders every page, but writes nothing.
	DryRun bool
}

// Result describes a successful build.
type Result struct {
	Site     *site.Site // trimmed: no links or anchors
	Pages    int
	Warnings []*diag.Error // problems that did not fail the build
}

// Model is what the load and model stages make; Search is gathered while
// the bodies are parsed.
type Model struct {
	Set    *content.Set
	Site   *site.Site
	Theme  *theme.Theme
	Search *search.Site
	// Markdown converts the bodies for the pages, as the model parsed them.
	Markdown *markdown.Converter
	// Synonyms are the editors' (content/synonyms.yaml), for a search
	// index made later (the preview's).
	Synonyms search.Synonyms
}

// Reuse is what one Load keeps for the next, so that a rebuild reads and
// converts only what changed. The zero value is ready; not for concurrent use.
type Reuse struct {
	cache content.Cache
	md    *markdown.Converter
	last  *site.Site   // the last site built, whose parsed bodies a rebuild reuses
	theme *theme.Theme // nil when the templates must be read again
	langs string       // the languages the theme was read for
	// ThemeChanged: the templates folder changed, so Load reads it again.
	ThemeChanged bool
	// ThemeUnchecked is set when Load reads the theme: the preview, which
	// makes only the changed pages, makes every page once and clears it.
	ThemeUnchecked bool
}

// LoadOptions say what Load reads.
type LoadOptions struct {
	Content, Templates string              // the folders
	BaseURL            string              // overrides site.yaml's base_url when not empty
	Repository         *content.Repository // overrides site.yaml's repository
	Drafts             bool
	// Text, if set, receives every body's text for the caller's search
	// index (the preview's); otherwise Model.Search gathers it.
	Text func(e *site.Entry, text string)
	// Reuse, if set, is what the last Load kept; Load updates it.
	Reuse *Reuse
}

// Load runs the load and model stages. On failure the error is a
// diag.Errors of every problem in content and templates: the checks across
// files run even when some files failed to load.
func Load(opt LoadOptions) (*Model, error) {
	r := opt.Reuse
	if r == nil {
		r = new(Reuse)
	}
	if r.md == nil {
		r.md = markdown.New()
	}
	// Only the preview loads through a cache, which keeps every document's
	// text (content.Set.Source): a build reads a body again to make its page.
	var cache *content.Cache
	if opt.Reuse != nil {
		cache = &r.cache
	}
	set, err := content.LoadMetaCached(os.DirFS(opt.Content), opt.Content, cache)
	if set == nil {
		return nil, err
	}
	var errs diag.List
	if err := errs.AddAll(err); err != nil {
		return nil, err
	}
	if opt.Repository != nil {
		set.Config.Repository = opt.Repository
	}
	// The theme is read while the bodies are parsed.
	themeDone := make(chan error, 1)
	langs := strings.Join(set.Config.Codes(), " ")
	if r.theme == nil || r.ThemeChanged || langs != r.langs {
		r.theme, r.langs, r.ThemeChanged, r.ThemeUnchecked = nil, langs, false, true
		go func() {
			t, err := theme.Load(os.DirFS(opt.Templates), opt.Templates, set.Config.Codes())
			r.theme = t
			themeDone <- err
		}()
	} else {
		themeDone <- nil
	}
	syn, err := search.LoadSynonyms(os.DirFS(opt.Content), opt.Content)
	if err := errs.AddAll(err); err != nil {
		return nil, err
	}
	m := &Model{Set: set, Synonyms: syn, Markdown: r.md}
	text := opt.Text
	if text == nil {
		m.Search = search.NewSite(set.Config, syn)
		text = m.Search.Add
	}
	s, siteErr := site.Build(set, r.md, site.Options{BaseURL: opt.BaseURL, Drafts: opt.Drafts, Text: text, Reuse: r.last})
	for _, err := range []error{siteErr, <-themeDone} {
		if err := errs.AddAll(err); err != nil {
			return nil, err
		}
	}
	if s != nil && siteErr == nil {
		// The model was made, but the theme failed: its warnings are
		// shown with the theme's errors.
		for _, w := range s.Warnings {
			errs.Add(w)
		}
	}
	if s != nil && opt.Reuse != nil {
		r.last = s
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	m.Site, m.Theme = s, r.theme
	return m, nil
}

// Write runs the render and write stages into out and returns how many
// pages it wrote; all template errors are returned together. The pages
// name the search index, so it is written first, and m.Search then let
// go of: the pages do not need its postings. The theme's files, the
// pictures, the feeds and the sitemap need neither the index nor the
// pages: they are written meanwhile, on a core that would otherwise wait.
func Write(m *Model, out render.Writer) (int, error) {
	s := m.Site
	pages := render.Pages(s, m.Theme, m.Markdown)
	others := make(chan error, 1)
	go func() { others <- render.Extras(s, m.Theme, pages, out, render.CodeCSS) }()
	index, err := m.Search.WriteFiles(s, out)
	m.Search = nil
	if err == nil {
		for _, p := range pages {
			p.SearchIndex = s.URL("assets/" + index[p.Lang])
		}
		err = render.WritePages(pages, out)
	}
	if othersErr := <-others; err == nil {
		err = othersErr
	}
	if err != nil {
		return 0, err
	}
	return len(pages), nil
}

// Run builds the site (or, with DryRun, checks it). On failure the error is
// a diag.Errors (or another error if a file could not be written), and the
// output folder is left as it was.
func Run(opt Options) (*Result, error) {
	if opt.BaseURL != "" {
		u, msg := content.CheckBaseURL(opt.BaseURL)
		if msg != "" {
			return nil, errors.New(msg)
		}
		opt.BaseURL = u
	}
	m, err := Load(LoadOptions{Content: opt.Content, Templates: opt.Templates, BaseURL: opt.BaseURL, Repository: opt.Repository, Drafts: opt.Drafts})
	if err != nil {
		return nil, err
	}
	s := m.Site
	s.Trim()

	var out render.Writer = render.Discard{}
	var dir *output.Dir
	if !opt.DryRun {
		if dir, err = output.Begin(opt.Out, opt.Content, opt.Templates, "."); err != nil {
			return nil, err
		}
		out = dir
	}
	pages, err := Write(m, out)
	if err == nil && dir != nil {
		err = dir.Commit()
	}
	if err != nil {
		if dir != nil {
			dir.Abort()
		}
		return nil, withWarnings(err, s.Warnings)
	}
	return &Result{Site: s, Pages: pages, Warnings: s.Warnings}, nil
}

// withWarnings adds warnings to err when it lists problems (template
// errors), so that a failed build shows every warning with its errors.
func withWarnings(err error, warnings []*diag.Error) error {
	if len(warnings) == 0 || diag.AsList(err) == nil {
		return err
	}
	var l diag.List
	l.AddAll(err)
	for _, w := range warnings {
		l.Add(w)
	}
	return l.Err()
}
