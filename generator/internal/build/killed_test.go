package build

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"

	"explainer/generator/internal/output"
)

// A build, seen from outside, goes through these phases: it reads and
// renders (most of its time); it makes its temporary folder beside the
// output folder and writes the pages into it; it swaps that folder with the
// output folder; it removes the old site and exits. The killed-build test
// kills one build in each phase, choosing the moment by what it sees on
// disk rather than by a random delay, so every run covers all of them.

// killPoint is a moment to kill a build at.
type killPoint struct {
	name  string
	sig   syscall.Signal
	ready func(w *buildWatch) bool // nil: at once
	// swapped: when the moment came the output folder had changed, so a
	// killed build must leave the new site.
	swapped bool
}

func killPoints(readTime time.Duration) []killPoint {
	return []killPoint{
		{name: "at once", sig: syscall.SIGKILL},
		{name: "while reading and rendering", sig: syscall.SIGINT,
			ready: func(w *buildWatch) bool { return time.Since(w.start) >= readTime/2 || w.tempFolder() != "" }},
		{name: "as the temporary folder appears", sig: syscall.SIGKILL,
			ready: func(w *buildWatch) bool { return w.tempFolder() != "" }},
		{name: "with a third of the pages written", sig: syscall.SIGINT,
			ready: func(w *buildWatch) bool { return w.written() >= w.pages/3 }},
		{name: "with two thirds of the pages written", sig: syscall.SIGKILL,
			ready: func(w *buildWatch) bool { return w.written() >= w.pages*2/3 }},
		{name: "with every page written, around the swap", sig: syscall.SIGKILL,
			ready: func(w *buildWatch) bool { return w.written() >= w.pages || w.swapped() }},
		{name: "as soon as the output folder changes", sig: syscall.SIGKILL,
			ready: (*buildWatch).outChanged, swapped: true},
		{name: "after the swap, removing the old site", sig: syscall.SIGINT,
			ready: (*buildWatch).swapped, swapped: true},
	}
}

// buildWatch follows a running build of out from outside.
type buildWatch struct {
	out   string
	start time.Time
	pages int         // barrier folders of a whole site, both languages
	stale []string    // temporary folders there before the build
	old   os.FileInfo // the output folder before the build
	temp  string      // the build's temporary folder, once seen
}

func newBuildWatch(t *testing.T, out string, pages int) *buildWatch {
	t.Helper()
	stale, err := output.Leftovers(out)
	if err != nil {
		t.Fatal(err)
	}
	old, _ := os.Stat(out)
	return &buildWatch{out: out, start: time.Now(), pages: pages, stale: stale, old: old}
}

// tempFolder is the build's temporary folder, "" before it exists.
func (w *buildWatch) tempFolder() string {
	if w.temp == "" {
		found, _ := output.Leftovers(w.out)
		for _, f := range found {
			if !slices.Contains(w.stale, f) {
				w.temp = f
			}
		}
	}
	return w.temp
}

// written counts the barrier folders in the temporary folder: the pages
// written so far (after the swap, those of the old site not yet removed).
func (w *buildWatch) written() int {
	if w.tempFolder() == "" {
		return 0
	}
	return barrierFolders(w.temp)
}

// swapped reports whether the output folder is another folder than before.
func (w *buildWatch) swapped() bool {
	now, err := os.Stat(w.out)
	return err == nil && (w.old == nil || !os.SameFile(w.old, now))
}

// outChanged reports whether the output folder is gone, another folder, or
// holds another number of pages than before: with an atomic swap, the same
// moment as swapped; with a swap in steps, the first of them.
func (w *buildWatch) outChanged() bool {
	return w.swapped() || barrierFolders(w.out) != w.pages
}

func barrierFolders(site string) int {
	en, _ := os.ReadDir(filepath.Join(site, "en", "barriers"))
	ko, _ := os.ReadDir(filepath.Join(site, "ko", "barriers"))
	return len(en) + len(ko)
}

// killAt starts cmd and watches it until ready says the moment has come,
// then kills it with sig; a build that ends first is not killed. It returns
// whether the signal was sent, and how the build ended.
func killAt(cmd *exec.Cmd, w *buildWatch, ready func(*buildWatch) bool, sig syscall.Signal) (bool, error) {
	w.start = time.Now()
	if err := cmd.Start(); err != nil {
		return false, err
	}
	ended := make(chan error, 1)
	go func() { ended <- cmd.Wait() }()
	for ready != nil && !ready(w) {
		select {
		case err := <-ended:
			return false, err
		case <-time.After(time.Millisecond):
		}
	}
	cmd.Process.Signal(sig)
	return true, <-ended
}

// TestKilledBuildsLeaveOldOrNewSite kills builds in every phase (see
// killPoints) and checks that the output folder is, byte for byte, always
// either the previous site or the new one (the new one once the folders
// were swapped), and that the next complete build removes what the killed
// ones left beside it.
func TestKilledBuildsLeaveOldOrNewSite(t *testing.T) {
	if testing.Short() {
		t.Skip("kills builds of a real binary; skipped with -short")
	}
	bin := generatorBinary(t)
	root := t.TempDir()
	sites := [2]string{filepath.Join(root, "a"), filepath.Join(root, "b")}
	writeVersionedSite(t, sites[0], "A", 60)
	writeVersionedSite(t, sites[1], "B", 60)
	out := filepath.Join(root, "public")

	// Two whole builds: the two sites' digests, and how long a build
	// reads and renders before it writes.
	var hashes [2]string
	var reading time.Duration
	for i, dir := range sites {
		var log bytes.Buffer
		cmd := runBuild(bin, dir, out)
		cmd.Stdout, cmd.Stderr = &log, &log
		var took time.Duration
		w := newBuildWatch(t, out, 0)
		// A moment that never comes: the build runs to its end.
		if _, err := killAt(cmd, w, func(w *buildWatch) bool {
			if took == 0 && w.tempFolder() != "" {
				took = time.Since(w.start)
			}
			return false
		}, 0); err != nil {
			t.Fatalf("build %s: %v\n%s", dir, err, log.Bytes())
		}
		reading = max(reading, took)
		hashes[i] = treeHash(t, out)
	}
	if hashes[0] == hashes[1] {
		t.Fatal("the two versions build the same site; the test could not tell them apart")
	}
	pages := barrierFolders(out)

	current := 1
	for _, p := range killPoints(reading) {
		next := 1 - current
		killed, err := killAt(runBuild(bin, sites[next], out), newBuildWatch(t, out, pages), p.ready, p.sig)
		switch got := treeHash(t, out); {
		case got == hashes[next]:
			current = next
			t.Logf("killed %s (%v): the new site landed", p.name, p.sig)
		case p.swapped && killed:
			t.Fatalf("killed %s (%v, %v): the output is not the new site", p.name, p.sig, err)
		case got == hashes[current]:
			t.Logf("killed %s (%v): the old site stayed", p.name, p.sig)
		default:
			t.Fatalf("killed %s (%v, %v): the output is neither the old site nor the new one", p.name, p.sig, err)
		}
		if !killed {
			t.Logf("the build ended before it could be killed %s", p.name)
		}
	}

	if b, err := runBuild(bin, sites[1-current], out).CombinedOutput(); err != nil {
		t.Fatalf("build after the killed ones: %v\n%s", err, b)
	}
	if got := treeHash(t, out); got != hashes[1-current] {
		t.Error("the build after the killed ones did not produce its site")
	}
	if left, err := output.Leftovers(out); err != nil || len(left) > 0 {
		t.Errorf("leftovers of killed builds after a complete build: %v %v", left, err)
	}
}
