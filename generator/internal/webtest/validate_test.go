package webtest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// htmlValidateVersion is the html-validate release .ci/run installs: the
// newest that runs on Node.js 20.
const htmlValidateVersion = "10.17.0"

// htmlValidate finds the html-validate command: $HTML_VALIDATE, else
// .ci/node_modules (where .ci/run installs it), else $PATH.
func htmlValidate(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("HTML_VALIDATE"); p != "" {
		return p
	}
	local, err := filepath.Abs(filepath.Join(repoRoot, ".ci", "node_modules", ".bin", "html-validate"))
	if err == nil {
		if _, err := os.Stat(local); err == nil {
			return local
		}
	}
	if p, err := exec.LookPath("html-validate"); err == nil {
		return p
	}
	msg := "html-validate is not installed; install it with: npm install --no-save --no-package-lock --prefix .ci html-validate@" + htmlValidateVersion
	if os.Getenv("CI") != "" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// TestHTMLValidates runs html-validate over every page of the built site
// and wants no error. The rules are html-validate's recommended set (HTML
// validity, accessibility, and common mistakes) less two matters of taste:
// doctype-style (the HTML standard itself writes <!doctype html> in lower
// case) and long-title (titles carry the site's name after the page's; how
// much a search engine shows is its choice).
func TestHTMLValidates(t *testing.T) { eachContent(t, checkHTMLValidates) }

func checkHTMLValidates(t *testing.T, dir string) {
	bin := htmlValidate(t)
	out := buildSite(t, dir, "http://127.0.0.1/explainer/")
	config, err := filepath.Abs("testdata/htmlvalidate.json")
	if err != nil {
		t.Fatal(err)
	}
	args := []string{"--config", config, "--formatter", "text"}
	pages := 0
	for _, f := range files(t, out) {
		if strings.HasSuffix(f, ".html") {
			args = append(args, filepath.Join(out, filepath.FromSlash(f)))
			pages++
		}
	}
	cmd := exec.Command(bin, args...)
	cmd.Dir = out
	report, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("html-validate (%d pages): %v\n%s", pages, err, report)
	}
	t.Logf("html-validate: %d pages, no errors", pages)
}
