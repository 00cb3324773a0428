package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"explainer/generator/internal/build"
)

func TestNew(t *testing.T) {
	dir := testSite(t)
	tmpl := templatesDir(t)
	t.Chdir(dir)
	code, out, errOut := gen(t, "new", "defense-offset", "-sector", "agriculture")
	if code != 0 {
		t.Fatalf("new failed: %s", errOut)
	}
	for _, l := range []string{"en", "ko"} {
		p := filepath.Join("content", "barriers", "defense-offset."+l+".md")
		if !strings.Contains(out, "created "+p) {
			t.Errorf("stdout does not name %s:\n%s", p, out)
		}
		text := readFile(t, p)
		for _, want := range []string{"sector: agriculture", "draft: true", "first_listed: 2025", "# status: unchanged", "# status_date: YYYY-MM-DD", "{#rule}"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s lacks %q:\n%s", p, want, text)
			}
		}
	}
	// The Korean file starts as a translation of the English one, so an
	// edit of the English shows it as stale.
	if code, st, errOut := gen(t, "status"); code != 0 || !strings.Contains(st, "up to date     content/barriers/defense-offset.ko.md\n") {
		t.Errorf("status after new (exit %d):\n%s%s", code, st, errOut)
	}
	// The new files are valid as they are: as drafts, and published.
	for _, drafts := range []bool{false, true} {
		if _, err := build.Run(build.Options{Content: "content", Templates: tmpl, DryRun: true, Drafts: drafts}); err != nil {
			t.Fatalf("the new files do not build (drafts %v):\n%v", drafts, err)
		}
	}

	refusals := []struct {
		args []string
		want string
	}{
		{[]string{"new", "defense-offset"}, "generator new: content/barriers/defense-offset.en.md already exists; choose another slug or edit that file\n"},
		{[]string{"new", "Defense_Offset"}, "generator new: slug \"Defense_Offset\" must be lower-case ASCII letters and digits joined by single hyphens, such as defense-offset\n"},
		{[]string{"new", "steel", "-sector", "digitl"}, "generator new: unknown sector \"digitl\"; did you mean \"digital\"?\n"},
		{[]string{"new", "steel", "-sector", "space"}, "generator new: unknown sector \"space\"; sectors are: agriculture, digital\n"},
	}
	for _, r := range refusals {
		code, _, errOut := gen(t, r.args...)
		if code != 1 || errOut != r.want {
			t.Errorf("%v: exit %d, stderr %q; want 1, %q", r.args, code, errOut, r.want)
		}
	}
	if _, err := os.Stat(filepath.Join("content", "barriers", "steel.en.md")); err == nil {
		t.Error("a refused new wrote a file")
	}
}

func TestNewWithoutSectorFailsCheckUntilFilled(t *testing.T) {
	dir := testSite(t)
	tmpl := templatesDir(t)
	t.Chdir(dir)
	if code, _, errOut := gen(t, "new", "steel"); code != 0 {
		t.Fatalf("new failed: %s", errOut)
	}
	_, err := build.Run(build.Options{Content: "content", Templates: tmpl, DryRun: true})
	if err == nil || !strings.Contains(err.Error(), "content/barriers/steel.en.md:5:8: \"sector\" must not be empty") {
		t.Fatalf("check of a barrier without a sector: %v", err)
	}
}

// TestTranslationStatus follows a translation through its states: never
// marked, marked as caught up, made stale by an edit of the English
// source (which readers of the Korean page then see), and caught up again.
func TestTranslationStatus(t *testing.T) {
	dir := testSite(t)
	tmpl := templatesDir(t)
	t.Chdir(dir)
	status := func() string {
		t.Helper()
		code, out, errOut := gen(t, "status")
		if code != 0 {
			t.Fatalf("status failed: %s", errOut)
		}
		return out
	}
	line := func(out, file string) string {
		for _, l := range strings.Split(out, "\n") {
			if strings.Contains(l, file) {
				return strings.Join(strings.Fields(l), " ")
			}
		}
		return ""
	}
	stalePage := func() bool {
		t.Helper()
		if _, err := build.Run(build.Options{Content: "content", Templates: tmpl, Out: "public"}); err != nil {
			t.Fatal(err)
		}
		en := readFile(t, filepath.Join("public", "en", "barriers", "beef", "index.html"))
		other := readFile(t, filepath.Join("public", "ko", "barriers", "cloud", "index.html"))
		if strings.Contains(en, "stale-notice") || strings.Contains(other, "stale-notice") {
			t.Error("a notice on the English page or on a translation never marked")
		}
		ko := readFile(t, filepath.Join("public", "ko", "barriers", "beef", "index.html"))
		return strings.Contains(ko, `<aside class="stale-notice" role="note"><p>이 글은 원문(영문)이 수정되기 전에 번역한 것이어서 최신 내용과 다를 수 있습니다. <a href="/site/en/barriers/beef/" hreflang="en">영문 원문 보기</a></p></aside>`)
	}

	gitInit(t)
	out := status()
	if got := line(out, "beef.ko.md"); got != "never marked content/barriers/beef.ko.md: never marked as translated from its source" {
		t.Errorf("before marking: %q", got)
	}
	if !strings.Contains(out, "4 never marked") {
		t.Errorf("summary line missing:\n%s", out)
	}
	if stalePage() {
		t.Error("a translation never marked shows the notice")
	}

	code, out, errOut := gen(t, "translated", "beef")
	if code != 0 {
		t.Fatalf("translated failed: %s", errOut)
	}
	if !strings.HasPrefix(out, "marked content/barriers/beef.ko.md as translated from content/barriers/beef.en.md (") {
		t.Errorf("translated printed %q", out)
	}
	if got := line(status(), "beef.ko.md"); got != "up to date content/barriers/beef.ko.md" {
		t.Errorf("after marking: %q", got)
	}

	// The marked version is in git's history; the edit after it is not
	// committed: status shows it as a diff.
	gitCommit(t, "marked")
	en := filepath.Join("content", "barriers", "beef.en.md")
	writeText(t, en, readFile(t, en)+"\nA new paragraph.\n")
	out = status()
	if got := line(out, "beef.ko.md"); got != "stale content/barriers/beef.ko.md: content/barriers/beef.en.md changed since it was translated" {
		t.Errorf("after editing the source: %q", got)
	}
	if !strings.Contains(out, "\n    +A new paragraph.\n") || !strings.Contains(out, "make translated F=<file>") {
		t.Errorf("status does not show what changed, or the make command:\n%s", out)
	}
	if !stalePage() {
		t.Error("the stale Korean page shows no notice")
	}

	// Line endings and trailing spaces are not changes of the text.
	ko := filepath.Join("content", "barriers", "beef.ko.md")
	if code, _, errOut := gen(t, "translated", ko); code != 0 {
		t.Fatalf("translated %s failed: %s", ko, errOut)
	}
	text := strings.Replace(readFile(t, en), "A new paragraph.", "A new paragraph.   ", 1)
	writeText(t, en, strings.ReplaceAll(text, "\n", "\r\n"))
	if got := line(status(), "beef.ko.md"); got != "up to date content/barriers/beef.ko.md" {
		t.Errorf("after changing only line endings: %q", got)
	}
	if stalePage() {
		t.Error("the caught-up Korean page still shows the notice")
	}
}

