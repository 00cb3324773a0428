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
//	                hash of their content in their names (scripts
//	                minified); code.css, the highlighting styles, is added
//	                beside them
//	fonts/          the font of the link-preview pictures, with its
//	                licence (never published)
//
// The assets also gain PNG pictures drawn in style.css's colours
// (images.go); with fonts/title-gothic-bold.ttf, package render draws each
// page a link-preview picture of its own, with its title, and social.png
// is left out. A string that a template asks for by a quoted key (for
// .Plural "key" n, key_one and key_other), or that the generator uses, and
// that strings.yaml lacks is an error when the theme is loaded, at the
// key, even where no page goes (stringkeys.go). Template errors are
// reported at their file, line and column (tmplerr.go).
package theme

import (
	"bytes"

	"fmt"
	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/js"
	"html/template"
	"io"
	"io/fs"
	"path"
	"regexp"
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
	// KindSearch is the page the search form goes to without JavaScript:
	// everything on the site, listed.
	KindSearch = "search"
)

var kinds = []string{KindHome, KindBarrier, KindBarriers, KindSector, KindPage, KindRoot, KindNotFound, KindSearch}

// Theme is a parsed theme folder.
type Theme struct {
	dir string // as the user named it, for messages
	// tmpl holds each kind's templates: the layout and the partials with
	// the kind's own file parsed into a copy of them.
	tmpl  map[string]*template.Template
	files map[string]*diag.Lines // each template file, for positions
	// defined maps each kind's template names to their files: an escaping
	// error names a template, which is gone after it.
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
	} else {
		t.strings, err = content.ParseStrings(t.show("strings.yaml"), src, langs)
		errs.AddAll(err) // only problems of the file
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

// parseTemplates parses the layout and the partials once, and each kind's
// file into a copy of them; false if the first two cannot be read.
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
// highlighting styles become code.css, which only the pages with code
// load: most pages have none.
func (t *Theme) loadStatic(fsys fs.FS) error {
	t.addAsset("code.css", cssComment.ReplaceAll(markdown.Stylesheet(), nil))
	return fs.WalkDir(fsys, "static", func(name string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		if path.Ext(name) == ".js" {
			if data, err = minifyJS(data); err != nil {
				return fmt.Errorf("%s: %v", t.show(name), err)
			}
		}
		t.addAsset(strings.TrimPrefix(name, "static/"), data)
		return nil
	})
}

// minifyJS drops a script's comments and spaces (tdewolff/minify), so the
// scripts stay commented for their readers and within the budget of 10 KB
// a page for the site's: 11.5 KB as written, under 7 KB minified. A
// script it cannot parse is an error when the theme is loaded.
func minifyJS(src []byte) ([]byte, error) {
	var out bytes.Buffer
	if err := js.Minify(minify.New(), &out, bytes.NewReader(src), nil); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// cssComment matches the comments chroma writes before each of its rules,
// dropped to keep the stylesheet within its size budget.
var cssComment = regexp.MustCompile(`/\* [^*]* \*/ ?`)

// Execute runs kind's template into w; an error is at its file and line.
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

// ExecuteTemplate runs kind's template name, for a template function: its
// error goes back to the calling template, and Execute places it.
func (t *Theme) ExecuteTemplate(w io.Writer, kind, name string, data any) error {
	return t.tmpl[kind].ExecuteTemplate(w, name, data)
}

// String is the strings.yaml text of key, and whether there is one.
func (t *Theme) String(key string) (content.Text, bool) {
	s, ok := t.strings[key]
	return s, ok
}
