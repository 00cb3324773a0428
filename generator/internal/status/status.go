// Package status reports how far each translation has kept up with its
// source, and records that a translator has caught up.
//
// The source of a page is its file in the default language. A
// translation records in translated_from the source's content.Fingerprint
// when it was translated: Mark writes it, Report compares it with the
// source's now. No file times: a fresh clone reports what was committed.
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
	"slices"
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
	// In the content folder (barriers/beef.en.md); Source is empty for
	// NoSource, and Translation names the file to write for Missing.
	Source, Translation string
	Lang                string
	State               State
	Marked              string // the translation's translated_from
}

// Report lists every translation in set, drafts included, in its order.
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
		for _, l := range set.Config.Codes()[1:] { // after the default
			rows = append(rows, row(k, l, docs[def], docs[l]))
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
	r.Marked = tr.Meta.TranslatedFrom
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

// Print writes the report for people: a line per translation, under a
// stale one what changed in its source (Changes), then the counts; dir is
// the content folder as named.
func Print(w io.Writer, rows []Row, dir string) {
	for _, r := range rows {
		fmt.Fprintf(w, "%-14s %s%s\n", r.State, path.Join(dir, r.Translation), r.note(dir))
		if r.State == Stale {
			diff, err := Changes(path.Join(dir, r.Source), r.Marked)
			if err != nil {
				diff = "(" + err.Error() + ")"
			}
			for _, line := range strings.Split(strings.TrimRight(diff, "\n"), "\n") {
				fmt.Fprintf(w, "    %s\n", line)
			}
		}
	}
	fmt.Fprintf(w, "%s\n", Counts(rows))
	if Behind(rows) {
		fmt.Fprintf(w, "after bringing a translation up to date, run: make translated F=<file>\n")
	}
}

// note says what is wrong with a translation that is not up to date.
func (r Row) note(dir string) string {
	switch r.State {
	case Stale:
		return ": " + path.Join(dir, r.Source) + " changed since it was translated"
	case Missing:
		return ": does not exist yet"
	case NoSource:
		return ": there is no source file in the default language"
	case NeverMarked:
		return ": never marked as translated from its source"
	}
	return ""
}

// Counts says how many are in each state: "30 up to date, 2 stale".
func Counts(rows []Row) string {
	counts := make(map[State]int)
	for _, r := range rows {
		counts[r.State]++
	}
	var parts []string
	for s := UpToDate; s <= NoSource; s++ {
		if counts[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[s], s))
		}
	}
	if len(parts) == 0 {
		return "no translations"
	}
	return strings.Join(parts, ", ")
}

// Behind reports whether any translation is not up to date.
func Behind(rows []Row) bool {
	return slices.ContainsFunc(rows, func(r Row) bool { return r.State != UpToDate })
}
