package output

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// build writes files into out as one build and commits it.
func build(t *testing.T, out string, files map[string]string) {
	t.Helper()
	d, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range files {
		if err := d.WriteFile(name, []byte(text)); err != nil {
			t.Fatal(err)
		}
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
}

func names(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range ents {
		out = append(out, e.Name())
	}
	return out
}

func TestCommitReplacesWholeFolder(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "public")
	build(t, out, map[string]string{"index.html": "one", "old/page.html": "gone soon"})
	build(t, out, map[string]string{"index.html": "two"})
	if got := names(t, out); !slices.Equal(got, []string{Marker, "index.html"}) {
		t.Errorf("output holds %v, want only the marker and the new build's file", got)
	}
	if got := read(t, filepath.Join(out, "index.html")); got != "two" {
		t.Errorf("index.html = %q, want the new build's", got)
	}
	if got := names(t, root); !slices.Equal(got, []string{"public"}) {
		t.Errorf("beside the output: %v, want nothing else", got)
	}
}

func TestAbortLeavesOldSite(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "public")
	build(t, out, map[string]string{"index.html": "one"})
	d, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.WriteFile("index.html", []byte("half")); err != nil {
		t.Fatal(err)
	}
	if err := d.Abort(); err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(out, "index.html")); got != "one" {
		t.Errorf("after Abort index.html = %q, want the old site's", got)
	}
	if got := names(t, root); !slices.Equal(got, []string{"public"}) {
		t.Errorf("after Abort beside the output: %v, want nothing else", got)
	}
}

func TestRefusesFolderItDidNotMake(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "public")
	write(t, filepath.Join(out, "CNAME"), "example.org\n")
	_, err := Begin(out)
	want := "output folder " + out + " is not empty and was not made by the generator (it has no .generator file)"
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Fatalf("Begin on a folder of the user's: %v, want an error starting %q", err, want)
	}
	if got := read(t, filepath.Join(out, "CNAME")); got != "example.org\n" {
		t.Errorf("CNAME changed to %q", got)
	}
	if got := names(t, root); !slices.Equal(got, []string{"public"}) {
		t.Errorf("beside the output: %v, want nothing made", got)
	}
}

func TestTakesEmptyFolder(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	build(t, out, map[string]string{"index.html": "one"})
	if got := read(t, filepath.Join(out, Marker)); got != markerText {
		t.Errorf("marker = %q", got)
	}
}

func TestRefusesProtectedFolders(t *testing.T) {
	root := t.TempDir()
	repo := filepath.Join(root, "repo")
	content := filepath.Join(repo, "content")
	templates := filepath.Join(repo, "templates")
	write(t, filepath.Join(content, "site.yaml"), "title: x\n")
	write(t, filepath.Join(templates, "layout.html"), "x")
	link := filepath.Join(root, "link-to-content")
	if err := os.Symlink(content, link); err != nil {
		t.Fatal(err)
	}
	linkRepo := filepath.Join(root, "link-to-repo")
	if err := os.Symlink(repo, linkRepo); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{
		content,
		templates,
		repo,
		root,
		content + "/",
		filepath.Join(repo, "content", "..", "content"),
		filepath.Join(linkRepo, "content"), // the content folder by another name
		"/",
	} {
		_, err := Begin(out, content, templates, repo)
		if err == nil || !strings.Contains(err.Error(), " would replace ") {
			t.Errorf("Begin(%s): %v, want a refusal", out, err)
		}
	}
	// A symbolic link as the output folder is refused too: it is not the
	// generator's to replace.
	if _, err := Begin(link, templates); err == nil || !strings.Contains(err.Error(), "is a symbolic link") {
		t.Errorf("Begin(symbolic link): %v, want a refusal", err)
	}
	if got := read(t, filepath.Join(content, "site.yaml")); got != "title: x\n" {
		t.Errorf("content changed")
	}
	if ls, _ := Leftovers(content); len(ls) > 0 {
		t.Errorf("a refused Begin left %v", ls)
	}
}

func TestWriteFileStaysInside(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "public")
	d, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	for _, rel := range []string{"../x", "a/../../x", "/etc/x", "", ".", "a//b"} {
		if err := d.WriteFile(rel, []byte("x")); err == nil {
			t.Errorf("WriteFile(%q) succeeded, want a refusal", rel)
		}
	}
	if _, err := os.Stat(filepath.Join(root, "x")); err == nil {
		t.Error("a file was written beside the output folder")
	}
}

// TestLinkFile: a file linked in is in the committed site with its
// bytes, the same file as its source (not a copy); a missing source, or a
// path outside the folder, is an error that writes nothing.
func TestLinkFile(t *testing.T) {
	root := t.TempDir()
	src := filepath.Join(root, "cache", "pic.png")
	write(t, src, "picture")
	out := filepath.Join(root, "public")
	d, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.LinkFile("previews/pic.png", src); err != nil {
		t.Fatal(err)
	}
	if err := d.LinkFile("previews/gone.png", filepath.Join(root, "cache", "gone.png")); err == nil {
		t.Error("LinkFile of a missing file succeeded")
	}
	if err := d.LinkFile("../pic.png", src); err == nil {
		t.Error("LinkFile outside the folder succeeded")
	}
	private := filepath.Join(root, "cache", "private.png")
	write(t, private, "picture")
	if err := os.Chmod(private, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := d.LinkFile("previews/private.png", private); err == nil {
		t.Error("LinkFile of a file only its owner may read succeeded")
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	linked := filepath.Join(out, "previews", "pic.png")
	if got := read(t, linked); got != "picture" {
		t.Errorf("linked file holds %q", got)
	}
	a, errA := os.Stat(src)
	b, errB := os.Stat(linked)
	if errA != nil || errB != nil || !os.SameFile(a, b) {
		t.Errorf("the site's file is not the source file (%v, %v)", errA, errB)
	}
	if got := names(t, filepath.Join(out, "previews")); !slices.Equal(got, []string{"pic.png"}) {
		t.Errorf("previews/ holds %q, want only pic.png", got)
	}
	if _, err := os.Stat(filepath.Join(root, "pic.png")); err == nil {
		t.Error("a file was linked beside the output folder")
	}
}

func TestRemovesLeftoversOfKilledBuilds(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "public")
	build(t, out, map[string]string{"index.html": "one"})
	killed := []string{".public.new-123", ".public.new-4567.old"}
	kept := []string{".public.new-abc", ".public.newer", ".public.new-1.bak", "public.new-1", ".other.new-1"}
	for _, n := range append(slices.Clone(killed), kept...) {
		write(t, filepath.Join(root, n, "index.html"), "half")
	}
	// A build under way holds its folder: it is not a leftover.
	running, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	defer running.Abort()
	build(t, out, map[string]string{"index.html": "two"})

	got := names(t, root)
	for _, n := range killed {
		if slices.Contains(got, n) {
			t.Errorf("leftover %s not removed", n)
		}
	}
	for _, n := range append(kept, "public", filepath.Base(running.Path())) {
		if !slices.Contains(got, n) {
			t.Errorf("%s was removed; only the generator's leftovers may be", n)
		}
	}
}
