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
// minutes; each Hugo is a program of its own. Real programs on two small
// corpora, and two programs that answer as Hugo does (the Hugo site is
// built by TestHugoSiteBuilds).
func TestRoundsInterleaveSizes(t *testing.T) {
	needHarnessRuns(t)
	dir := t.TempDir()
	generator, self := programs(t)
	h := &harness{dir: dir, runs: 2, generator: generator, self: self,
		memLimit: "off", check: true, bigFrom: 3}
	var err error
	if h.templates, err = filepath.Abs("../templates"); err != nil {
		t.Fatal(err)
	}
	if h.hugos, err = hugoPrograms(fakeHugo(t, dir, "a/hugo", "hugo v0.111.3") + "," + fakeHugo(t, dir, "b/hugo", "hugo v0.152.2")); err != nil {
		t.Fatal(err)
	}
	r := &report{runs: h.runs, hugos: []string{h.hugos[0].Label, h.hugos[1].Label}}
	results := filepath.Join(dir, "results.md")
	if err := h.measure(r, []int{2, 3}, results); err != nil {
		t.Fatal(err)
	}
	round := []string{"2 floor", "2 build", "2 hugo-0.152.2", "2 hugo-0.111.3",
		"3 floor", "3 build", "3 build GOMEMLIMIT=off", "3 check", "3 hugo-0.152.2", "3 hugo-0.111.3"}
	want := slices.Concat(round, round)
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
		if len(row.Hugo) != 2 || row.Hugo[0].Runs != 2 || row.Hugo[1].Runs != 2 {
			t.Errorf("N = %d: Hugo %+v, want two runs of each of two", row.N, row.Hugo)
		}
	}
	if r.rows[0].Check != nil || r.rows[0].Alt != nil {
		t.Errorf("N = 2, below bigFrom: check %+v, second build %+v, want neither", r.rows[0].Check, r.rows[0].Alt)
	}
	if c := r.rows[1].Check; c == nil || c.Runs != 2 || len(c.All) != 2 {
		t.Errorf("N = 3: check %+v, want two runs", c)
	}
	b, err := os.ReadFile(results)
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{"| 3 | 6 | generator build |", "| 3 | 6 | generator check (writes nothing) |", "| 3 | generator check | ",
		"| 3 | 6 | Hugo 0.152.2 |", "| 3 | Hugo 0.111.3 | "} {
		if !strings.Contains(string(b), line) {
			t.Errorf("%s has no line %q:\n%s", results, line, b)
		}
	}
}

// What the harness leaves in its folder stays out of the repository's
// ./..., which the go command would otherwise walk folder by folder.
func TestFenceOff(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		"go.mod":            "module example\n\ngo 1.22\n",
		"a/a.go":            "package a\n",
		"out/corpus/x/x.go": "package x\n",
	}
	for name, text := range files {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	list := func() []string {
		cmd := exec.Command("go", "list", "./...")
		cmd.Dir = root
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("go list: %v\n%s", err, out)
		}
		return strings.Fields(string(out))
	}
	if got := list(); !slices.Contains(got, "example/out/corpus/x") {
		t.Fatalf("before: go list ./... = %q, want the package in out (else this test shows nothing)", got)
	}
	if err := fenceOff(filepath.Join(root, "out")); err != nil {
		t.Fatal(err)
	}
	if got, want := list(), []string{"example/a"}; !slices.Equal(got, want) {
		t.Errorf("after: go list ./... = %q, want %q", got, want)
	}
}
