package build

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"explainer/generator/internal/output"
)

// repoRoot is the repository, from this package's folder.
const repoRoot = "../../.."

// The generator's binary, built by the first test that needs it.
var (
	binaryOnce sync.Once
	binaryDir  string
	binaryErr  error
)

// generatorBinary builds the generator once per test binary run; TestMain
// removes it.
func generatorBinary(t *testing.T) string {
	t.Helper()
	binaryOnce.Do(func() {
		if binaryDir, binaryErr = os.MkdirTemp("", "build-test-"); binaryErr != nil {
			return
		}
		cmd := exec.Command("go", "build", "-o", filepath.Join(binaryDir, "generator"), "./generator")
		cmd.Dir = repoRoot
		if out, err := cmd.CombinedOutput(); err != nil {
			binaryErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binaryErr != nil {
		t.Fatal(binaryErr)
	}
	return filepath.Join(binaryDir, "generator")
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binaryDir != "" {
		os.RemoveAll(binaryDir)
	}
	os.Exit(code)
}

// writeSite writes a content folder of n barriers in both languages, whose
// text depends on version, so that two versions build different sites.
func writeVersionedSite(t *testing.T, dir, version string, n int) {
	t.Helper()
	files := map[string]string{"site.yaml": string(realConfig(t, n))}
	for _, l := range []string{"en", "ko"} {
		files["summary."+l+".md"] = fmt.Sprintf("---\ntitle: Summary %s\nsummary: The story, version %s.\n---\n\nVersion %s of the story.\n", version, version, version)
		for i := range n {
			var body strings.Builder
			for j := range 20 {
				fmt.Fprintf(&body, "## Part %d\n\nParagraph %d of barrier %d, version %s, with a [link](b%d.%s.md) and **bold** text.\n\n", j, j, i, version, (i+1)%n, l)
			}
			files[fmt.Sprintf("barriers/b%d.%s.md", i, l)] = fmt.Sprintf("---\ntitle: Barrier %d %s\nsummary: One sentence.\nsector: defense\nsources:\n  - title: The report\n    url: https://example.org/report\n---\n\n%s", i, version, body.String())
		}
	}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// realConfig is the real content/site.yaml with report_items set to n, the
// barriers of a test's own site: with the real site's number, its build
// would fail.
func realConfig(t *testing.T, n int) []byte {
	t.Helper()
	cfg, err := os.ReadFile(filepath.Join(repoRoot, "content", "site.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	items := regexp.MustCompile(`(?m)^report_items:.*$`)
	if !items.Match(cfg) {
		t.Fatal("content/site.yaml has no report_items line to set")
	}
	return items.ReplaceAll(cfg, fmt.Appendf(nil, "report_items: %d", n))
}

// treeHash is a digest of every file's path and bytes under dir, and of
// every folder's path; "" if dir does not exist.
func treeHash(t *testing.T, dir string) string {
	t.Helper()
	if _, err := os.Stat(dir); os.IsNotExist(err) {
		return ""
	}
	h := sha256.New()
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		fmt.Fprintf(h, "%s %v\n", filepath.ToSlash(rel), e.Type())
		if e.Type().IsRegular() {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			fmt.Fprintf(h, "%d\n", len(b))
			h.Write(b)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func runBuild(bin, contentDir, out string) *exec.Cmd {
	cmd := exec.Command(bin, "build", "-content", contentDir, "-templates", filepath.Join(repoRoot, "templates"), "-out", out)
	cmd.Dir = "."
	return cmd
}

// TestFailedBuildLeavesOldSite breaks the content and builds: the build
// fails and the output folder does not change.
func TestFailedBuildLeavesOldSite(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "content")
	writeVersionedSite(t, dir, "A", 2)
	out := filepath.Join(root, "public")
	if _, err := Run(Options{Content: dir, Templates: filepath.Join(repoRoot, "templates"), Out: out}); err != nil {
		t.Fatal(err)
	}
	before := treeHash(t, out)
	if err := os.WriteFile(filepath.Join(dir, "barriers", "b0.en.md"), []byte("---\ntitle: [\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Run(Options{Content: dir, Templates: filepath.Join(repoRoot, "templates"), Out: out}); err == nil {
		t.Fatal("build of broken content succeeded")
	}
	if treeHash(t, out) != before {
		t.Error("a failed build changed the output folder")
	}
	if left, _ := output.Leftovers(out); len(left) > 0 {
		t.Errorf("a failed build left %v", left)
	}
}

// TestRefusesOutputOverSources points the output folder at the content,
// the templates and the folder holding them: each build is refused and
// nothing is touched.
func TestRefusesOutputOverSources(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "content")
	writeVersionedSite(t, dir, "A", 1)
	before := treeHash(t, root)
	for _, out := range []string{dir, filepath.Join(repoRoot, "templates"), root, filepath.Join(dir, "..", "content")} {
		_, err := Run(Options{Content: dir, Templates: filepath.Join(repoRoot, "templates"), Out: out})
		if err == nil || !strings.Contains(err.Error(), "would replace") {
			t.Errorf("build into %s: %v, want a refusal", out, err)
		}
	}
	if treeHash(t, root) != before {
		t.Error("a refused build changed the folder")
	}
}

// TestCommandPrintsWarnings runs the command on the hostile site: it
// succeeds, and prints what it removed on stderr.
func TestCommandPrintsWarnings(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the generator binary; skipped with -short")
	}
	bin := generatorBinary(t)
	root := t.TempDir()
	dir := filepath.Join(root, "content")
	copyTree(t, filepath.Join("testdata", "security", "content"), dir)
	os.WriteFile(filepath.Join(dir, "site.yaml"), realConfig(t, hostileBarriers), 0o644)
	cmd := runBuild(bin, dir, filepath.Join(root, "public"))
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("build: %v\n%s", err, stderr.String())
	}
	want := dir + "/barriers/hostile.en.md:27:1: warning: raw HTML <style> removed with its content; markdown pages may use only simple formatting tags\n"
	if !strings.Contains(stderr.String(), want) {
		t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
	}
}
