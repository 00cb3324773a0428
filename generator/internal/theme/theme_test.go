package theme_test

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"explainer/generator/internal/content"
	"explainer/generator/internal/diag"
	"explainer/generator/internal/markdown"
	"explainer/generator/internal/render"
	"explainer/generator/internal/site"
	"explainer/generator/internal/theme"
)

// realSite is the model of the real site.
func realSite(t *testing.T) *site.Site {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "content")
	set, err := content.Load(os.DirFS(dir), dir)
	if err != nil {
		t.Fatal(err)
	}
	s, err := site.Build(set, markdown.New(), site.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// themeWith loads the real theme with some of its files replaced: edits
// maps a file's name to a function of its text.
func themeWith(t *testing.T, edits map[string]func(string) string) (*theme.Theme, error) {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "templates")
	fsys := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS(dir), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(filepath.Join(dir, name))
		fsys[name] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, edit := range edits {
		f := fsys[name]
		if f == nil {
			f = &fstest.MapFile{}
			fsys[name] = f
		}
		f.Data = []byte(edit(string(f.Data)))
	}
	return theme.Load(fsys, "templates", []string{"en", "ko"})
}

// replace returns an edit that replaces old with new, once.
func replace(t *testing.T, old, new string) func(string) string {
	return func(s string) string {
		if !strings.Contains(s, old) {
			t.Fatalf("the theme has no %q to replace", old)
		}
		return strings.Replace(s, old, new, 1)
	}
}

// lineOf is the line of the real theme's file name that holds s, so that
// the positions the tests expect follow the theme's edits.
func lineOf(t *testing.T, name, s string) int {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "templates", name))
	if err != nil {
		t.Fatal(err)
	}
	i := strings.Index(string(b), s)
	if i < 0 {
		t.Fatalf("%s has no %q", name, s)
	}
	return 1 + strings.Count(string(b[:i]), "\n")
}

// text returns an edit that replaces a file's text with s.
func text(s string) func(string) string { return func(string) string { return s } }

// problems returns the lines of a diag error.
func problems(t *testing.T, err error) []string {
	t.Helper()
	es := diag.AsList(err)
	if err != nil && es == nil {
		t.Fatalf("not a positioned problem: %v", err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Error())
	}
	return out
}

