package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// minimal writes a one-barrier site (the real theme) into a new folder and
// returns the folder.
func minimal(t *testing.T, barrier string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "templates"), os.DirFS("../templates")); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"content/site.yaml": `title: {en: T, ko: T}
description: {en: D, ko: D}
base_url: "https://example.org/"
languages: [{code: en, name: English, locale: en_US}, {code: ko, name: 한국어, locale: ko_KR}]
report_year: 2025
sectors: [{id: energy, name: {en: Energy, ko: 에너지}}]
`,
		"content/summary.en.md":     "---\ntitle: Home\nsummary: S.\n---\nText.\n",
		"content/summary.ko.md":     "---\ntitle: 처음\nsummary: S.\n---\n본문.\n",
		"content/barriers/x.en.md":  barrier,
		"content/barriers/x.ko.md":  "---\ntitle: 원전\nsummary: S.\nsector: energy\nsources: [{title: s}]\n---\n본문.\n",
		"content/pages/about.en.md": "---\ntitle: About\nsummary: S.\n---\nText.\n",
		"content/pages/about.ko.md": "---\ntitle: 소개\nsummary: S.\n---\n본문.\n",
	}
	for name, data := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const goodBarrier = "---\ntitle: Nuclear\nsummary: S.\nsector: energy\nsources: [{title: s}]\n---\nText.\n"

func runCLI(t *testing.T, dir string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	t.Chdir(dir)
	var o, e bytes.Buffer
	code = run(args, &o, &e)
	return code, o.String(), e.String()
}

func TestBuildCommand(t *testing.T) {
	dir := minimal(t, goodBarrier)
	code, out, errs := runCLI(t, dir, "build", "-base-url", "https://example.org/sub")
	if code != 0 || !strings.HasPrefix(out, "built 14 pages into public") || errs != "" {
		t.Fatalf("build: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	page, err := os.ReadFile(filepath.Join(dir, "public/en/barriers/x/index.html"))
	if err != nil || !bytes.Contains(page, []byte(`<link rel="canonical" href="https://example.org/sub/en/barriers/x/">`)) {
		t.Errorf("the -base-url flag (with its slash added) did not reach the page: %v", err)
	}
}

// TestRepositoryFlag: -repository and -branch (as the Pages workflow
// passes them) give barrier pages their "edit this page" link, which
// site.yaml without a repository does not.
func TestRepositoryFlag(t *testing.T) {
	dir := minimal(t, goodBarrier)
	page := filepath.Join(dir, "public/en/barriers/x/index.html")
	const edit = `href="https://github.com/acme/explainer/edit/pages/content/barriers/x.en.md"`
	if code, _, errs := runCLI(t, dir, "build"); code != 0 || strings.Contains(readFile(t, page), "/edit/") {
		t.Fatalf("build without -repository: exit %d, %s; or an edit link without a repository", code, errs)
	}
	code, _, errs := runCLI(t, dir, "build", "-repository", "https://github.com/acme/explainer", "-branch", "pages")
	if code != 0 || !strings.Contains(readFile(t, page), edit) {
		t.Errorf("build -repository: exit %d, %s; the page has no %s", code, errs, edit)
	}
}

func TestCheckWritesNothing(t *testing.T) {
	dir := minimal(t, goodBarrier)
	code, out, _ := runCLI(t, dir, "check")
	if code != 0 || out != "ok: 14 pages checked\n" {
		t.Fatalf("check: exit %d, stdout %q", code, out)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
		t.Error("check wrote public/")
	}
}

func TestContentErrorsExitOne(t *testing.T) {
	dir := minimal(t, "---\ntitle: Nuclear\nsumary: S.\nsector: energy\nsources: x\n---\nText.\n")
	code, out, errs := runCLI(t, dir, "build")
	want := `content/barriers/x.en.md:3:1: unknown key "sumary"; did you mean "summary"?
content/barriers/x.en.md:5:10: "sources" must be a list of sources, each with a title and a url, not text ("x")
2 problems; nothing was written
`
	if code != 1 || out != "" || errs != want {
		t.Errorf("exit %d, stdout %q, stderr:\n%s\nwant:\n%s", code, out, errs, want)
	}
}

func TestUsageErrorsExitTwo(t *testing.T) {
	dir := minimal(t, goodBarrier)
	for _, args := range [][]string{
		{},
		{"frobnicate"},
		{"build", "-no-such-flag"},
		{"build", "extra"},
		{"build", "-base-url", "ftp://example.org/"},
		{"build", "-repository", "https://gitlab.com/acme/explainer"},
		{"build", "-repository", "https://github.com/acme/explainer", "-branch", "a..b"},
		{"check", "-out", "x"},
	} {
		if code, _, errs := runCLI(t, dir, args...); code != 2 || errs == "" {
			t.Errorf("%q: exit %d, stderr %q; want exit 2 and a message", args, code, errs)
		}
	}
}
