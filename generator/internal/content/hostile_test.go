package content

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"explainer/generator/internal/diag"
)

const testConfig = `title: {en: Title, ko: 제목}
description: {en: About, ko: 소개}
base_url: https://example.org/
languages:
  - {code: en, name: English, locale: en_US}
  - {code: ko, name: 한국어, locale: ko_KR}
report_year: 2025
sectors:
  - {id: defense, name: {en: Defense, ko: 국방}}
`

const goodPage = "---\ntitle: About\nsummary: What this is.\n---\n\nText.\n"

// problems loads fsys and returns every problem as printed.
func problems(t *testing.T, fsys fs.FS, dir string) []string {
	t.Helper()
	_, err := Load(fsys, dir)
	var out []string
	for _, e := range diag.AsList(err) {
		out = append(out, e.Error())
	}
	return out
}

func mapFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{"site.yaml": {Data: []byte(testConfig)}}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return fsys
}

func page(frontMatter, body string) string {
	return "---\ntitle: About\nsummary: What this is.\n" + frontMatter + "---\n" + body
}

// hostileDocs are files an editor could commit, by mistake or on purpose;
// each must give a clear error at its place, and none may panic or hang.
var hostileDocs = []struct {
	name string
	text string
	want string
}{
	{"billion laughs", "---\ntitle: &a [x, x, x, x, x, x, x, x, x]\nsummary: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nweight: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n---\nText\n",
		"content/pages/about.en.md:2:8: YAML anchors, aliases and merge keys are not supported here; write the value out"},
	{"merge key", page("figures:\n  - <<: {id: a}\n", "Text\n"),
		"content/pages/about.en.md:5:5: YAML anchors, aliases and merge keys are not supported here; write the value out"},
	{"tag", page("weight: !!binary aGVsbG8=\n", "Text\n"),
		"content/pages/about.en.md:4:9: YAML tags are not supported here; write the value without !!binary"},
	{"deep flow nesting", page("weight: "+strings.Repeat("[", 100000)+strings.Repeat("]", 100000)+"\n", "Text\n"),
		"content/pages/about.en.md:4:41: YAML nests lists and mappings more than 32 deep"},
	{"deep mapping nesting", page("weight: "+strings.Repeat("{a: ", 40)+"1"+strings.Repeat("}", 40)+"\n", "Text\n"),
		"content/pages/about.en.md:4:137: YAML nests lists and mappings more than 32 deep"},
	{"huge scalar", page("summary2: \""+strings.Repeat("x", 300<<10)+"\"\n", "Text\n"),
		"content/pages/about.en.md:2:1: YAML block is 300 KiB; the limit is 256 KiB"},
	{"NUL byte", page("", "Text\x00 more\n"),
		"content/pages/about.en.md:5:5: file is binary (it contains a NUL byte), not markdown text"},
	{"PNG saved as markdown", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
		"content/pages/about.en.md:3:1: file is binary (it contains a NUL byte), not markdown text"},
	{"invalid UTF-8", page("", "Caf\xe9\n"),
		"content/pages/about.en.md:5:4: file is not valid UTF-8 text (invalid byte 0xe9); save it as UTF-8"},
	{"10 MB entry", page("", strings.Repeat("A long line of text.\n", 10<<20/21)),
		"content/pages/about.en.md:1:1: file is 10.0 MiB; the limit is 1.0 MiB per file: split it into smaller pages"},
	{"deep block quotes", page("", "\n"+strings.Repeat("> ", 100000)+"x\n"),
		"content/pages/about.en.md:6:1: this line nests block quotes and lists 100000 deep; the limit is 32"},
	{"deep lists on one line", page("", "\n"+strings.Repeat("- 1. ", 20)+"x\n"),
		"content/pages/about.en.md:6:1: this line nests block quotes and lists 40 deep; the limit is 32"},
	{"deep indentation", page("", "\n"+strings.Repeat(" ", 300)+"- x\n"),
		"content/pages/about.en.md:6:1: this line is indented 300 columns; the limit is 256"},
	{"unclosed links", page("", "\n"+strings.Repeat("[a](", 10000)+"\n"),
		"content/pages/about.en.md:6:1: this paragraph (or table) is more than 8 KiB without a blank line; the limit is 8 KiB: break it up"},
	{"empty", "  \n\n", "content/pages/about.en.md:1:1: file is empty; write its front matter and text, or delete it"},
	{"unclosed front matter", "---\ntitle: x\n", `content/pages/about.en.md:1:1: front matter is not closed: add a line "---" after the last key`},
}

func TestHostileDocuments(t *testing.T) {
	for _, c := range hostileDocs {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			got := problems(t, mapFS(map[string]string{"pages/about.en.md": c.text}), "content")
			if len(got) == 0 || got[0] != c.want {
				t.Errorf("got  %q\nwant %q", got, c.want)
			}
			if d := time.Since(start); d > 20*time.Second {
				t.Logf("took %v", d) // not an assertion: the benchmarks measure
			}
		})
	}
}

