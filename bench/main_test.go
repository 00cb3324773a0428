package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The harness measures round by round: every program on every size, then
// again, so that one size's times and another's come from the same
// minutes. Real programs on two small corpora.
func TestRoundsInterleaveSizes(t *testing.T) {
	dir := t.TempDir()
	h := &harness{dir: dir, runs: 2, generator: filepath.Join(dir, "generator"), self: filepath.Join(dir, "bench")}
	for _, b := range [][2]string{{h.generator, "../generator"}, {h.self, "."}} {
		if out, err := exec.Command("go", "build", "-o", b[0], b[1]).CombinedOutput(); err != nil {
			t.Fatalf("go build %s: %v\n%s", b[1], err, out)
		}
	}
	var err error
	if h.templates, err = filepath.Abs("../templates"); err != nil {
		t.Fatal(err)
	}
	r := &report{runs: h.runs}
	results := filepath.Join(dir, "results.md")
	if err := h.measure(r, []int{2, 3}, results); err != nil {
		t.Fatal(err)
	}
	want := []string{"2 floor", "2 build", "3 floor", "3 build", "2 floor", "2 build", "3 floor", "3 build"}
	if !slices.Equal(h.ran, want) {
		t.Errorf("ran %q\nwant %q", h.ran, want)
	}
	if len(r.rows) != 2 || r.rows[0].N != 2 || r.rows[1].N != 3 {
		t.Fatalf("rows %+v, want N = 2 and N = 3", r.rows)
	}
	for _, row := range r.rows {
		if row.Floor.Runs != 2 || row.Build.Runs != 2 || row.Build.Wall <= 0 || row.Floor.Wall <= 0 {
			t.Errorf("N = %d: floor %+v, build %+v, want two runs of each", row.N, row.Floor, row.Build)
		}
	}
	b, err := os.ReadFile(results)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "| 3 | 6 | generator build |") {
		t.Errorf("%s has no row of the build at N = 3:\n%s", results, b)
	}
}
