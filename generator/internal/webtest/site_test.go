package webtest

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"explainer/generator/internal/build"
	"explainer/generator/internal/content"
	"explainer/generator/internal/picture/picturetest"

	"golang.org/x/tools/txtar"
)

var contentFlag = flag.String("content", "", "build this content folder beside the fixture, instead of the real content")

// Paths from this package's folder to the repository's.
const (
	repoRoot     = "../../.."
	templatesDir = repoRoot + "/templates"
	realContent  = repoRoot + "/content"
)

// eachContent runs test on every content folder the tests build, each as a
// subtest named as contentDirs names it.
func eachContent(t *testing.T, test func(t *testing.T, dir string)) {
	for _, c := range contentDirs(t) {
		t.Run(c.name, func(t *testing.T) { test(t, c.dir) })
	}
}

// namedDir is a content folder and the name of its subtests.
type namedDir struct{ name, dir string }

// contentDirs are the content folders the tests build: the fixture, and
// the real content once it has the home page's text (or the folder given
// as -content instead).
func contentDirs(t *testing.T) []namedDir {
	t.Helper()
	dirs := []namedDir{{"fixture", fixture(t, nil)}}
	dir := *contentFlag
	if dir == "" {
		if _, err := os.Stat(filepath.Join(realContent, "summary.en.md")); err != nil {
			return dirs
		}
		dir = realContent
	}
	return append(dirs, namedDir{"content", dir})
}

// fixture writes testdata/site.txtar into a temporary folder, after edit
// (if not nil) has had a chance to change the files, and returns the
// folder. A file of pictures/ whose text is "png WxH" is written as a PNG
// picture of W×H pixels.
func fixture(t *testing.T, edit func(files map[string]string)) string {
	t.Helper()
	ar, err := txtar.ParseFile("testdata/site.txtar")
	if err != nil {
		t.Fatal(err)
	}
	files := make(map[string]string)
	for _, f := range ar.Files {
		files[f.Name] = string(f.Data)
	}
	if edit != nil {
		edit(files)
	}
	dir := filepath.Join(t.TempDir(), "content")
	for name, data := range files {
		if w, h, ok := pictureSpec(name, data); ok {
			// A picture cannot be text in the archive: "png WxH" stands
			// for a PNG file of that size.
			data = string(picturetest.PNG(w, h))
		}
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// buildSite builds the content folder with the real templates at baseURL
// and returns the output folder.
func buildSite(t *testing.T, contentDir, baseURL string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	_, err := build.Run(build.Options{Content: contentDir, Templates: templatesDir, Out: out, BaseURL: baseURL})
	if err != nil {
		t.Fatalf("build %s at %s: %v", contentDir, baseURL, err)
	}
	return out
}

// configuredHost is the host of the content's own base_url, which a build
// with -base-url must never link to.
func configuredHost(t *testing.T, contentDir string) string {
	t.Helper()
	set, err := content.Load(os.DirFS(contentDir), contentDir)
	if set == nil {
		t.Fatalf("load %s: %v", contentDir, err)
	}
	host := strings.TrimPrefix(strings.TrimPrefix(set.Config.BaseURL, "https://"), "http://")
	return host[:strings.IndexByte(host, '/')]
}

// files lists the files of the output folder by slash-separated path.
func files(t *testing.T, out string) []string {
	t.Helper()
	var list []string
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(out, p)
		list = append(list, filepath.ToSlash(rel))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return list
}

// pictureSpec reads the "png WxH" text that stands for a picture file.
func pictureSpec(name, text string) (w, h int, ok bool) {
	if !strings.HasPrefix(name, "pictures/") || !strings.HasSuffix(name, ".png") {
		return 0, 0, false
	}
	_, err := fmt.Sscanf(strings.TrimSpace(text), "png %dx%d", &w, &h)
	return w, h, err == nil
}