// Long fenced code and long text in separate paragraphs are not limited.
func TestLimitsLeaveOrdinaryTextAlone(t *testing.T) {
	code := "```yaml\n" + strings.Repeat("      key: value with some text\n", 1000) + "```\n"
	prose := strings.Repeat(strings.Repeat("A sentence of ordinary prose. ", 60)+"\n\n", 100)
	nested := "> quote\n> - item\n>   - item\n>     1. item\n"
	if got := problems(t, mapFS(map[string]string{"pages/about.en.md": page("", code+prose+nested)}), "content"); got != nil {
		t.Errorf("ordinary text refused: %q", got)
	}
}

func TestHostileFileNames(t *testing.T) {
	for name, want := range map[string]string{
		"pages/About.en.md":       `content/pages/About.en.md:1:1: file name "About.en.md": slug "About" must be lower-case ASCII letters and digits joined by single hyphens`,
		"pages/about us.en.md":    `content/pages/about us.en.md:1:1: file name "about us.en.md": slug "about us" must be lower-case ASCII letters and digits joined by single hyphens`,
		"pages/ab..en.md":         `content/pages/ab..en.md:1:1: file name "ab..en.md": slug "ab." must be lower-case ASCII letters and digits joined by single hyphens`,
		"pages/..en.md":           ``, // a dot file: skipped like .DS_Store
		"pages/аbout.en.md":       `content/pages/аbout.en.md:1:1: file name "аbout.en.md": slug "аbout" must be lower-case ASCII letters and digits joined by single hyphens`,
		"pages/about.еn.md":       `content/pages/about.еn.md:1:1: file name "about.еn.md" has unknown language "еn"; languages are: en, ko`,
		"pages/about.en.md.":      `content/pages/about.en.md.:1:1: file name "about.en.md." does not end in .md`,
		"pages/about.en.MD":       `content/pages/about.en.MD:1:1: file name "about.en.MD" does not end in .md`,
		"pages/about\u200b.en.md": "content/pages/about\u200b.en.md:1:1: file name \"about\\u200b.en.md\": slug \"about\\u200b\" must be lower-case ASCII letters and digits joined by single hyphens", // a zero-width space
		"pages/sub/about.en.md":   `content/pages/sub:1:1: unexpected folder; barriers go in barriers/, other pages in pages/ and pictures in pictures/`,
	} {
		got := problems(t, mapFS(map[string]string{name: goodPage}), "content")
		if want == "" {
			if got != nil {
				t.Errorf("%s: %q, want no problem", name, got)
			}
			continue
		}
		if len(got) == 0 || got[0] != want {
			t.Errorf("%s:\n got  %q\n want %q", name, got, want)
		}
	}
}

// TestSymbolicLinks builds a real folder: os.DirFS follows links wherever
// they lead, which is what must be refused.
func TestSymbolicLinks(t *testing.T) {
	root := t.TempDir()
	secret := filepath.Join(root, "secret.en.md")
	dir := filepath.Join(root, "content")
	for name, text := range map[string]string{
		"site.yaml": testConfig, "pages/real.en.md": goodPage, "../secret.en.md": goodPage,
		"../outside/x.en.md": goodPage,
	} {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	links := map[string]string{
		"pages/absolute.en.md": secret,
		"pages/relative.en.md": "../../secret.en.md",
		"pages/chain.en.md":    "relative.en.md", // inside, then outside
		"pages/loop.en.md":     "loop2.en.md",
		"pages/loop2.en.md":    "loop.en.md",
		"pages/inside.en.md":   "real.en.md", // fine: a link within the folder
		"barriers":             "../outside",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			t.Fatal(err)
		}
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "pages", "pipe.en.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	got := problems(t, os.DirFS(dir), "content")
	want := []string{
		"content/barriers:1:1: symbolic link to ../outside, which is outside the content folder; copy the file into the content folder instead",
		"content/pages/absolute.en.md:1:1: symbolic link to " + secret + ", which is outside the content folder; copy the file into the content folder instead",
		"content/pages/chain.en.md:1:1: symbolic link to ../../secret.en.md, which is outside the content folder; copy the file into the content folder instead",
		"content/pages/loop.en.md:1:1: symbolic link loop: more than 40 links to follow",
		"content/pages/loop2.en.md:1:1: symbolic link loop: more than 40 links to follow",
		"content/pages/pipe.en.md:1:1: not a regular file (p---------); the content folder holds only text files",
		"content/pages/relative.en.md:1:1: symbolic link to ../../secret.en.md, which is outside the content folder; copy the file into the content folder instead",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
