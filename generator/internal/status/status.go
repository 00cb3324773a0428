// Package status reports how far each translation has kept up with its
// source, and records that a translator has caught up.
//
// The source of every page is its file in the site's default language
// (English). A translation records, in its front matter key
// translated_from, the fingerprint of the source's text it was translated
// from (content.Fingerprint: 12 hex digits of a SHA-256 of the normalized
// text). Mark writes that key; Report compares it with the source's
// fingerprint now. Nothing depends on file times, so a fresh clone reports
// exactly what the working copy that was committed reported.
//
// A translation is in one of these states:
//
//	up to date     translated_from is the source's fingerprint
//	stale          the source changed since: readers of the translation see
//	               a notice that links to the source page
//	never marked   no translated_from: reported here only; readers see no
//	               notice, so content written before this tooling existed
//	               does not suddenly show one everywhere
//	missing        there is no translation file
//	no source      there is a translation but no source file
package status

import (
	"fmt"
	"io"
	"path"
	"strings"

	"explainer/generator/internal/content"
)

// State is how a translation stands against its source.
type State int

const (
	UpToDate State = iota
	Stale
	NeverMarked
	Missing
	NoSource
)

func (s State) String() string {
	return [...]string{"up to date", "stale", "never marked", "missing", "no source"}[s]
}

// Row is one translation of one document.
type Row struct {
	// Source and Translation are the files' names in the content folder
	// (barriers/beef.en.md); Source is empty for NoSource and Translation
	// for Missing.
	Source, Translation string
	Lang                string
	State               State
}

// Report lists every translation of every document of set, drafts
// included, in the order of set.Docs.
func Report(set *content.Set) []Row {
	def := set.Config.Default()
	byKey := make(map[content.Key]map[string]*content.Doc)
	var keys []content.Key
	for _, d := range set.Docs {
		if byKey[d.Key()] == nil {
			byKey[d.Key()] = make(map[string]*content.Doc)
			keys = append(keys, d.Key())
		}
		byKey[d.Key()][d.Lang] = d
	}
	var rows []Row
	for _, k := range keys {
		docs := byKey[k]
		src := docs[def]
		for _, l := range set.Config.Codes() {
			if l == def {
				continue
			}
			rows = append(rows, row(k, l, src, docs[l]))
		}
	}
	return rows
}

func row(k content.Key, lang string, src, tr *content.Doc) Row {
	r := Row{Lang: lang}
	switch {
	case src == nil:
		r.Translation, r.State = tr.Name, NoSource
		return r
	case tr == nil:
		r.Source, r.State = src.Name, Missing
		r.Translation = path.Join(k.Kind.Dir(), k.Slug+"."+lang+".md")
		return r
	}
	r.Source, r.Translation = src.Name, tr.Name
	switch tr.Meta.TranslatedFrom {
	case "":
		r.State = NeverMarked
	case src.Fingerprint:
		r.State = UpToDate
	default:
		r.State = Stale
	}
	return r
}

// Print writes the report for people: one line per translation, then a
// count of each state. dir is the content folder as the user named it.
func Print(w io.Writer, rows []Row, dir string) {
	counts := make(map[State]int)
	for _, r := range rows {
		counts[r.State]++
		name := r.Translation
		fmt.Fprintf(w, "%-14s %s", r.State, path.Join(dir, name))
		switch r.State {
		case Stale:
			fmt.Fprintf(w, ": %s changed since it was translated", path.Join(dir, r.Source))
		case Missing:
			fmt.Fprintf(w, ": does not exist yet")
		case NoSource:
			fmt.Fprintf(w, ": there is no source file in the default language")
		}
		fmt.Fprintln(w)
	}
	var parts []string
	for s := UpToDate; s <= NoSource; s++ {
		if counts[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[s], s))
		}
	}
	if len(parts) == 0 {
		parts = []string{"no translations"}
	}
	fmt.Fprintf(w, "%s\n", strings.Join(parts, ", "))
	if counts[Stale]+counts[NeverMarked] > 0 {
		fmt.Fprintf(w, "after bringing a translation up to date, run: go run ./generator translated <file>\n")
	}
}
