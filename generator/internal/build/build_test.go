package build

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// realTemplates is the repository's theme, which fixtures use unless they
// bring templates/ files of their own (laid over a copy of it).
const realTemplates = "../../../templates"

// fixture writes the files of a txtar archive into a new folder: content/
// and templates/ (a copy of the real theme with the archive's templates/
// files laid over it). Files named want/... are expectations, not input.
func fixture(t *testing.T, archive string) (dir string, want map[string]string) {
	t.Helper()
	a, err := txtar.ParseFile(archive)
	if err != nil {
		t.Fatal(err)
	}
	dir = t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "templates"), os.DirFS(realTemplates)); err != nil {
		t.Fatal(err)
	}
	want = make(map[string]string)
	for _, f := range a.Files {
		if name, ok := strings.CutPrefix(f.Name, "want/"); ok {
			want[name] = string(f.Data)
			continue
		}
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir, want
}

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

// TestSites builds each testdata/site/*.txtar. An archive's want/errors
// file lists the exact problems the build must report; want/<path> files
// list lines that must appear in public/<path>, and lines starting with
// "! " lines that must not.
func TestSites(t *testing.T) {
	archives, _ := filepath.Glob("testdata/site/*.txtar")
	if len(archives) == 0 {
		t.Fatal("no fixtures")
	}
	for _, archive := range archives {
		archive, _ := filepath.Abs(archive)
		t.Run(strings.TrimSuffix(filepath.Base(archive), ".txtar"), func(t *testing.T) {
			dir, want := fixture(t, archive)
			_, err := runIn(t, dir, Options{})
			if wantErrs, ok := want["errors"]; ok {
				if err == nil {
					t.Fatalf("build succeeded; want errors:\n%s", wantErrs)
				}
				if got := err.Error() + "\n"; got != wantErrs {
					t.Errorf("errors:\n%s\nwant:\n%s", got, wantErrs)
				}
				if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
					t.Errorf("a failed build wrote public/")
				}
				return
			}
			if err != nil {
				t.Fatalf("build failed:\n%v", err)
			}
			for name, lines := range want {
				data, err := os.ReadFile(filepath.Join(dir, "public", filepath.FromSlash(name)))
				if err != nil {
					t.Errorf("%v", err)
					continue
				}
				for _, line := range strings.Split(strings.TrimSpace(lines), "\n") {
					if neg, ok := strings.CutPrefix(line, "! "); ok {
						if bytes.Contains(data, []byte(neg)) {
							t.Errorf("public/%s contains %q", name, neg)
						}
					} else if !bytes.Contains(data, []byte(line)) {
						t.Errorf("public/%s lacks %q", name, line)
					}
				}
			}
		})
	}
}

// TestGolden compares every page of the basic fixture with its golden copy
// in testdata/golden; go test -update rewrites them. Assets are left out:
// their names carry the hash of their content, and the pages name them.
func TestGolden(t *testing.T) {
	archive, _ := filepath.Abs("testdata/site/basic.txtar")
	golden, _ := filepath.Abs("testdata/golden")
	dir, _ := fixture(t, archive)
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
	archive, _ := filepath.Abs("testdata/site/basic.txtar")
	dir, _ := fixture(t, archive)
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
	archive, _ := filepath.Abs("testdata/site/basic.txtar")
	dir, _ := fixture(t, archive)
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
