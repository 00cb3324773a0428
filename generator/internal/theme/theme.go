// Package theme loads a theme folder: its templates, strings.yaml and
// static files. Package render makes the pages with it.
//
// A theme folder holds:
//
//	layout.html     the frame of every page, which calls the "main"
//	                template of the page's own file
//	partials.html   the templates the layout and the pages share
//	home.html, barrier.html, barriers.html, sector.html, page.html
//	                one per kind of page, each defining "main"
//	root.html       the site root, which sends a reader to a language
//	404.html        the page GitHub Pages shows for a missing address
//	strings.yaml    every reader-visible string of the templates, in every
//	                language
//	static/         CSS, JavaScript and icons, copied to assets/ with the
//	                hash of their content in their names
//	fonts/          the font of the link-preview pictures, with its
//	                licence (never published)
//
// Besides the files of static/, the assets gain PNG pictures drawn in
// style.css's colours (images.go): social.png, favicon.png and
// apple-touch-icon.png. With fonts/title-gothic-bold.ttf, package render
// draws each page a link-preview picture of its own, with its title, and
// social.png is left out.
//
// A string that a template asks for by a quoted key (.T "key", .In .Lang
// "key"), or that the generator uses itself, and that strings.yaml does
// not have is an error when the theme is loaded, at the key, even in a part
// of a template that no page shows (stringkeys.go). Every template error,
// when parsed or executed, is reported at its file, line and column
// (tmplerr.go).
package theme

import (
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"

	"explainer/generator/internal/content"
	"explainer/generator/internal/diag"
	"explainer/generator/internal/markdown"
	"explainer/generator/internal/seo"
)

// Kinds of page, each made with the template file of the same name.
const (
	KindHome     = "home"
	KindBarrier  = "barrier"
	KindBarriers = "barriers"
	KindSector   = "sector"
	KindPage     = "page"
	KindRoot     = "root"
	KindNotFound = "404"
)

var kinds = []string{KindHome, KindBarrier, KindBarriers, KindSector, KindPage, KindRoot, KindNotFound}

// Theme is a parsed theme folder.
type Theme struct {
	dir string // as the user named it, for messages
	// tmpl holds each kind's templates: a copy of the layout and the
	// partials, with the kind's own file parsed into it.
	tmpl map[string]*template.Template
	// files holds the text of each template file by name, for the
	// positions of errors.
	files map[string]*diag.Lines
	// defined maps each kind's template names to the files that define
	// them: html/template's errors name a template, and the template of
	// a failed escaping is gone.
	defined map[string]map[string]string
	strings map[string]content.Text
	// Assets maps a static file's name (style.css) to its hashed name
	// (style.0123456789.css); Files holds the content by hashed name.
	Assets map[string]string
	Files  map[string][]byte
	// Palette is the colours of style.css the pictures are drawn in, and
	// TitleFont the font of the pages' pictures, nil without one (see
	// images.go).
	Palette   seo.Palette
	TitleFont *seo.Font
}

// Load parses the theme folder fsys; dir is its path for messages.
// Every string a template or the generator asks for by name must be in
// strings.yaml: a missing one is an error here, at the key in the template
// (even in a part of a template that no page of the site shows), or at
// strings.yaml for one the generator asks for.
func Load(fsys fs.FS, dir string, langs []string) (*Theme, error) {
	var errs diag.List
	t := &Theme{
		dir:     strings.TrimSuffix(dir, "/"),
		tmpl:    make(map[string]*template.Template),
		files:   make(map[string]*diag.Lines),
		defined: make(map[string]map[string]string),
		Assets:  make(map[string]string),
		Files:   make(map[string][]byte),
	}
	src, err := fs.ReadFile(fsys, "strings.yaml")
	if err != nil {
		errs.Addf(diag.Pos{Path: t.show("strings.yaml")}, "cannot read the theme's strings: %v", err)
	} else if t.strings, err = content.ParseStrings(t.show("strings.yaml"), src, langs); err != nil {
		for _, e := range diag.AsList(err) {
			errs.Add(e)
		}
	}
	if !t.parseTemplates(fsys, &errs) {
		return nil, errs.Err()
	}
	if t.strings != nil {
		t.checkStrings(&errs)
	}
	if err := t.loadTitleFont(fsys); err != nil {
		errs.Addf(diag.Pos{Path: t.show(TitleFontName)}, "cannot read the font of the link-preview pictures: %v", err)
	}
	if err := t.loadStatic(fsys); err != nil {
		errs.Addf(diag.Pos{Path: t.show("static")}, "%v", err)
	} else if err := t.addGenerated(); err != nil {
		errs.Addf(diag.Pos{Path: t.show("static")}, "cannot draw the generated pictures: %v", err)
	}
	return t, errs.Err()
}

