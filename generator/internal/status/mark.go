package status

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"explainer/generator/internal/content"
)

// Marked is one translation that Mark recorded as caught up.
type Marked struct {
	Translation, Source string // paths as given to or found by Mark
	Fingerprint         string
}

// Mark sets translated_from to the source's fingerprint in the
// translations arg names: a translation's path or a slug (every
// translation of it). dir is the content folder; langs its languages,
// the default first.
func Mark(dir, arg string, langs []string) ([]Marked, error) {
	files, err := translations(dir, arg, langs)
	if err != nil {
		return nil, err
	}
	var out []Marked
	for _, f := range files {
		m, err := markFile(f, langs[0])
		if err != nil {
			return out, err
		}
		out = append(out, m)
	}
	return out, nil
}

// translations resolves arg to the translation files it names.
func translations(dir, arg string, langs []string) ([]string, error) {
	if strings.HasSuffix(arg, ".md") {
		lang := langOf(arg)
		switch {
		case lang == "":
			return nil, fmt.Errorf("%s: the file name must be <slug>.<lang>.md", arg)
		case lang == langs[0]:
			return nil, fmt.Errorf("%s is in the default language, the source of translations; name its translation instead, such as %s", arg, strings.TrimSuffix(arg, "."+lang+".md")+"."+langs[len(langs)-1]+".md")
		}
		return []string{arg}, nil
	}
	if !content.SlugRE.MatchString(arg) {
		return nil, fmt.Errorf("%q is neither a markdown file nor a slug", arg)
	}
	var found [][]string
	for _, sub := range []string{"", content.Barrier.Dir(), content.Page.Dir()} {
		if sub == "" && arg != "summary" {
			continue
		}
		var files []string
		for _, l := range langs[1:] {
			p := filepath.Join(dir, sub, arg+"."+l+".md")
			if _, err := os.Stat(p); err == nil {
				files = append(files, p)
			}
		}
		if len(files) > 0 {
			found = append(found, files)
		}
	}
	switch len(found) {
	case 0:
		return nil, fmt.Errorf("no translation of %q found in %s, %s/ or %s/", arg, dir, content.Barrier.Dir(), content.Page.Dir())
	case 1:
		return found[0], nil
	}
	return nil, fmt.Errorf("both a barrier and a page are named %q; name the file instead, such as %s", arg, found[0][0])
}

func langOf(name string) string {
	stem := strings.TrimSuffix(filepath.Base(name), ".md")
	i := strings.LastIndexByte(stem, '.')
	if i < 0 {
		return ""
	}
	return stem[i+1:]
}

// markFile sets translated_from in the translation file to its source's
// fingerprint.
func markFile(file, def string) (Marked, error) {
	lang := langOf(file)
	source := strings.TrimSuffix(file, "."+lang+".md") + "." + def + ".md"
	src, err := os.ReadFile(source)
	if err != nil {
		return Marked{}, fmt.Errorf("%s: cannot read its source: %w", file, err)
	}
	fp := content.Fingerprint(src)
	tr, err := os.ReadFile(file)
	if err != nil {
		return Marked{}, err
	}
	out, err := setKey(tr, "translated_from", fp)
	if err != nil {
		return Marked{}, fmt.Errorf("%s: %w", file, err)
	}
	if !bytes.Equal(out, tr) {
		if err := os.WriteFile(file, out, 0o644); err != nil {
			return Marked{}, err
		}
	}
	return Marked{Translation: file, Source: source, Fingerprint: fp}, nil
}

// setKey sets a top-level front matter key in src, replacing its line or
// adding one before the closing "---", keeping all else byte for byte.
func setKey(src []byte, key, value string) ([]byte, error) {
	text := string(bytes.TrimPrefix(src, []byte("\xEF\xBB\xBF")))
	head := string(src[:len(src)-len(text)]) // the byte order mark, if any
	lines := strings.SplitAfter(text, "\n")
	eol := "\n"
	if strings.HasSuffix(lines[0], "\r\n") {
		eol = "\r\n"
	}
	bare := func(l string) string { return strings.TrimRight(l, " \t\r\n") }
	if bare(lines[0]) != "---" {
		return nil, errors.New("the file has no front matter")
	}
	line := key + ": " + value + eol
	for i := 1; i < len(lines); i++ {
		if bare(lines[i]) == "---" {
			lines = slices.Insert(lines, i, line)
			return []byte(head + strings.Join(lines, "")), nil
		}
		if strings.HasPrefix(lines[i], key+":") {
			lines[i] = line
			return []byte(head + strings.Join(lines, "")), nil
		}
	}
	return nil, errors.New("the front matter is not closed")
}
