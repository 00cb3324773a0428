package build

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"explainer/generator/internal/diag"
)

// TestErrors builds each case of testdata/errors, a site with one kind of
// mistake an editor can make, and compares the problems reported, position
// included, with the case's "stderr" section. A failed build must leave the
// previous output folder exactly as it was.
func TestErrors(t *testing.T) {
	for name, ar := range cases(t, "errors") {
		t.Run(name, func(t *testing.T) {
			want, ok := section(ar, "stderr")
			if !ok {
				t.Fatal("the case has no stderr section")
			}
			dir := writeSite(t, ar)
			t.Chdir(dir)
			writeFile(t, filepath.Join("public", "old.html"), []byte("the previous site"))

			_, err := Run(Options{Content: "content", Templates: "templates", Out: "public"})
			if err == nil {
				t.Fatal("the build succeeded")
			}
			es := diag.AsList(err)
			if es == nil {
				t.Fatalf("the build failed without a positioned problem: %v", err)
			}
			var got []string
			for _, e := range es {
				got = append(got, e.Error())
			}
			wantLines := strings.Split(strings.TrimSpace(want), "\n")
			if !slices.Equal(got, wantLines) {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantLines, "\n"))
			}
			assertUntouched(t, ".")
		})
	}
}

// assertUntouched checks that the output folder in dir still holds only
// the previous site and that no half-written folder was left beside it.
func assertUntouched(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(dir, "public"))
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Name() != "old.html" {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("public/ holds %v after a failed build, want only old.html", names)
	}
	data, err := os.ReadFile(filepath.Join(dir, "public", "old.html"))
	if err != nil || string(data) != "the previous site" {
		t.Errorf("public/old.html changed: %q, %v", data, err)
	}
	left, _ := filepath.Glob(filepath.Join(dir, ".public.new-*"))
	if len(left) > 0 {
		t.Errorf("a failed build left %v behind", left)
	}
}
