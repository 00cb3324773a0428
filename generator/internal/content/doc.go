package content

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"explainer/generator/internal/diag"
)

// Kind says what a document is.
type Kind int

const (
	Summary Kind = iota // summary.<lang>.md: the home page
	Barrier             // barriers/<slug>.<lang>.md
	Page                // pages/<slug>.<lang>.md
)

var kindDirs = [...]string{Summary: "", Barrier: "barriers", Page: "pages"}

// Dir is the folder of content that holds documents of the kind.
func (k Kind) Dir() string { return kindDirs[k] }

func (k Kind) String() string {
	return [...]string{"summary", "barrier", "page"}[k]
}

// Doc is one markdown file: identity, decoded front matter and body.
type Doc struct {
	Kind        Kind
	Slug        string // "summary" for the summary
	Lang        string
	Name        string // inside the content folder, with slashes: barriers/beef.en.md
	path        string // for messages, as given to Load
	Meta        Meta
	Fingerprint string // of the text (see Fingerprint), for translated_from
	text        []byte // as Set.Source gives it, if loaded through a Cache
}

// Key identifies a document across its translations.
type Key struct {
	Kind Kind
	Slug string
}

func (d *Doc) Key() Key { return Key{d.Kind, d.Slug} }

// Path is the file's path for messages, as given to Load.
func (d *Doc) Path() string { return d.path }

// Meta is the decoded front matter (the keys of each kind: fields.go).
type Meta struct {
	Title       string
	Summary     string
	Sector      string
	SectorPos   diag.Pos
	Law         string
	FirstListed int
	Updated     string // YYYY-MM-DD, or ""
	Weight      int
	Related     []Ref
	Draft       bool
	Sources     []Source
	Figures     []Figure
	Numbers     []Number

	// Status and StatusDate (YYYY-MM-DD, the day it was checked);
	// StatusPos and StatusDatePos are where their keys are (zero when
	// absent), for the check that the languages agree.
	Status        Status
	StatusDate    string
	StatusPos     diag.Pos
	StatusDatePos diag.Pos

	// TranslatedFrom is the fingerprint of the default-language text a
	// translation was made from.
	TranslatedFrom string
	// FirstListedPos is where first_listed's value is; keys are where
	// the keys set are (Meta.KeyPos).
	FirstListedPos diag.Pos
	keys           []keyAt
	// Start is where the front matter begins, for problems with the
	// document as a whole (a missing key, a missing translation).
	Start diag.Pos
}

// Ref is a slug named in front matter, with where it was named.
type Ref struct {
	Slug string
	Pos  diag.Pos
}

// Source is a publication an entry relies on.
type Source struct {
	Title     string
	URL       string
	Publisher string
	Date      string
}

// Figure is a small data set, drawn as a bar chart.
type Figure struct {
	ID     string
	Title  string
	Unit   string
	Source string
	Data   []Datum
}

// Datum is one bar of a Figure.
type Datum struct {
	Label string
	Value float64
}

// Number is one of the key numbers on the home page.
type Number struct {
	Value string
	Label string
}

// SlugRE matches a valid slug.
var SlugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// parseName splits a file name <slug>.<lang>.md, or says what is wrong.
func parseName(base string, langs []string) (slug, lang string, err error) {
	stem, ok := strings.CutSuffix(base, ".md")
	if !ok {
		return "", "", fmt.Errorf("file name %q does not end in .md%s", base, pictureHint(base))
	}
	i := strings.LastIndexByte(stem, '.')
	if i < 0 {
		return "", "", fmt.Errorf("file name %q must be <slug>.<lang>.md, with a language: one of %s", base, strings.Join(langs, ", "))
	}
	slug, lang = stem[:i], stem[i+1:]
	if !slices.Contains(langs, lang) {
		return "", "", fmt.Errorf("file name %q has unknown language %q; languages are: %s", base, lang, strings.Join(langs, ", "))
	}
	if !SlugRE.MatchString(slug) {
		return "", "", fmt.Errorf("file name %q: slug %q must be lower-case ASCII letters and digits joined by single hyphens", base, slug)
	}
	return slug, lang, nil
}

// normalize removes a byte order mark and makes CRLF and CR line endings
// LF: files saved by any editor build alike.
func normalize(src []byte) []byte {
	src = bytes.TrimPrefix(src, []byte("\xEF\xBB\xBF"))
	if bytes.IndexByte(src, '\r') < 0 {
		return src
	}
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	return bytes.ReplaceAll(src, []byte("\r"), []byte("\n"))
}

// checkText reports a file that is not text: empty, not UTF-8, or with NUL
// bytes (a binary file saved with a .md name).
func checkText(path string, src []byte) *diag.Error {
	lines := diag.NewLines(path, src)
	switch {
	case len(bytes.TrimSpace(src)) == 0:
		return diag.Errorf(diag.Pos{Path: path, Line: 1, Col: 1}, "file is empty; write its front matter and text, or delete it")
	case bytes.IndexByte(src, 0) >= 0:
		return diag.Errorf(lines.Pos(bytes.IndexByte(src, 0)), "file is binary (it contains a NUL byte), not markdown text")
	case !utf8.Valid(src):
		off := 0
		for off < len(src) {
			r, n := utf8.DecodeRune(src[off:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			off += n
		}
		return diag.Errorf(lines.Pos(off), "file is not valid UTF-8 text (invalid byte 0x%02x); save it as UTF-8", src[off])
	}
	return nil
}

// splitFrontMatter finds the YAML between the first line "---" and the
// next. It returns a copy of it, and src as the body with the block
// blanked in place (all but line ends made spaces, so positions stay);
// ok false without front matter, closed false (src untouched) unclosed.
func splitFrontMatter(src []byte) (yamlText []byte, body []byte, ok bool, closed bool) {
	if !bytes.HasPrefix(src, []byte("---\n")) {
		return nil, src, false, false
	}
	rest := src[4:]
	off, end := 0, -1
	for line := range bytes.Lines(rest) {
		if string(bytes.TrimRight(bytes.TrimSuffix(line, []byte("\n")), " \t")) == "---" {
			end = off
			break
		}
		off += len(line)
	}
	if end < 0 {
		return rest, src, true, false
	}
	yamlText = bytes.Clone(rest[:end])
	for i := range 4 + end + 3 {
		if src[i] != '\n' {
			src[i] = ' '
		}
	}
	return yamlText, src, true, true
}
