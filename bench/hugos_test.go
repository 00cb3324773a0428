package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// fakeHugo writes a program into dir/name that answers "version" with
// line, as a Hugo program does.
func fakeHugo(t *testing.T, dir, name, line string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte("#!/bin/sh\necho '"+line+"'\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

// The programs named are measured newest first, each under its version,
// one program reached by two paths once.
func TestHugoProgramsNewestFirst(t *testing.T) {
	dir := t.TempDir()
	old := fakeHugo(t, dir, "usr/bin/hugo", "hugo v0.111.3+extended linux/amd64 BuildDate=2023-03-16T08:41:31Z VendorInfo=debian:0.111.3-1")
	newer := fakeHugo(t, dir, "opt/hugo-0.152.2/hugo", "hugo v0.152.2 linux/amd64 BuildDate=unknown")
	mid := fakeHugo(t, dir, "opt/hugo-0.99.0/hugo", "hugo v0.99.0-d84d1a4 linux/amd64")
	link := filepath.Join(dir, "link")
	if err := os.Symlink(newer, link); err != nil {
		t.Fatal(err)
	}
	hs, err := hugoPrograms(strings.Join([]string{old, newer, mid, link}, ","))
	if err != nil {
		t.Fatal(err)
	}
	var labels, keys, paths []string
	for _, h := range hs {
		labels, keys, paths = append(labels, h.Label), append(keys, h.Key), append(paths, h.Path)
	}
	if want := []string{"Hugo 0.152.2", "Hugo 0.99.0", "Hugo 0.111.3"}; slices.Equal(labels, want) {
		t.Errorf("labels %q: 0.99 sorted after 0.111 as numbers, not before it as text", labels)
	}
	if want := []string{"Hugo 0.152.2", "Hugo 0.111.3", "Hugo 0.99.0"}; !slices.Equal(labels, want) {
		t.Errorf("labels %q, want %q", labels, want)
	}
	if want := []string{"hugo-0.152.2", "hugo-0.111.3", "hugo-0.99.0"}; !slices.Equal(keys, want) {
		t.Errorf("keys %q, want %q", keys, want)
	}
	if want := []string{newer, old, mid}; !slices.Equal(paths, want) {
		t.Errorf("paths %q, want %q", paths, want)
	}
	if got := hugoLines(hs[:1]); got != "Hugo 0.152.2: hugo v0.152.2 linux/amd64 BuildDate=unknown ("+newer+")" {
		t.Errorf("hugoLines = %q", got)
	}
}

// Two programs of one version are both measured, told apart.
func TestHugoProgramsSameVersion(t *testing.T) {
	dir := t.TempDir()
	a := fakeHugo(t, dir, "a/hugo", "hugo v0.152.2 linux/amd64")
	b := fakeHugo(t, dir, "b/hugo", "hugo v0.152.2+extended linux/amd64")
	c := fakeHugo(t, dir, "c/hugo", "something else")
	hs, err := hugoPrograms(a + "," + b + "," + c)
	if err != nil {
		t.Fatal(err)
	}
	var labels []string
	for _, h := range hs {
		labels = append(labels, h.Label)
	}
	if want := []string{"Hugo 0.152.2-1", "Hugo 0.152.2-2", "Hugo unknown"}; !slices.Equal(labels, want) {
		t.Errorf("labels %q, want %q", labels, want)
	}
}

// A program named that does not run is an error, every one of them in
// the message; "none" measures no Hugo.
func TestHugoProgramsErrors(t *testing.T) {
	dir := t.TempDir()
	good := fakeHugo(t, dir, "hugo", "hugo v0.152.2 linux/amd64")
	missing := filepath.Join(dir, "missing", "hugo")
	broken := filepath.Join(dir, "broken")
	if err := os.WriteFile(broken, []byte("#!/bin/sh\nexit 3\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	_, err := hugoPrograms(good + "," + missing + "," + broken)
	if err == nil || !strings.Contains(err.Error(), missing) || !strings.Contains(err.Error(), broken+" version") {
		t.Errorf("err = %v, want one naming %s and %s", err, missing, broken)
	}
	for _, off := range []string{"none", "false", "off"} {
		if hs, err := hugoPrograms(off); hs != nil || err != nil {
			t.Errorf("-hugo %s: %v, %v, want no Hugo and no error", off, hs, err)
		}
	}
}
