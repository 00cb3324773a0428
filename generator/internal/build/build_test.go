package build

import (
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// runIn builds the fixture in dir, with paths as the CLI gives them.
func runIn(t *testing.T, dir string, opt Options) (*Result, error) {
	t.Helper()
	t.Chdir(dir)
	if opt.Content == "" {
		opt.Content = "content"
	}
	if opt.Templates == "" {
		opt.Templates = "templates"
	}
	if opt.Out == "" && !opt.DryRun {
		opt.Out = "public"
	}
	return Run(opt)
}

// TestSites builds each testdata/site/*.txtar, a whole site by itself (see
// site_test.go for the sections): either the build fails with exactly the
// problems of its stderr section and writes nothing, or its pages hold what
// its contains sections say.
func TestSites(t *testing.T) {
	archives, _ := filepath.Glob("testdata/site/*.txtar")
	if len(archives) == 0 {
		t.Fatal("no fixtures")
	}
	for _, archive := range archives {
		t.Run(strings.TrimSuffix(filepath.Base(archive), ".txtar"), func(t *testing.T) {
			dir, ar := writeWhole(t, archive)
			_, err := runIn(t, dir, Options{})
			if want, ok := section(ar, "stderr"); ok {
				if err == nil {
					t.Fatalf("build succeeded; want errors:\n%s", want)
				}
				if got := err.Error() + "\n"; got != want {
					t.Errorf("errors:\n%s\nwant:\n%s", got, want)
				}
				if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
					t.Errorf("a failed build wrote public/")
				}
				return
			}
			if err != nil {
				t.Fatalf("build failed:\n%v", err)
			}
			if checkContains(t, filepath.Join(dir, "public"), ar) == 0 {
				t.Fatal("the fixture has no contains section")
			}
		})
	}
}

// TestGolden compares every page of the basic fixture with its golden copy
// in testdata/golden; go test -update rewrites them. Assets are left out:
// their names carry the hash of their content, and the pages name them.
func TestGolden(t *testing.T) {
	golden, _ := filepath.Abs("testdata/golden")
	dir, _ := writeWhole(t, "testdata/site/basic.txtar")
	if _, err := runIn(t, dir, Options{BaseURL: "https://example.org/explainer/"}); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "public")
	if err := os.RemoveAll(filepath.Join(out, "assets")); err != nil {
		t.Fatal(err)
	}
	if *update {
		os.RemoveAll(golden)
		if err := os.CopyFS(golden, os.DirFS(out)); err != nil {
			t.Fatal(err)
		}
		return
	}
	got := tree(t, out)
	want := tree(t, golden)
	for name, data := range want {
		if g, ok := got[name]; !ok {
			t.Errorf("%s: not built", name)
		} else if g != data {
			t.Errorf("%s differs from its golden copy; run go test -update and review the diff", name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s: built but has no golden copy; run go test -update", name)
		}
	}
}

func tree(t *testing.T, root string) map[string]string {
	t.Helper()
	files := make(map[string]string)
	err := filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		files[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestDeterministic builds the same input twice and compares every byte.
func TestDeterministic(t *testing.T) {
	dir, _ := writeWhole(t, "testdata/site/basic.txtar")
	if _, err := runIn(t, dir, Options{Out: "one"}); err != nil {
		t.Fatal(err)
	}
	if _, err := runIn(t, dir, Options{Out: "two"}); err != nil {
		t.Fatal(err)
	}
	one, two := tree(t, filepath.Join(dir, "one")), tree(t, filepath.Join(dir, "two"))
	if len(one) == 0 || len(one) != len(two) {
		t.Fatalf("built %d and %d files", len(one), len(two))
	}
	for name, data := range one {
		if two[name] != data {
			t.Errorf("%s differs between two builds of the same input", name)
		}
	}
}

// TestFailedBuildKeepsOutput checks that a build with errors leaves the
// previous output exactly as it was.
func TestFailedBuildKeepsOutput(t *testing.T) {
	dir, _ := writeWhole(t, "testdata/site/basic.txtar")
	if _, err := runIn(t, dir, Options{}); err != nil {
		t.Fatal(err)
	}
	before := tree(t, filepath.Join(dir, "public"))
	// Break a link and a template: both kinds of failure must leave it.
	page := filepath.Join(dir, "content", "barriers", "offset.en.md")
	src, _ := os.ReadFile(page)
	os.WriteFile(page, append(src, "\n[gone](nowhere.en.md)\n"...), 0o644)
	if _, err := runIn(t, dir, Options{}); err == nil || !strings.Contains(err.Error(), "nowhere.en.md") {
		t.Fatalf("build with a broken link: err = %v", err)
	}
	os.WriteFile(page, src, 0o644)
	os.WriteFile(filepath.Join(dir, "templates", "sector.html"), []byte(`{{define "main"}}{{.NoSuchField}}{{end}}`), 0o644)
	if _, err := runIn(t, dir, Options{}); err == nil || !strings.Contains(err.Error(), "templates/sector.html:1:") {
		t.Fatalf("build with a broken template: err = %v", err)
	}
	after := tree(t, filepath.Join(dir, "public"))
	if len(after) != len(before) {
		t.Fatalf("output had %d files, now %d", len(before), len(after))
	}
	for name, data := range before {
		if after[name] != data {
			t.Errorf("%s changed after a failed build", name)
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".public.new-*"))
	if len(leftovers) != 0 {
		t.Errorf("failed builds left %v", leftovers)
	}
}