// parseTemplates parses the layout and the partials once, and gives each
// kind of page a copy with its own file parsed into it. It reports false
// if the layout or the partials cannot be read.
func (t *Theme) parseTemplates(fsys fs.FS, errs *diag.List) bool {
	read := func(name, what string) (string, bool) {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			errs.Addf(diag.Pos{Path: t.show(name)}, "cannot read %s: %v", what, err)
			return "", false
		}
		t.files[name] = diag.NewLines(t.show(name), b)
		return string(b), true
	}
	layout, okLayout := read("layout.html", "the theme's layout.html")
	partials, okPartials := read("partials.html", "the theme's partials.html")
	if !okLayout || !okPartials {
		return false
	}
	base := template.New("layout.html").Option("missingkey=error")
	_, err := base.Parse(layout)
	if err == nil {
		_, err = base.New("partials.html").Parse(partials)
	}
	if err != nil {
		errs.Add(t.parseError(err))
	}
	for _, k := range kinds {
		name := k + ".html"
		body, ok := read(name, "the template for "+k+" pages")
		if !ok || err != nil {
			continue
		}
		tm := template.Must(base.Clone()) // fails only after an execution, and there has been none
		if _, err := tm.New(name).Parse(body); err != nil {
			errs.Add(t.parseError(err))
			continue
		}
		t.tmpl[k] = tm
		t.defined[k] = make(map[string]string)
		for _, d := range tm.Templates() {
			if d.Tree != nil {
				t.defined[k][d.Name()] = d.Tree.ParseName
			}
		}
	}
	return true
}

func (t *Theme) show(name string) string { return path.Join(t.dir, name) }

// loadStatic reads static/ and names each file by its content. The code
// highlighting styles are appended to style.css, so a page loads one
// stylesheet.
func (t *Theme) loadStatic(fsys fs.FS) error {
	code := markdown.Stylesheet()
	return fs.WalkDir(fsys, "static", func(name string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		rel := strings.TrimPrefix(name, "static/")
		if rel == "style.css" {
			data = append(append(slices.Clip(data), '\n'), cssComment.ReplaceAll(code, nil)...)
		}
		t.addAsset(rel, data)
		return nil
	})
}

// cssComment matches the comments chroma writes before each of its rules,
// dropped to keep the stylesheet within its size budget.
var cssComment = regexp.MustCompile(`/\* [^*]* \*/ ?`)

// Execute runs the template of the pages of kind into w, with data; its
// error is a problem at the template's file, line and column.
func (t *Theme) Execute(w io.Writer, kind string, data any) error {
	tm := t.tmpl[kind]
	if tm == nil {
		return fmt.Errorf("no template for %s pages", kind)
	}
	if err := tm.Execute(w, data); err != nil {
		return t.execError(kind, err)
	}
	return nil
}

// ExecuteTemplate runs the template name of the pages of kind into w, for
// a template function that executes a part of the theme: its error goes
// back into the template that called it, and Execute places it.
func (t *Theme) ExecuteTemplate(w io.Writer, kind, name string, data any) error {
	return t.tmpl[kind].ExecuteTemplate(w, name, data)
}

// String is the strings.yaml text of key, and whether there is one.
func (t *Theme) String(key string) (content.Text, bool) {
	s, ok := t.strings[key]
	return s, ok
}
