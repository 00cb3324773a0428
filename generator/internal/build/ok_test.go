package build

import "testing"

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
			checked := checkContains(t, "public", ar)
			if checked == 0 {
				t.Fatal("the case has no contains section")
			}
		})
	}
}
