package main

import (
	"bufio"
	"io"
	"io/fs"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
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
	repo := makeRepo(t)

	mk := func(args ...string) (string, error) {
		t.Helper()
		cmd := exec.Command("make", append([]string{"--no-print-directory"}, args...)...)
		cmd.Dir = repo
		cmd.Env = makeEnv()
		out, err := cmd.CombinedOutput()
		return string(out), err
	}

	if out, err := mk("check"); err != nil || !strings.Contains(out, "ok: 18 pages checked") {
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
	if !strings.Contains(out, "make: generator check exited with code 1\n") {
		t.Errorf("make check does not say the generator's exit code:\n%s", out)
	}
	if out, err := mk("help"); err != nil || !strings.Contains(out, "make serve ") || !strings.Contains(out, "make status ") {
		t.Errorf("make help: %v\n%s", err, out)
	}
	serveStops(t, repo)
}

// serveStops starts the preview through make in repo, as an editor does,
// and stops make: with SIGTERM to make alone, and with Ctrl-C (SIGINT to
// the terminal's whole job). Each time the server must be gone with make,
// its port free again.
func serveStops(t *testing.T, repo string) {
	for _, sig := range []struct {
		name  string
		group bool // sent to the whole process group, as a terminal does
		sig   syscall.Signal
	}{{"SIGTERM to make", false, syscall.SIGTERM}, {"Ctrl-C", true, syscall.SIGINT}} {
		t.Run("serve stops on "+sig.name, func(t *testing.T) {
			cmd := exec.Command("make", "--no-print-directory", "serve", "PORT=0")
			cmd.Dir = repo
			cmd.Env = makeEnv()
			cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
			stdout, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			defer syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) // whatever happens below
			addr := servedAddr(t, stdout)
			if sig.group {
				syscall.Kill(-cmd.Process.Pid, sig.sig)
			} else {
				cmd.Process.Signal(sig.sig)
			}
			cmd.Wait()
			// make is gone; the server must be too. A server that outlived
			// make keeps answering on its port.
			for i := 0; ; i++ {
				c, err := net.Dial("tcp", addr)
				if err != nil {
					break
				}
				c.Close()
				if i == 50 {
					t.Fatalf("the server still answers at %s after make stopped", addr)
				}
				time.Sleep(100 * time.Millisecond)
			}
		})
	}
}

// makeEnv is the environment make runs in. -trimpath keeps the copy's
// folder out of what the go command compiles, so that the generator's
// packages come from the build cache once any run has built them, not
// compiled anew in every run's new folder (without it, the first make
// serve compiled the generator again: 20 to 40 s of the package's tests).
func makeEnv() []string {
	return append(os.Environ(), "GOFLAGS=-mod=readonly -trimpath", "GOPROXY=off")
}

// servedAddr reads the preview's first line, "serving the site at
// http://HOST:PORT/, ...", and returns HOST:PORT.
func servedAddr(t *testing.T, r io.Reader) string {
	t.Helper()
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil {
		t.Fatalf("make serve printed no address: %v (%q)", err, line)
	}
	_, rest, ok := strings.Cut(line, "http://")
	addr, _, _ := strings.Cut(rest, "/")
	if !ok || addr == "" {
		t.Fatalf("make serve printed %q", line)
	}
	return addr
}

// makeRepo lays out a copy of the repository holding the test site, with
// the Makefile, the module files, the templates and the generator.
func makeRepo(t *testing.T) string {
	t.Helper()
	repo := testSite(t)
	for _, name := range []string{"go.mod", "go.sum", "Makefile"} {
		copyTree(t, filepath.Join("..", name), filepath.Join(repo, name))
	}
	copyTree(t, "../templates", filepath.Join(repo, "templates"))
	copyTree(t, ".", filepath.Join(repo, "generator"))
	return repo
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
