// Package scaffold starts a new barrier: one draft file per language in
// content/barriers/, every front matter key written out with a note on
// what to put there. As drafts they pass "generator check" at once and
// show only with "generator serve -drafts" until published.
package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"explainer/generator/internal/content"
)

// NewBarrier writes barriers/<slug>.<lang>.md in the content folder dir
// for every language and returns their paths; sector may be "". It
// refuses, writing nothing, a bad slug or sector or a slug already used.
func NewBarrier(dir string, cfg *content.Config, slug, sector string) ([]string, error) {
	if !content.SlugRE.MatchString(slug) {
		return nil, fmt.Errorf("slug %q must be lower-case ASCII letters and digits joined by single hyphens, such as defense-offset", slug)
	}
	if sector != "" && cfg.Sector(sector) == nil {
		msg := fmt.Sprintf("unknown sector %q; sectors are: %s", sector, strings.Join(cfg.SectorIDs(), ", "))
		if near := content.Closest(sector, cfg.SectorIDs()); near != "" {
			msg = fmt.Sprintf("unknown sector %q; did you mean %q?", sector, near)
		}
		return nil, errors.New(msg)
	}
	folder := filepath.Join(dir, content.Barrier.Dir())
	var paths []string
	for _, l := range cfg.Codes() {
		p := filepath.Join(folder, slug+"."+l+".md")
		if _, err := os.Stat(p); err == nil {
			return nil, fmt.Errorf("%s already exists; choose another slug or edit that file", p)
		}
		paths = append(paths, p)
	}
	if err := os.MkdirAll(folder, 0o755); err != nil {
		return nil, err
	}
	for i, l := range cfg.Codes() {
		text := entry(words(l), cfg, sector)
		if err := writeNew(paths[i], text); err != nil {
			for _, p := range paths[:i] {
				os.Remove(p)
			}
			return nil, err
		}
	}
	return paths, nil
}

// writeNew creates the file, failing if it exists.
func writeNew(p, text string) error {
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s already exists", p)
	}
	if err != nil {
		return err
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// entry is the text of a new barrier file.
func entry(w guide, cfg *content.Config, sector string) string {
	var b strings.Builder
	b.WriteString("---\n")
	fmt.Fprintf(&b, "# %s\n", w.Intro)
	fmt.Fprintf(&b, "title: %q   # %s\n", w.Title, w.TitleHelp)
	fmt.Fprintf(&b, "summary: %q   # %s\n", w.Summary, w.SummaryHelp)
	fmt.Fprintf(&b, "sector: %s   # %s: %s\n", sector, w.SectorHelp, strings.Join(cfg.SectorIDs(), ", "))
	fmt.Fprintf(&b, "# law: %s\n", w.Law)
	fmt.Fprintf(&b, "# first_listed: %d   # %s\n", cfg.ReportYear, w.FirstListed)
	fmt.Fprintf(&b, "# status: unchanged   # %s: %s\n", w.Status, strings.Join(content.StatusNames(), ", "))
	fmt.Fprintf(&b, "# status_date: YYYY-MM-DD   # %s\n", w.StatusDate)
	fmt.Fprintf(&b, "# related: [other-slug]   # %s\n", w.Related)
	fmt.Fprintf(&b, "draft: true   # %s\n", w.Draft)
	fmt.Fprintf(&b, "sources:   # %s\n", w.Sources)
	b.WriteString("  - title: \"2025 National Trade Estimate Report on Foreign Trade Barriers\"\n")
	b.WriteString("    publisher: Office of the US Trade Representative\n")
	b.WriteString("    date: 2025-03-31\n")
	b.WriteString("---\n")
	for _, s := range w.Sections {
		fmt.Fprintf(&b, "%s\n\n%s\n\n", s[0], s[1])
	}
	return b.String()
}
