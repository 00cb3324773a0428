package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// testSite writes the test site of the build package's testdata/base.txtar
// into a temporary folder and returns the folder; the content is in its
// content/ folder. Templates come from the repository's templates/.
func testSite(t *testing.T) string {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("internal", "build", "testdata", "base.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range ar.Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func templatesDir(t *testing.T) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join("..", "templates"))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// gen runs the generator with args and returns its exit code and output.
func gen(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func readFile(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func writeText(t *testing.T, p, s string) {
	t.Helper()
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestCheckGitHubAnnotations(t *testing.T) {
	dir := testSite(t)
	p := filepath.Join(dir, "content", "barriers", "beef.en.md")
	writeText(t, p, strings.Replace(readFile(t, p), "sector: agriculture", "sector: agri, food", 1))
	tmpl := templatesDir(t)
	t.Chdir(dir)
	summary := filepath.Join(t.TempDir(), "summary.md")
	t.Setenv("GITHUB_STEP_SUMMARY", summary)
	code, out, errOut := gen(t, "check", "-format", "github", "-templates", tmpl)
	if code != 1 {
		t.Fatalf("exit code %d, want 1; stderr:\n%s", code, errOut)
	}
	want := "::error file=content/barriers/beef.en.md,line=4,col=9::unknown sector \"agri, food\"; sectors are: agriculture, digital\n"
	if out != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", out, want)
	}
	if !strings.Contains(errOut, "content/barriers/beef.en.md:4:9: unknown sector") {
		t.Errorf("stderr does not list the problem as text:\n%s", errOut)
	}
	wantSummary := "### generator check\n\n| | where | problem |\n| --- | --- | --- |\n" +
		"| error | `content/barriers/beef.en.md:4:9` | unknown sector \"agri, food\"; sectors are: agriculture, digital |\n\n"
	if got := readFile(t, summary); got != wantSummary {
		t.Errorf("step summary:\n%s\nwant:\n%s", got, wantSummary)
	}
}

// TestCheckGitHubWarnings: a build that succeeds with warnings shows them
// on the pull request too.
func TestCheckGitHubWarnings(t *testing.T) {
	dir := testSite(t)
	p := filepath.Join(dir, "content", "barriers", "beef.en.md")
	writeText(t, p, readFile(t, p)+"\n<iframe src=\"https://example.com/\"></iframe>\n")
	tmpl := templatesDir(t)
	t.Chdir(dir)
	summary := filepath.Join(t.TempDir(), "summary.md")
	t.Setenv("GITHUB_STEP_SUMMARY", summary)
	code, out, errOut := gen(t, "check", "-format", "github", "-templates", tmpl)
	if code != 0 {
		t.Fatalf("exit code %d, want 0; stderr:\n%s", code, errOut)
	}
	if !strings.HasPrefix(out, "::warning file=content/barriers/beef.en.md,line=") || !strings.Contains(out, "iframe") {
		t.Errorf("stdout has no warning annotation for the iframe:\n%s", out)
	}
	if got := readFile(t, summary); !strings.Contains(got, "| warning | `content/barriers/beef.en.md:") {
		t.Errorf("step summary has no warning row:\n%s", got)
	}
}

func TestSummaryEscapesCells(t *testing.T) {
	if got, want := mdCell("a|b\n<i>"), `a\|b &lt;i&gt;`; got != want {
		t.Errorf("mdCell = %q, want %q", got, want)
	}
}

func TestEscapeProperty(t *testing.T) {
	if got, want := escapeProperty("a,b:c%d\ne"), "a%2Cb%3Ac%25d%0Ae"; got != want {
		t.Errorf("escapeProperty = %q, want %q", got, want)
	}
}

func TestCheckMakesNoOutput(t *testing.T) {
	dir := testSite(t)
	tmpl := templatesDir(t)
	t.Chdir(dir)
	code, out, errOut := gen(t, "check", "-templates", tmpl)
	if code != 0 {
		t.Fatalf("check failed: %s", errOut)
	}
	if !strings.HasPrefix(out, "ok: ") {
		t.Errorf("stdout = %q", out)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != "content" {
			t.Errorf("check wrote %s", e.Name())
		}
	}
}

// TestCheckWarningsWithErrors: a check that fails still prints the
// warnings, with the errors, and counts them apart.
func TestCheckWarningsWithErrors(t *testing.T) {
	dir := testSite(t)
	p := filepath.Join(dir, "content", "barriers", "beef.en.md")
	text := strings.Replace(readFile(t, p), "sector: agriculture", "sector: agri", 1)
	writeText(t, p, text+"\n<iframe src=\"https://example.com/\"></iframe>\n")
	tmpl := templatesDir(t)
	t.Chdir(dir)
	code, _, errOut := gen(t, "check", "-templates", tmpl)
	if code != 1 {
		t.Fatalf("exit code %d, want 1; stderr:\n%s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(errOut), "\n")
	want := []string{
		`content/barriers/beef.en.md:4:9: unknown sector "agri"; sectors are: agriculture, digital`,
		"content/barriers/beef.en.md:13:1: warning: raw HTML <iframe> removed with its content; markdown pages may use only simple formatting tags",
		"1 problem (and 1 warning); fix it and check again",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("stderr:\n%s\nwant:\n%s", errOut, strings.Join(want, "\n"))
	}
}
