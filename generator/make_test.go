package main

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestMakeTargets runs the editors' make targets in a copy of the
// repository holding the test site, as an editor would in a fresh clone:
// check passes, then fails naming the problem's place; new works
// through make too.
func TestMakeTargets(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the generator three times")
	}
	if _, err := exec.LookPath("make"); err != nil {
		t.Skip("no make installed")
	}
	repo := testSite(t)
	for _, name := range []string{"go.mod", "go.sum", "Makefile"} {
		copyTree(t, filepath.Join("..", name), filepath.Join(repo, name))
	}
	copyTree(t, "../templates", filepath.Join(repo, "templates"))
	copyTree(t, ".", filepath.Join(repo, "generator"))

	mk := func(args ...string) (string, error) {
		t.Helper()
		cmd := exec.Command("make", append([]string{"--no-print-directory"}, args...)...)
		cmd.Dir = repo
		// -trimpath keeps the copy's folder out of what the go command
		// compiles, so that the generator's packages come from the build
		// cache once any run has built them, not compiled anew in every
		// run's new folder.
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=readonly -trimpath", "GOPROXY=off")
		out, err := cmd.CombinedOutput()
		return string(out), err
	}

	if out, err := mk("check"); err != nil || !strings.Contains(out, "ok: 16 pages checked") {
		t.Fatalf("make check on a good site: %v\n%s", err, out)
	}
	if out, err := mk("new", "SLUG=steel", "SECTOR=digital"); err != nil || !strings.Contains(out, "created content/barriers/steel.ko.md") {
		t.Fatalf("make new: %v\n%s", err, out)
	}
	beef := filepath.Join(repo, "content", "barriers", "beef.en.md")
	writeText(t, beef, strings.Replace(readFile(t, beef), "related: [cloud]", "related: [clod]", 1))
	out, err := mk("check")
	if err == nil || !strings.Contains(out, "content/barriers/beef.en.md:5:11: related names \"clod\", which is not a barrier; did you mean \"cloud\"?\n1 problem; fix it and check again\n") {
		t.Fatalf("make check on a bad site: %v\n%s", err, out)
	}
}

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
