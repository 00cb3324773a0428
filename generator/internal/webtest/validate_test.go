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

// TestHTMLValidates runs html-validate over every page of every built site
// and wants no error. The rules are html-validate's recommended set (HTML
// validity, accessibility, and common mistakes) less two matters of taste:
// doctype-style (the HTML standard itself writes <!doctype html> in lower
// case) and long-title (titles carry the site's name after the page's; how
// much a search engine shows is its choice). One validator process reads
// every page of every site: starting Node.js and html-validate costs as
// much as validating a dozen pages. Each site's errors are reported in a
// subtest of its own.
func TestHTMLValidates(t *testing.T) {
	bin := htmlValidate(t)
	config, err := filepath.Abs("testdata/htmlvalidate.json")
	if err != nil {
		t.Fatal(err)
	}
	type site struct {
		name, out string
		pages     int
	}
	var sites []site
	args := []string{"--config", config, "--formatter", "text"}
	for _, c := range contentDirs(t) {
		s := site{name: c.name, out: buildSite(t, c.dir, "http://127.0.0.1/explainer/")}
		for _, f := range files(t, s.out) {
			if strings.HasSuffix(f, ".html") {
				args = append(args, filepath.Join(s.out, filepath.FromSlash(f)))
				s.pages++
			}
		}
		sites = append(sites, s)
	}
	cmd := exec.Command(bin, args...)
	cmd.Dir = t.TempDir()
	report, err := cmd.CombinedOutput()
	// The text formatter writes a line per problem: path:line:col: error [rule] message.
	lines := strings.SplitAfter(string(report), "\n")
	attributed := false
	for _, s := range sites {
		t.Run(s.name, func(t *testing.T) {
			var errs []string
			for _, l := range lines {
				if strings.HasPrefix(l, s.out+string(filepath.Separator)) && strings.Contains(l, ": error ") {
					errs = append(errs, l)
				}
			}
			if len(errs) > 0 {
				attributed = true
				t.Fatalf("html-validate (%d pages): %v\n%s", s.pages, err, strings.Join(errs, ""))
			}
			t.Logf("html-validate: %d pages, no errors", s.pages)
		})
	}
	if err != nil && !attributed {
		t.Fatalf("html-validate: %v\n%s", err, report)
	}
}
