package render

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"explainer/generator/internal/theme"
)

// realTheme loads the real theme for the languages langs.
func realTheme(t *testing.T, langs ...string) *theme.Theme {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "templates")
	th, err := theme.Load(os.DirFS(dir), dir, langs)
	if err != nil {
		t.Fatal(err)
	}
	return th
}

// TestPlural holds the real strings.yaml's counts to the form each
// language gives 1 and 2.
func TestPlural(t *testing.T) {
	th := realTheme(t, "en", "ko")
	for _, c := range []struct {
		lang string
		n    int
		want string
	}{
		{"en", 0, "0 barriers"},
		{"en", 1, "1 barrier"},
		{"en", 2, "2 barriers"},
		{"en", 21, "21 barriers"},
		{"ko", 1, "무역장벽 1건"},
		{"ko", 2, "무역장벽 2건"},
	} {
		p := &Page{theme: th, Lang: c.lang}
		got, err := p.Plural("barrier_count", c.n)
		if err != nil || got != c.want {
			t.Errorf("%s: Plural(barrier_count, %d) = %q, %v; want %q", c.lang, c.n, got, err, c.want)
		}
	}
}

// TestPluralForm is each language's rule: Korean takes _other for 1 too.
func TestPluralForm(t *testing.T) {
	for _, c := range []struct {
		lang string
		n    int
		want string
	}{
		{"en", 1, PluralOne}, {"en", 0, PluralOther}, {"en", 2, PluralOther},
		{"ko", 1, PluralOther}, {"ko", 2, PluralOther},
		{"de", 1, PluralOne}, // a language with no rule of its own: English's
	} {
		if got := pluralForm(c.lang, c.n); got != c.want {
			t.Errorf("pluralForm(%s, %d) = %s, want %s", c.lang, c.n, got, c.want)
		}
	}
}

// TestPluralMissingKey: a count whose form strings.yaml lacks is an error
// naming the key of that form.
func TestPluralMissingKey(t *testing.T) {
	p := &Page{theme: realTheme(t, "en", "ko"), Lang: "en"}
	_, err := p.Plural("read", 1) // read_one does not exist
	if err == nil || !strings.Contains(err.Error(), `"read_one"`) {
		t.Errorf("Plural of a missing key: %v, want an error naming read_one", err)
	}
}

// TestPluralNeedsPlaceholder: a count's form without {n} would hide the
// number; it is an error naming the key.
func TestPluralNeedsPlaceholder(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "templates")
	fsys := readFolder(t, dir)
	yaml := string(fsys["strings.yaml"].Data)
	edited := strings.Replace(yaml, `"{n} barrier"`, `"one barrier"`, 1)
	if edited == yaml {
		t.Fatal(`strings.yaml has no "{n} barrier"`)
	}
	fsys["strings.yaml"] = &fstest.MapFile{Data: []byte(edited)}
	th, err := theme.Load(fsys, dir, []string{"en", "ko"})
	if err != nil {
		t.Fatal(err)
	}
	p := &Page{theme: th, Lang: "en"}
	if got, err := p.Plural("barrier_count", 1); err == nil || !strings.Contains(err.Error(), `"barrier_count_one"`) {
		t.Errorf("Plural with no {n}: %q, %v; want an error naming barrier_count_one", got, err)
	}
	if got, err := p.Plural("barrier_count", 2); err != nil || got != "2 barriers" {
		t.Errorf("the other form: %q, %v", got, err)
	}
}