func TestTranslatedRefuses(t *testing.T) {
	dir := testSite(t)
	t.Chdir(dir)
	cases := []struct{ arg, want string }{
		{"content/barriers/beef.en.md", "generator translated: content/barriers/beef.en.md is in the default language, the source of translations; name its translation instead, such as content/barriers/beef.ko.md\n"},
		{"steel", "generator translated: no translation of \"steel\" found in content, barriers/ or pages/\n"},
	}
	for _, c := range cases {
		code, _, errOut := gen(t, "translated", c.arg)
		if code != 1 || errOut != c.want {
			t.Errorf("translated %s: exit %d, stderr %q; want 1, %q", c.arg, code, errOut, c.want)
		}
	}
}

// TestRealContentShowsNoStaleNotice builds the real content: translations
// that were never marked must not show readers the stale notice.
func TestRealContentShowsNoStaleNotice(t *testing.T) {
	out := t.TempDir()
	_, err := build.Run(build.Options{Content: "../content", Templates: "../templates", Out: filepath.Join(out, "public")})
	if err != nil {
		t.Fatal(err)
	}
	pages := 0
	err = filepath.WalkDir(filepath.Join(out, "public"), func(p string, e os.DirEntry, err error) error {
		if err != nil || filepath.Ext(p) != ".html" {
			return err
		}
		pages++
		b, err := os.ReadFile(p)
		if err == nil && strings.Contains(string(b), `class="stale-notice"`) {
			rel, _ := filepath.Rel(out, p)
			t.Errorf("%s shows the stale notice", rel)
		}
		return err
	})
	if err != nil || pages < 10 {
		t.Fatalf("walked %d pages: %v", pages, err)
	}
}

// gitInit makes the working folder a git repository with everything in it
// committed.
func gitInit(t *testing.T) {
	t.Helper()
	gitRun(t, "init", "-q")
	gitCommit(t, "first")
}

func gitCommit(t *testing.T, msg string) {
	t.Helper()
	gitRun(t, "add", "-A")
	gitRun(t, "-c", "user.name=Editor", "-c", "user.email=editor@example.com", "commit", "-q", "-m", msg)
}

func gitRun(t *testing.T, args ...string) {
	t.Helper()
	if out, err := exec.Command("git", args...).CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

// TestStatusForCI: -format github annotates each translation that is not
// up to date and lists them in the run's summary; -strict fails then, and
// passes once every translation is marked.
func TestStatusForCI(t *testing.T) {
	dir := testSite(t)
	t.Chdir(dir)
	summary := filepath.Join(t.TempDir(), "summary.md")
	t.Setenv("GITHUB_STEP_SUMMARY", summary)
	code, out, errOut := gen(t, "status", "-format", "github", "-strict")
	if code != 1 || !strings.Contains(errOut, "translations are not up to date (-strict)") {
		t.Errorf("status -strict with translations never marked: exit %d, stderr %q; want 1", code, errOut)
	}
	want := "::warning file=content/barriers/beef.ko.md,line=1,col=1::never marked never marked as translated from its source\n"
	if !strings.Contains(out, want) {
		t.Errorf("stdout:\n%s\nwant a line:\n%s", out, want)
	}
	if got := readFile(t, summary); !strings.Contains(got, "| `content/barriers/beef.ko.md` | never marked | check it against its source, then run `make translated F=<file>` |\n") {
		t.Errorf("summary:\n%s", got)
	}
	for _, slug := range []string{"beef", "cloud", "summary", "glossary"} {
		if code, _, errOut := gen(t, "translated", slug); code != 0 {
			t.Fatalf("translated %s: %s", slug, errOut)
		}
	}
	if code, out, errOut := gen(t, "status", "-strict"); code != 0 {
		t.Errorf("status -strict with every translation marked: exit %d\n%s%s", code, out, errOut)
	}
}
