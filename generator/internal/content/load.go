// Package content reads the editors' files: content/site.yaml and the
// markdown documents with their YAML front matter. It turns them into typed
// values (Config, Doc, Meta) and reports every problem with its file, line
// and column. It knows nothing of markdown bodies or HTML; package site does.
//
// The layout it reads, relative to the content folder:
//
//	site.yaml                 the site's configuration (Config)
//	summary.<lang>.md         the home page (kind Summary)
//	barriers/<slug>.<lang>.md one barrier (kind Barrier)
//	pages/<slug>.<lang>.md    another page (kind Page)
//	README.md                 the editors' guide; not part of the site
//
// Front matter keys are listed in fields.go; content/README.md documents
// them for editors. A barrier's status since the report (status, with
// the status_date it was checked on) is a Status, of four values
// (status.go); whether the two languages agree on it is package site's
// check, as is site.yaml's report_items, the number of barrier entries
// each language must publish, which the description may state as {items}.
// Front matter is parsed by goccy/go-yaml, whose nodes carry the line and
// column that every message points at (yaml.go). LoadMeta keeps only the
// front matter of each document; LoadMetaCached (cache.go) also skips the
// files that have not changed since the last load, for the preview.
//
// Every file is taken to be hostile. A file must be a regular UTF-8 text
// file without NUL bytes, inside the folder: a symbolic link that leads
// out of it is an error at the link (links.go), since the fs.FS of a real
// folder would follow it anywhere. The limits in limits.go bound the size
// of files and front matter, the nesting of YAML and markdown, and the
// length of paragraphs, so that no file can make the parsers take minutes.
// YAML anchors, aliases, merge keys and tags are refused (yaml.go).
package content

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"

	"explainer/generator/internal/diag"
)

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

// Load reads the content folder fsys. dir is the folder's path as the user
// named it, used to print paths in messages. All problems found are returned
// together as a diag.Errors.
func Load(fsys fs.FS, dir string) (*Set, error) { return load(fsys, dir, true, nil) }

// LoadMeta is Load without keeping the documents' text: each Doc's Src is
// nil, and its Lines know only the path. Source reads the text again when
// it is needed. A build of thousands of documents keeps only their front
// matter in memory this way.
func LoadMeta(fsys fs.FS, dir string) (*Set, error) { return load(fsys, dir, false, nil) }

// Source returns d's text as Doc.Src holds it: line endings normalised and
// the front matter blanked. It reads the file again, into buf (emptied
// first; nil for a new one), if the set was loaded without the text.
func (s *Set) Source(d *Doc, buf *bytes.Buffer) ([]byte, error) {
	if d.Src != nil {
		return d.Src, nil
	}
	if buf == nil {
		buf = new(bytes.Buffer)
	}
	buf.Reset()
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

func load(fsys fs.FS, dir string, keep bool, cache *Cache) (*Set, error) {
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
	// Documents are read and decoded on all cores; each has its own list
	// of problems, merged in file order.
	docs := make([]*Doc, len(names))
	found := make([]diag.List, len(names))
	work := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			// Without the text, nothing of a file outlives its loading,
			// so one buffer serves every file.
			var buf *bytes.Buffer
			if !keep {
				buf = new(bytes.Buffer)
			}
			for i := range work {
				var d *Doc
				if cache != nil {
					d = cache.loadDoc(fsys, names[i], show(names[i]), cfg, &found[i], buf)
				} else {
					d = loadDoc(fsys, names[i], show(names[i]), cfg, &found[i], buf)
				}
				if d != nil && !keep && d.Src != nil {
					d.Src, d.Lines = nil, diag.NewLines(d.Path(), nil)
				}
				docs[i] = d
			}
		})
	}
	for i := range names {
		work <- i
	}
	close(work)
	wg.Wait()
	for i, d := range docs {
		errs.Merge(&found[i])
		if d != nil {
			set.Docs = append(set.Docs, d)
		} else if found[i].Len() > 0 && validName(names[i], cfg) {
			set.Broken[names[i]] = true
		}
	}
	order := cfg.Codes()
	slices.SortFunc(set.Docs, func(a, b *Doc) int {
		if a.Kind != b.Kind {
			return int(a.Kind) - int(b.Kind)
		}
		if c := strings.Compare(a.Slug, b.Slug); c != 0 {
			return c
		}
		return slices.Index(order, a.Lang) - slices.Index(order, b.Lang)
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
		if !e.IsDir() && !e.Type().IsRegular() {
			// A symbolic link (or a pipe, or a device): read it only if it
			// is a regular file inside the content folder.
			if err := checkFile(fsys, name); err != nil {
				errs.Addf(diag.Pos{Path: show(name)}, "%v", err)
				return nil
			}
		}
		if e.IsDir() {
			if name == "." || name == Barrier.Dir() || name == Page.Dir() {
				return nil
			}
			errs.Addf(diag.Pos{Path: show(name)}, "unexpected folder; barriers go in %s/ and other pages in %s/", Barrier.Dir(), Page.Dir())
			return fs.SkipDir
		}
		switch {
		case dir == "." && (name == ConfigFile || name == SynonymsFile || name == "README.md"):
		case dir == "." && strings.HasPrefix(name, "summary."):
			names = append(names, name)
		case dir == Barrier.Dir() || dir == Page.Dir():
			names = append(names, name)
		case dir == "." && strings.HasSuffix(name, ".md"):
			errs.Addf(diag.Pos{Path: show(name)}, "unexpected file; a barrier goes in %s/, another page in %s/", Barrier.Dir(), Page.Dir())
		default:
			errs.Addf(diag.Pos{Path: show(name)}, "unexpected file in the content folder")
		}
		return nil
	})
	return names, err
}

// loadDoc reads and decodes one document. It returns nil if the document
// cannot be used at all; problems are added to errs.
func loadDoc(fsys fs.FS, name, shown string, cfg *Config, errs *diag.List, buf *bytes.Buffer) *Doc {
	dir, base := path.Split(name)
	slug, lang, err := parseName(base, cfg.Codes())
	if err != nil {
		errs.Addf(diag.Pos{Path: shown}, "%v", err)
		return nil
	}
	kind := Barrier
	switch strings.TrimSuffix(dir, "/") {
	case "":
		kind = Summary
		if slug != "summary" {
			errs.Addf(diag.Pos{Path: shown}, "unexpected file; a barrier goes in %s/, another page in %s/", Barrier.Dir(), Page.Dir())
			return nil
		}
	case Page.Dir():
		kind = Page
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
	// The fingerprint of what translators translate: the file as its
	// editor sees it, before its front matter is blanked.
	fingerprint := Fingerprint(src)
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
		// Keys after a syntax error are unknown: reporting them as
		// missing would bury the one real problem.
		return nil
	}
	doc := &Doc{
		Kind:        kind,
		Slug:        slug,
		Lang:        lang,
		Name:        name,
		Src:         blanked,
		Lines:       lines,
		Meta:        decodeMeta(d, entries, kind, lang != cfg.Default(), start),
		Fingerprint: fingerprint,
	}
	if len(bytes.TrimSpace(blanked)) == 0 && kind != Summary {
		errs.Addf(start, "the page has front matter but no text")
	}
	return doc
}

// validName reports whether name (inside the content folder) is a well
// named document.
func validName(name string, cfg *Config) bool {
	dir, base := path.Split(name)
	slug, _, err := parseName(base, cfg.Codes())
	switch strings.TrimSuffix(dir, "/") {
	case "":
		return err == nil && slug == "summary"
	case Barrier.Dir(), Page.Dir():
		return err == nil
	}
	return false
}
