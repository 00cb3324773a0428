// Package content reads the editors' files, content/site.yaml and the
// markdown documents with their YAML front matter, into typed values
// (Config, Doc, Meta), reporting every problem at its file, line and
// column. Bodies and HTML are packages site and markdown's.
//
// The layout it reads, relative to the content folder:
//
//	site.yaml                 the site's configuration (Config)
//	summary.<lang>.md         the home page (kind Summary)
//	barriers/<slug>.<lang>.md one barrier (kind Barrier)
//	pages/<slug>.<lang>.md    another page (kind Page)
//	pictures/                 the picture files pages show; package site
//	                          reads those a page names (through FS)
//	README.md                 the editors' guide; not part of the site
//
// Front matter keys are listed in fields.go (content/README.md documents
// them for editors) and parsed by goccy/go-yaml, whose nodes carry the
// positions every message points at (yaml.go). A barrier's status since
// the report is a Status (status.go); whether two languages agree on it,
// and site.yaml's report_items (the number of barriers each language
// publishes, {items} in the description), are checked by package site.
// A Set keeps only the front matter (Set.Source reads a body again), so a
// large site stays small in memory; LoadMetaCached (cache.go) also skips
// the files unchanged since the last load, for the preview.
//
// Every file is taken to be hostile: it must be regular UTF-8 text
// without NUL bytes, inside the folder (a symbolic link leading out of it
// is an error, links.go: an os.DirFS would follow it anywhere); limits.go
// bounds sizes and nesting so that no file makes the parsers take
// minutes; YAML anchors, aliases, merge keys and tags are refused.
package content

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	"explainer/generator/internal/cores"
	"explainer/generator/internal/diag"
)

// buffers hold a file as read while it is loaded.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// ConfigFile is the configuration's name inside the content folder.
const ConfigFile = "site.yaml"

// SynonymsFile is the search's synonyms inside the content folder, read by
// package search.
const SynonymsFile = "synonyms.yaml"

// Set is everything read from a content folder.
type Set struct {
	// Dir is the content folder as messages print it.
	Dir    string
	Config *Config
	// Broken holds the names (barriers/x.en.md) of the documents that are
	// named well but could not be loaded (bad YAML, an empty file), so
	// that checks across files can treat them as present and report
	// nothing twice.
	Broken map[string]bool
	// Docs holds every document, drafts included, sorted by kind, slug and
	// language (in the order of Config.Languages).
	Docs []*Doc

	fsys fs.FS // for Source
}

// PictureDir is the folder of picture files, and its subfolders.
const PictureDir = "pictures"

func inPictures(name string) bool {
	return name == PictureDir || strings.HasPrefix(name, PictureDir+"/")
}

// pictureHint tells where a file that looks like a picture goes.
func pictureHint(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".png", ".jpg", ".jpeg", ".webp", ".avif", ".svg", ".gif":
		return "; pictures go in " + PictureDir + "/"
	}
	return ""
}

// FS is the content folder, for the picture files the pages show.
func (s *Set) FS() fs.FS { return s.fsys }

// Load reads the content folder fsys; dir is its path as messages print
// it. All problems are returned together as a diag.Errors.
func Load(fsys fs.FS, dir string) (*Set, error) { return load(fsys, dir, nil) }

// Source reads d's text again, into buf (nil for a new one): LF line
// endings, no byte order mark, and the front matter blanked to spaces, so
// that offsets into the body are offsets into the file. A document loaded
// through a Cache gives the text it was loaded from, whatever the file
// says now: the preview keeps serving its last good site while an editor
// saves the next.
func (s *Set) Source(d *Doc, buf *bytes.Buffer) ([]byte, error) {
	if buf == nil {
		buf = new(bytes.Buffer)
	}
	buf.Reset()
	if d.text != nil {
		buf.Write(d.text)
		return buf.Bytes(), nil
	}
	f, err := s.fsys.Open(d.Name)
	if err == nil {
		_, err = buf.ReadFrom(f)
		f.Close()
	}
	if err != nil {
		return nil, fmt.Errorf("cannot read: %v", unwrapPathError(err))
	}
	raw := buf.Bytes()
	_, blanked, _, closed := splitFrontMatter(normalize(raw))
	if !closed {
		return nil, errors.New("the file changed during the build; build again")
	}
	return blanked, nil
}

func load(fsys fs.FS, dir string, cache *Cache) (*Set, error) {
	var errs diag.List
	show := func(name string) string { return path.Join(displayDir(dir), name) }

	if err := checkFile(fsys, ConfigFile); err != nil {
		errs.Addf(diag.Pos{Path: show(ConfigFile)}, "cannot read the site configuration: %v", err)
		return nil, errs.Err()
	}
	src, e := readLimited(fsys, ConfigFile, show(ConfigFile), nil)
	if e != nil {
		errs.Add(e)
		return nil, errs.Err()
	}
	cfg := parseConfig(show(ConfigFile), src, &errs)
	if cfg == nil {
		return nil, errs.Err()
	}

	set := &Set{Dir: displayDir(dir), Config: cfg, Broken: make(map[string]bool), fsys: fsys}
	names, err := listDocs(fsys, show, &errs)
	if err != nil {
		return nil, err
	}
	if cache != nil {
		cache.begin(src)
		cache.keep(names)
	}
	// Read on all cores, each document's problems merged in file order.
	docs := make([]*Doc, len(names))
	found := make([]diag.List, len(names))
	cores.Each(len(names), func(i int) {
		buf := buffers.Get().(*bytes.Buffer) // nothing of a file outlives its loading
		docs[i] = cache.loadDoc(fsys, names[i], show(names[i]), cfg, &found[i], buf)
		buffers.Put(buf)
	})
	for i, d := range docs {
		errs.Merge(&found[i])
		if d != nil {
			set.Docs = append(set.Docs, d)
		} else if _, _, _, err := docName(names[i], cfg); found[i].Len() > 0 && err == nil {
			set.Broken[names[i]] = true
		}
	}
	order := cfg.Codes()
	slices.SortFunc(set.Docs, func(a, b *Doc) int {
		return cmp.Or(cmp.Compare(a.Kind, b.Kind), strings.Compare(a.Slug, b.Slug),
			cmp.Compare(slices.Index(order, a.Lang), slices.Index(order, b.Lang)))
	})
	return set, errs.Err()
}

