// Package build runs the whole pipeline: load the content and the theme,
// make the site model, render every page, and write the output folder in
// one atomic swap. The commands (build, check, serve) all go through Run.
package build

import (
	"errors"
	"os"

	"explainer/generator/internal/content"
	"explainer/generator/internal/diag"
	"explainer/generator/internal/markdown"
	"explainer/generator/internal/output"
	"explainer/generator/internal/render"
	"explainer/generator/internal/site"
)

// Options say what to build and where.
type Options struct {
	Content   string // the content folder
	Templates string // the theme folder
	Out       string // the output folder; "" with DryRun
	BaseURL   string // overrides site.yaml's base_url when not empty
	Drafts    bool   // publish drafts too
	// DryRun checks everything and renders every page, but writes nothing.
	DryRun bool
}

// Result describes a successful build.
type Result struct {
	// Site is the model of the site built; its bodies are gone
	// (site.Site.Close), and so are its links and anchors (site.Site.Trim).
	Site  *site.Site
	Pages int
	// Warnings are problems that did not fail the build, to show the
	// editor (raw HTML removed from a page, for example).
	Warnings []*diag.Error
}

// Run builds the site. On failure the error is a diag.Errors listing every
// problem found in content and templates (or another error if a file could
// not be written), and the output folder is left as it was.
func Run(opt Options) (*Result, error) {
	if opt.BaseURL != "" {
		u, msg := content.CheckBaseURL(opt.BaseURL)
		if msg != "" {
			return nil, errors.New(msg)
		}
		opt.BaseURL = u
	}
	set, err := content.LoadMeta(os.DirFS(opt.Content), opt.Content)
	if set == nil {
		return nil, err
	}
	var errs diag.List
	if err := errs.AddAll(err); err != nil {
		return nil, err
	}
	// The theme (templates, stylesheets, pictures drawn) is read while the
	// bodies are converted.
	var theme *render.Theme
	var themeErr error
	themeDone := make(chan struct{})
	go func() {
		defer close(themeDone)
		theme, themeErr = render.LoadTheme(os.DirFS(opt.Templates), opt.Templates, set.Config.Codes())
	}()
	// The cross-file checks run even when some files failed to load, so
	// that an editor sees every problem in one run; the documents that
	// could not be loaded count as present (content.Set.Broken), so
	// nothing is reported twice.
	index := render.NewSearch(set.Config)
	s, siteErr := site.Build(set, markdown.New(), site.Options{BaseURL: opt.BaseURL, Drafts: opt.Drafts, Text: index.AddText})
	<-themeDone
	for _, err := range []error{siteErr, themeErr} {
		if err := errs.AddAll(err); err != nil {
			return nil, err
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	defer s.Close() // Result.Site keeps the model, not the bodies
	s.Trim()

	var w render.Writer = render.Discard{}
	var dir *output.Dir
	if !opt.DryRun {
		dir, err = output.Begin(opt.Out, opt.Content, opt.Templates, ".")
		if err != nil {
			return nil, err
		}
		w = dir
	}
	pages, err := render.Render(s, theme, index, w)
	if err != nil {
		if dir != nil {
			dir.Abort()
		}
		return nil, err
	}
	if dir != nil {
		if err := dir.Commit(); err != nil {
			dir.Abort()
			return nil, err
		}
	}
	return &Result{Site: s, Pages: pages, Warnings: s.Warnings}, nil
}