// TestTemplateErrors checks the problems of a broken theme, exactly, as
// the theme is loaded or as every page of the real site is made with it:
// each at its file, line and column (in characters, from 1), once.
func TestTemplateErrors(t *testing.T) {
	s := realSite(t)
	page := func(body string) map[string]func(string) string {
		return map[string]func(string) string{"page.html": text("{{define \"main\"}}\n" + body + "\n{{end}}\n")}
	}
	for _, c := range []struct {
		name  string
		edits map[string]func(string) string
		want  []string
	}{{
		name:  "parse error",
		edits: page(`<h1>{{.Title}</h1>`),
		want:  []string{`templates/page.html:2: bad character U+007D '}'`},
	}, {
		name:  "unknown function",
		edits: page(`<h1>{{title .Title}}</h1>`),
		want:  []string{`templates/page.html:2: function "title" not defined`},
	}, {
		name:  "parse error in the partials",
		edits: map[string]func(string) string{"partials.html": replace(t, `{{define "site-title"}}`, `{{define "site-title"}}{{end}`)},
		want:  []string{fmt.Sprintf(`templates/partials.html:%d: bad character U+007D '}'`, lineOf(t, "partials.html", `{{define "site-title"}}`))},
	}, {
		name:  "field",
		edits: page(`<p>관세 {{.Entry.Meta.Subtitle}}</p>`),
		want:  []string{`templates/page.html:2:15: executing "main" at <.Entry.Meta.Subtitle>: can't evaluate field Subtitle in type content.Meta`},
	}, {
		name:  "string asked for by a key made on the page",
		edits: page(`<p>{{.T .Kind}}</p>`),
		want:  []string{`templates/page.html:2:6: executing "main" at <.T>: error calling T: no string "page" in strings.yaml`},
	}, {
		// The navigation is made by .Shared on most pages and by
		// {{template "nav"}} on others: the same problem either way.
		name:  "in a part made by .Shared",
		edits: map[string]func(string) string{"partials.html": replace(t, `<ul>`, `<ul class="{{.Menu.Class}}">`)},
		want:  []string{fmt.Sprintf(`templates/partials.html:%d:19: executing "nav" at <.Menu.Class>: can't evaluate field Class in type []*site.Entry`, lineOf(t, "partials.html", "<ul>"))},
	}, {
		name:  "in a card",
		edits: map[string]func(string) string{"partials.html": replace(t, `<p>{{.Page.Typeset .Entry.Meta.Summary}}</p>`, `<p>{{.Page.Typeset .Entry.Meta.Summry}}</p>`)},
		want:  []string{fmt.Sprintf(`templates/partials.html:%d:26: executing "card" at <.Entry.Meta.Summry>: can't evaluate field Summry in type content.Meta`, lineOf(t, "partials.html", `<p>{{.Page.Typeset .Entry.Meta.Summary}}</p>`))},
	}, {
		name:  "escaping: branches that end in different contexts",
		edits: page(`<p>{{if .Title}}<a href="{{end}}x">`),
		want:  []string{`templates/page.html:2:9: {{if}} branches end in different contexts: {stateURL delimDoubleQuote urlPartNone jsCtxRegexp [] attrURL elementNone <nil>}, {stateText delimNone urlPartNone jsCtxRegexp [] attrNone elementNone <nil>}`},
	}, {
		name:  "escaping: no such template",
		edits: page(`<p>{{template "lede" .}}</p>`),
		want:  []string{`templates/page.html:2:15: no such template "lede"`},
	}, {
		// html/template names only the template it was escaping, the
		// layout, which calls the page's "main".
		name:  "escaping: a template that ends inside a tag",
		edits: page(`<p title="{{.Title}}`),
		want:  []string{`templates/layout.html:1:1: ends in a non-text context: {stateAttr delimDoubleQuote urlPartNone jsCtxRegexp [] attrNone elementNone <nil>}`},
	}} {
		t.Run(c.name, func(t *testing.T) {
			th, err := themeWith(t, c.edits)
			if err == nil {
				err = render.Check(render.Pages(s, th, markdown.New()))
			}
			if got := problems(t, err); !slices.Equal(got, c.want) {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

// TestMissingStrings checks that a string the templates or the generator
// ask for, missing from strings.yaml, is a problem when the theme is
// loaded: at the key in the template, even where no page of the site
// goes; at strings.yaml for the generator's own.
func TestMissingStrings(t *testing.T) {
	drop := func(key string) func(string) string {
		return func(s string) string {
			i := strings.Index(s, "\n"+key+":")
			if i < 0 {
				t.Fatalf("strings.yaml has no %s", key)
			}
			n := strings.IndexByte(s[i+1:], '\n')
			return s[:i] + s[i+1+n:]
		}
	}
	for _, c := range []struct {
		name  string
		edits map[string]func(string) string
		want  []string
	}{{
		name: "in templates, taken or not",
		edits: map[string]func(string) string{
			"page.html": text("{{define \"main\"}}\n<h1>{{.T \"page_titel\"}}</h1>\n" +
				"{{if eq .Kind \"home\"}}{{.T \"never_shown\"}} {{$.In .Lang \"read_in_ko\"}}{{end}}\n{{end}}\n"),
			"partials.html": replace(t, `$.Page.T "status_new"`, `$.Page.T "status_nwe"`),
		},
		want: []string{
			`templates/page.html:2:10: no string "page_titel" in strings.yaml`,
			`templates/page.html:3:28: no string "never_shown" in strings.yaml`,
			`templates/page.html:3:57: no string "read_in_ko" in strings.yaml`,
			fmt.Sprintf(`templates/partials.html:%d:89: no string "status_nwe" in strings.yaml`, lineOf(t, "partials.html", `"status_new"`)),
		},
	}, {
		name:  "in a template and in strings.yaml",
		edits: map[string]func(string) string{"strings.yaml": drop("skip_link")},
		want:  []string{fmt.Sprintf(`templates/layout.html:%d:40: no string "skip_link" in strings.yaml`, lineOf(t, "layout.html", `"skip_link"`))},
	}, {
		name:  "a count's form",
		edits: map[string]func(string) string{"strings.yaml": drop("barrier_count_one")},
		want:  []string{fmt.Sprintf(`templates/sector.html:%d:29: no string "barrier_count_one" in strings.yaml`, lineOf(t, "sector.html", `"barrier_count"`))},
	}, {
		name:  "the generator's own",
		edits: map[string]func(string) string{"strings.yaml": drop("barriers_description")},
		want:  []string{`templates/strings.yaml:1:1: no string "barriers_description", which the generator needs for the description of the barrier index`},
	}, {
		name:  "every language",
		edits: map[string]func(string) string{"strings.yaml": replace(t, `feed_title: {en: "Barrier entries (Atom feed)", `, `feed_title: {`)},
		want:  []string{fmt.Sprintf(`templates/strings.yaml:%d:13: "feed_title" is missing its "en"`, lineOf(t, "strings.yaml", "\nfeed_title:")+1)},
	}} {
		t.Run(c.name, func(t *testing.T) {
			_, err := themeWith(t, c.edits)
			if got := problems(t, err); !slices.Equal(got, c.want) {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

// TestScriptsMinified: a static script is published without its comments
// and spaces, smaller, still holding its code; one that does not parse is
// an error naming its file.
func TestScriptsMinified(t *testing.T) {
	th, err := themeWith(t, map[string]func(string) string{
		"static/extra.js": text("// A comment for the script's readers.\nconst answer = 6 * 7;\n\nwindow.answer = answer;\n"),
	})
	if err != nil {
		t.Fatal(err)
	}
	got := string(th.Files[th.Assets["extra.js"]])
	if strings.Contains(got, "comment") || strings.Contains(got, "\n\n") || !strings.Contains(got, "window.answer") {
		t.Errorf("extra.js published as %q", got)
	}
	_, err = themeWith(t, map[string]func(string) string{"static/broken.js": text("const = ;\n")})
	if err == nil || !strings.Contains(err.Error(), "broken.js") {
		t.Errorf("a script that does not parse: %v", err)
	}
}