func displayDir(dir string) string {
	if dir == "" {
		return "."
	}
	return strings.TrimSuffix(strings.ReplaceAll(dir, "\\", "/"), "/")
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// listDocs finds the markdown documents, reporting files that are in the
// wrong place.
func listDocs(fsys fs.FS, show func(string) string, errs *diag.List) ([]string, error) {
	var names []string
	err := fs.WalkDir(fsys, ".", func(name string, e fs.DirEntry, err error) error {
		if err != nil {
			errs.Addf(diag.Pos{Path: show(name)}, "cannot read: %v", unwrapPathError(err))
			return nil
		}
		base := path.Base(name)
		if name != "." && strings.HasPrefix(base, ".") {
			if e.IsDir() {
				return fs.SkipDir
			}
			return nil // editor and system files: .DS_Store, .swp
		}
		dir := path.Dir(name)
		if !e.IsDir() && !e.Type().IsRegular() { // a link, pipe or device
			if err := checkFile(fsys, name); err != nil {
				errs.Addf(diag.Pos{Path: show(name)}, "%v", err)
				return nil
			}
		}
		if e.IsDir() {
			if name == "." || name == Barrier.Dir() || name == Page.Dir() || inPictures(name) {
				return nil
			}
			errs.Addf(diag.Pos{Path: show(name)}, "unexpected folder; barriers go in %s/, other pages in %s/ and pictures in %s/", Barrier.Dir(), Page.Dir(), PictureDir)
			return fs.SkipDir
		}
		switch {
		case inPictures(dir):
			// Checked when a page shows it; one no page shows is not
			// published.
		case dir == "." && (name == ConfigFile || name == SynonymsFile || name == "README.md"):
		case dir == "." && strings.HasPrefix(name, "summary."):
			names = append(names, name)
		case dir == Barrier.Dir() || dir == Page.Dir():
			names = append(names, name)
		case dir == "." && strings.HasSuffix(name, ".md"):
			errs.Addf(diag.Pos{Path: show(name)}, "unexpected file; a barrier goes in %s/, another page in %s/", Barrier.Dir(), Page.Dir())
		default:
			errs.Addf(diag.Pos{Path: show(name)}, "unexpected file in the content folder%s", pictureHint(name))
		}
		return nil
	})
	return names, err
}

// loadDoc reads and decodes one document, or returns nil if it cannot be
// used at all; problems go to errs.
func loadDoc(fsys fs.FS, name, shown string, cfg *Config, errs *diag.List, buf *bytes.Buffer, keep bool) *Doc {
	kind, slug, lang, err := docName(name, cfg)
	if err != nil {
		errs.Addf(diag.Pos{Path: shown}, "%v", err)
		return nil
	}
	raw, e := readLimited(fsys, name, shown, buf)
	if e != nil {
		errs.Add(e)
		return nil
	}
	if e := checkText(shown, raw); e != nil {
		errs.Add(e)
		return nil
	}
	src := normalize(raw)
	fingerprint := Fingerprint(src) // before the front matter is blanked
	yamlText, blanked, has, closed := splitFrontMatter(src)
	start := diag.Pos{Path: shown, Line: 1, Col: 1}
	if !has {
		errs.Addf(start, "missing front matter: the file must start with a line \"---\", the YAML keys, and another \"---\"")
		return nil
	}
	if !closed {
		errs.Addf(start, "front matter is not closed: add a line \"---\" after the last key")
		return nil
	}
	lines := diag.NewLines(shown, blanked)
	if e := checkBody(blanked, lines); e != nil {
		errs.Add(e)
		return nil
	}
	d := &yamlDoc{path: shown, line: 1, errs: errs}
	if !d.checkYAMLSize(yamlText) {
		return nil // every key would be reported missing: noise
	}
	n := errs.Len()
	entries := d.parse(yamlText)
	if errs.Len() > n {
		return nil // keys reported missing would bury the syntax error
	}
	doc := &Doc{
		Kind:        kind,
		Slug:        slug,
		Lang:        lang,
		Name:        name,
		path:        shown,
		Meta:        decodeMeta(d, entries, kind, lang != cfg.Default(), start),
		Fingerprint: fingerprint,
	}
	if keep {
		doc.text = bytes.Clone(blanked)
	}
	if len(bytes.TrimSpace(blanked)) == 0 && kind != Summary {
		errs.Addf(start, "the page has front matter but no text")
	}
	return doc
}

// docName reads the name of a document (one listDocs found): its kind,
// slug and language, or what is wrong with it.
func docName(name string, cfg *Config) (Kind, string, string, error) {
	dir, base := path.Split(name)
	slug, lang, err := parseName(base, cfg.Codes())
	switch {
	case err != nil:
		return 0, "", "", err
	case dir == "" && slug != "summary":
		return 0, "", "", fmt.Errorf("unexpected file; a barrier goes in %s/, another page in %s/", Barrier.Dir(), Page.Dir())
	case dir == "":
		return Summary, slug, lang, nil
	case dir == Page.Dir()+"/":
		return Page, slug, lang, nil
	}
	return Barrier, slug, lang, nil
}
