package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The harness must not rot: a small corpus builds cleanly with the real
// templates, through the floor, and (when installed) through Hugo.

func TestCorpusBuilds(t *testing.T) {
	needHarnessRuns(t)
	dir := t.TempDir()
	corpus := filepath.Join(dir, "content")
	const n = 9
	if err := WriteCorpus(corpus, n); err != nil {
		t.Fatal(err)
	}
	// The generator is run as the harness runs it: as a program.
	gen, _ := programs(t)
	out, err := exec.Command(gen, "build", "-content", corpus, "-templates", "../templates", "-out", filepath.Join(dir, "public")).CombinedOutput()
	if err != nil {
		t.Fatalf("the corpus does not build: %v\n%s", err, out)
	}
	// root and 404; per language: home, barrier index, search page, 7
	// sectors, the barriers and two other pages.
	m := regexp.MustCompile(`built (\d+) pages`).FindSubmatch(out)
	if want := 2 + 2*(1+1+1+7+n+2); m == nil || string(m[1]) != strconv.Itoa(want) {
		t.Errorf("generator said %q, want %d pages", out, want)
	}
	page, err := os.ReadFile(filepath.Join(dir, "public", "ko", "barriers", "b-00003", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	// The features the corpus promises: a table, highlighted code, a
	// footnote, links rewritten to pages (one with an anchor), related
	// barriers.
	for _, want := range []string{"<table>", `class="hl-chroma"`, `id="fn:1"`, `/ko/barriers/b-`, `/#background"`, `class="related"`} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("ko/barriers/b-00003/index.html has no %s", want)
		}
	}
}

func TestCorpusIsDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	for _, d := range []string{a, b} {
		if err := WriteCorpus(d, 3); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"barriers/b-00001.en.md", "barriers/b-00002.ko.md", "summary.ko.md"} {
		x, _ := os.ReadFile(filepath.Join(a, name))
		y, _ := os.ReadFile(filepath.Join(b, name))
		if len(x) == 0 || !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs (or is empty)", name)
		}
	}
	words := len(strings.Fields(string(mustRead(t, filepath.Join(a, "barriers/b-00001.ko.md")))))
	if words < 600 || words > 1000 {
		t.Errorf("a Korean barrier has %d words with its front matter, want about 600 of text", words)
	}
}

func TestFloor(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "content")
	if err := WriteCorpus(corpus, 5); err != nil {
		t.Fatal(err)
	}
	n, err := Floor(corpus, filepath.Join(dir, "out"))
	if err != nil {
		t.Fatal(err)
	}
	if want := 2*5 + 6; n != want {
		t.Errorf("floor converted %d files, want %d", n, want)
	}
	page := mustRead(t, filepath.Join(dir, "out", "en", "barriers", "b-00001", "index.html"))
	for _, want := range []string{"<table>", `class="hl-chroma"`, `id="background"`, `id="fn:1"`} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("the floor's page has no %s", want)
		}
	}
	if bytes.Contains(page, []byte("sector:")) {
		t.Errorf("the floor's page shows the front matter")
	}
}

// Every Hugo found builds the same site (its layouts are ones each
// version reads) into the same pages, each with what the generator's
// pages have.
func TestHugoSiteBuilds(t *testing.T) {
	hugos, _ := probeHugos(hugoCandidates())
	if len(hugos) == 0 {
		t.Skip("no Hugo program found; the Hugo comparison is optional (" + hugoInstallHint + ")")
	}
	dir := t.TempDir()
	corpus := filepath.Join(dir, "content")
	if err := WriteCorpus(corpus, 5); err != nil {
		t.Fatal(err)
	}
	site := filepath.Join(dir, "hugo")
	if err := WriteHugoSite(corpus, site); err != nil {
		t.Fatal(err)
	}
	var first []string // the pages the first Hugo made
	for _, hg := range hugos {
		t.Run(hg.Key, func(t *testing.T) {
			out := filepath.Join(dir, hg.Key+"-out")
			cmd := exec.Command(hg.Path, "--quiet", "--source", site, "--destination", out, "--cacheDir", filepath.Join(dir, hg.Key+"-cache"))
			if b, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("%s: %v\n%s", hg.Line, err, b)
			}
			page := mustRead(t, filepath.Join(out, "ko", "barriers", "b-00001", "index.html"))
			for _, want := range []string{"<table>", `class="chroma"`, `hreflang="en"`, `/ko/barriers/b-`, `/#background"`,
				`class="card"`, `id="TableOfContents"`, `/ko/sectors/`, `rel="next"`, `<a href="https://`} {
				if !bytes.Contains(page, []byte(want)) {
					t.Errorf("%s: ko/barriers/b-00001/index.html has no %s", hg.Label, want)
				}
			}
			pages := htmlFiles(t, out)
			// The root's redirect; per language: a 404, home, the
			// barrier index and its 5 barriers, the pages index and its
			// two pages, the sector index and the 5 sectors the
			// barriers name (b-00000 to b-00004, one sector each).
			if want := 1 + 2*(1+1+1+5+1+2+1+5); len(pages) != want {
				t.Errorf("%s made %d pages, want %d: %q", hg.Label, len(pages), want, pages)
			}
			if first == nil {
				first = pages
			} else if !slices.Equal(pages, first) {
				t.Errorf("%s made pages %q,\n%s made %q", hg.Label, pages, hugos[0].Label, first)
			}
		})
	}
}

// htmlFiles is the HTML files below dir, by their paths inside it.
func htmlFiles(t *testing.T, dir string) []string {
	t.Helper()
	var names []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			rel, _ := filepath.Rel(dir, p)
			names = append(names, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return names
}

func mustRead(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestServeRebuild(t *testing.T) {
	needHarnessRuns(t)
	dir := t.TempDir()
	gen, _ := programs(t)
	if !hasServe(gen) {
		t.Skip("this generator has no serve command")
	}
	corpus := filepath.Join(dir, "content")
	if err := WriteCorpus(corpus, 3); err != nil {
		t.Fatal(err)
	}
	h := &harness{generator: gen, serveTimeout: time.Minute}
	times, err := h.serveRebuild(corpus, "../templates", 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(times) != 2 || times[0] <= 0 || times[1] <= 0 {
		t.Errorf("rebuild times %v, want two", times)
	}
	if b := mustRead(t, filepath.Join(corpus, "barriers", "b-00000.en.md")); !bytes.HasSuffix(b, []byte("\nEdited 2.\n")) {
		t.Errorf("the entry was not edited twice: ends %q", b[len(b)-30:])
	}
}
