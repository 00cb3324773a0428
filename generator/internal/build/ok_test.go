package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuilds builds each case of testdata/ok, a site that must build (files
// saved with a byte order mark or Windows line endings, for example), and
// checks that each built file named by a "contains PATH" section holds the
// section's lines.
func TestBuilds(t *testing.T) {
	for name, ar := range cases(t, "ok") {
		t.Run(name, func(t *testing.T) {
			dir := writeSite(t, ar)
			t.Chdir(dir)
			if _, err := Run(Options{Content: "content", Templates: "templates", Out: "public"}); err != nil {
				t.Fatalf("build failed:\n%v", err)
			}
			checked := 0
			for _, f := range ar.Files {
				rel, ok := strings.CutPrefix(f.Name, "contains ")
				if !ok {
					continue
				}
				checked++
				page, err := os.ReadFile(filepath.Join("public", filepath.FromSlash(rel)))
				if err != nil {
					t.Fatal(err)
				}
				for _, line := range strings.Split(strings.TrimSpace(string(f.Data)), "\n") {
					if !strings.Contains(string(page), line) {
						t.Errorf("%s does not contain %q", rel, line)
					}
				}
			}
			if checked == 0 {
				t.Fatal("the case has no contains section")
			}
		})
	}
}
