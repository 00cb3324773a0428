package main

import (
	"bytes"
	"cmp"
	"fmt"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// The comparison measures every Hugo program it is given, or by default
// every one it finds, each as its own column: the newest Hugo that
// installs here is the one the targets are judged against, and the one a
// distribution ships (often much older) shows how far Hugo itself moved.

// Hugo is one Hugo program to measure.
type Hugo struct {
	Path    string
	Line    string // the first line of "hugo version"
	Version []int  // 0, 152, 2; nil when the line names none
	// Label names the program in the report ("Hugo 0.152.2"), Key in the
	// names of its folders and runs ("hugo-0.152.2"); both are unique
	// among the programs measured.
	Label, Key string
}

// hugoInstallHint is how to install the two Hugo programs BENCHMARKS.md
// compares with.
const hugoInstallHint = "CGO_ENABLED=0 GOBIN=/opt/hugo-0.152.2 go install github.com/gohugoio/hugo@v0.152.2; apt-get install -y --no-install-recommends hugo"

// hugoCandidates is where findHugos looks: Hugo programs installed one
// version to a folder (/opt/hugo-0.152.2/hugo), and hugo on PATH.
func hugoCandidates() []string {
	found, _ := filepath.Glob("/opt/hugo-*/hugo")
	if p, err := exec.LookPath("hugo"); err == nil {
		found = append(found, p)
	}
	return found
}

// hugoPrograms is the Hugo programs the -hugo flag names: "auto" for
// every one found (none found is no error: the comparison is optional),
// "none" (or "false", "off") for none, or a comma-separated list of
// programs, each of which must run.
func hugoPrograms(spec string) ([]Hugo, error) {
	switch strings.TrimSpace(spec) {
	case "auto", "true", "":
		hs, _ := probeHugos(hugoCandidates())
		return hs, nil
	case "none", "false", "off":
		return nil, nil
	}
	var paths []string
	for _, p := range strings.Split(spec, ",") {
		if p = strings.TrimSpace(p); p != "" {
			paths = append(paths, p)
		}
	}
	hs, errs := probeHugos(paths)
	if len(errs) > 0 {
		return nil, fmt.Errorf("-hugo: %s", strings.Join(errs, "; "))
	}
	return hs, nil
}

// probeHugos asks each program its version, and returns the ones that
// answer, newest first, the same program reached by two paths once, with
// what went wrong with the others.
func probeHugos(paths []string) ([]Hugo, []string) {
	var hs []Hugo
	var errs []string
	seen := map[string]bool{}
	for _, p := range paths {
		abs, err := exec.LookPath(p)
		if err == nil {
			abs, err = filepath.Abs(abs)
		}
		if err != nil {
			errs = append(errs, fmt.Sprintf("%s: %v", p, err))
			continue
		}
		real, err := filepath.EvalSymlinks(abs)
		if err != nil {
			real = abs
		}
		if seen[real] {
			continue
		}
		seen[real] = true
		out, err := exec.Command(abs, "version").Output()
		if err != nil {
			errs = append(errs, fmt.Sprintf("%s version: %v", p, err))
			continue
		}
		line, _, _ := bytes.Cut(out, []byte("\n"))
		hs = append(hs, Hugo{Path: abs, Line: strings.TrimSpace(string(line)), Version: parseHugoVersion(string(line))})
	}
	// Newest first, so that the first column is the one judged.
	slices.SortStableFunc(hs, func(a, b Hugo) int { return -slices.Compare(a.Version, b.Version) })
	labelHugos(hs)
	return hs, errs
}

var hugoVersionRE = regexp.MustCompile(`\bv(\d+)\.(\d+)\.(\d+)`)

// parseHugoVersion reads the version from "hugo version"'s first line,
// "hugo v0.152.2+extended linux/amd64 BuildDate=...".
func parseHugoVersion(line string) []int {
	m := hugoVersionRE.FindStringSubmatch(line)
	if m == nil {
		return nil
	}
	v := make([]int, 3)
	for i := range v {
		v[i], _ = strconv.Atoi(m[i+1])
	}
	return v
}

// labelHugos names each program by its version, numbering programs of
// the same version (or of none) in the order given.
func labelHugos(hs []Hugo) {
	count := map[string]int{}
	name := func(h Hugo) string {
		if h.Version == nil {
			return "unknown"
		}
		return fmt.Sprintf("%d.%d.%d", h.Version[0], h.Version[1], h.Version[2])
	}
	for _, h := range hs {
		count[name(h)]++
	}
	seen := map[string]int{}
	for i := range hs {
		v := name(hs[i])
		seen[v]++
		if count[v] > 1 {
			v += "-" + strconv.Itoa(seen[v])
		}
		hs[i].Label, hs[i].Key = "Hugo "+v, "hugo-"+v
	}
}

// hugoLines describes the Hugo programs for the report's first line.
func hugoLines(hs []Hugo) string {
	if len(hs) == 0 {
		return "Hugo not installed"
	}
	var parts []string
	for _, h := range hs {
		parts = append(parts, fmt.Sprintf("%s: %s (%s)", h.Label, cmp.Or(h.Line, "unknown version"), h.Path))
	}
	return strings.Join(parts, "; ")
}
