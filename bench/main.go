// Command bench measures the generator's build against the floor (the least
// work any goldmark-based generator must do) and against every Hugo
// program installed, each in its own column, on synthetic corpora of N
// bilingual barriers. BENCHMARKS.md at the repository's root explains the
// method and holds the figures.
//
// Usage, from the repository's root:
//
//	go run ./bench [-n 21,100,1000,10000] [-runs 5] [-hugo auto|none|PATH,...] [-dir bench/out]
//	go run ./bench corpus -n N DIR      write a corpus of N barriers into DIR
//	go run ./bench floor CONTENT OUT    the floor program itself
//
// Each program runs as a whole process, several times per N, round by
// round: each round runs every program on every size, so that a noisy
// neighbour or a slower spell of the file system slows the programs and
// the sizes alike. For N of 1,000 and more the generator also runs without
// its memory limit, and as check, which does the build's work but writes
// nothing. The report gives medians of wall time, CPU time (user +
// system) and peak resident memory, the generator's time as a ratio to
// the floor's, and its time and memory as ratios to each Hugo's, all from
// the same run; a table of the targets, each with the lowest and highest
// ratio of one round's runs under it; and at its end every run's time.
// The real site (content/) is measured too, for its own target.
// Everything is written below -dir, which git ignores and a go.mod of its
// own keeps out of the go command's ./... (see fenceOff); the output of a
// program's previous run is moved aside before it runs, and removed only
// when every program has run (see discard).
package main

import (
	"cmp"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

func main() {
	if err := run1(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run1(args []string) error {
	if len(args) > 0 {
		switch args[0] {
		case "floor":
			if len(args) != 3 {
				return fmt.Errorf("usage: bench floor CONTENT OUT")
			}
			_, err := Floor(args[1], args[2])
			return err
		case "corpus":
			fs := flag.NewFlagSet("corpus", flag.ContinueOnError)
			n := fs.Int("n", 100, "the number of barriers")
			if err := fs.Parse(args[1:]); err != nil || fs.NArg() != 1 {
				return fmt.Errorf("usage: bench corpus -n N DIR")
			}
			return WriteCorpus(fs.Arg(0), *n)
		}
	}
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	sizes := fs.String("n", "21,100,1000,10000", "corpus sizes, in barriers, comma-separated (21 is the real site's size)")
	runs := fs.Int("runs", 5, "runs of each program per size; the median is reported")
	hugos := fs.String("hugo", "auto", "the Hugo `programs` to compare with, comma-separated, each its own column: \"auto\" for /opt/hugo-*/hugo and hugo on PATH, \"none\" for none")
	dir := fs.String("dir", filepath.Join("bench", "out"), "the working `folder`")
	serveMax := fs.Int("serve-max", 10000, "measure serve's rebuild for corpora up to this size")
	memLimit := fs.String("memlimit", "off", "also measure the build with this GOMEMLIMIT (\"off\": without the build's own soft memory limit; \"\" to skip) for N of 1,000 and more")
	check := fs.Bool("check", true, "also measure the generator's check, which does the build's work but writes nothing, for N of 1,000 and more")
	if err := fs.Parse(args); err != nil {
		return err
	}
	var ns []int
	for _, f := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return fmt.Errorf("-n: %q is not a corpus size", f)
		}
		ns = append(ns, n)
	}
	h := &harness{runs: max(1, *runs), serveMax: *serveMax, memLimit: *memLimit, check: *check}
	var err error
	if h.hugos, err = hugoPrograms(*hugos); err != nil {
		return err
	}
	abs, err := filepath.Abs(*dir)
	if err != nil {
		return err
	}
	h.dir = abs
	return h.all(ns)
}

// harness holds what every measurement needs.
type harness struct {
	dir       string // working folder, absolute
	runs      int
	generator string // the built generator program
	templates string // the templates folder, absolute
	self      string // this program, for the floor
	hugos     []Hugo // newest first; none without Hugo
	serve     bool   // the generator has a serve command
	// serveTimeout bounds each wait for serve; 0 means 10 minutes.
	serveTimeout time.Duration
	serveMax     int // the largest N measured under serve
	// memLimit is the GOMEMLIMIT of a second build, measured beside the
	// default one ("off": without the generator's own limit); "" skips it.
	memLimit string
	// check measures the generator's check command beside its build: the
	// same work, every page rendered, but nothing written, so that the
	// growth of the generator's own work from one size to another shows
	// apart from the file system's.
	check bool
	// bigFrom is the smallest N for which the second build and check run;
	// 0 means 1,000.
	bigFrom int
	// ran lists the runs made, "N program GOMEMLIMIT=...", for the tests.
	ran []string
}

func (h *harness) all(ns []int) error {
	if _, err := os.Stat("go.mod"); err != nil {
		return fmt.Errorf("run me from the repository's root (no go.mod here)")
	}
	if err := os.MkdirAll(filepath.Join(h.dir, "bin"), 0o755); err != nil {
		return err
	}
	if err := fenceOff(h.dir); err != nil {
		return err
	}
	// What a run stopped before its end left to remove goes first, and
	// what this run moves aside goes when it is done (see discard).
	if err := removeDiscarded(h.dir); err != nil {
		return err
	}
	h.generator = filepath.Join(h.dir, "bin", "generator")
	fmt.Fprintln(os.Stderr, "building the generator ...")
	if out, err := exec.Command("go", "build", "-o", h.generator, "./generator").CombinedOutput(); err != nil {
		return fmt.Errorf("go build: %v\n%s", err, out)
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	h.self = self
	if h.templates, err = filepath.Abs("templates"); err != nil {
		return err
	}
	h.serve = hasServe(h.generator)
	r := &report{machine: machine(h.hugos), runs: h.runs, serve: h.serve}
	for _, hg := range h.hugos {
		r.hugos = append(r.hugos, hg.Label)
	}
	if len(h.hugos) == 0 {
		fmt.Fprintln(os.Stderr, "no Hugo program (-hugo): skipping the comparison with Hugo (to install the two compared: "+hugoInstallHint+")")
	}
	r.real = h.realSite()
	if err := h.measure(r, ns, filepath.Join(h.dir, "results.md")); err != nil {
		return err
	}
	fmt.Print(r.String())
	fmt.Fprintln(os.Stderr, "removing the folders moved aside ...")
	return removeDiscarded(h.dir)
}

// measure measures every program on a corpus of each size in ns, round by
// round: each round runs every program once on every size, smallest first,
// so that the ratio of one size's time to another's (the linear target's
// N = 10,000 against N = 1,000) compares runs made minutes apart at most,
// on the file system in the same state, as the programs of one size are
// compared. It writes the report to results after each round and each
// size's serve measurement, so what is measured survives a run stopped
// later.
func (h *harness) measure(r *report, ns []int, results string) error {
	var sizes []*sizeRun
	for _, n := range ns {
		sz, err := h.prepare(n)
		if err != nil {
			return err
		}
		sizes = append(sizes, sz)
	}
	write := func() error {
		return os.WriteFile(results, []byte(r.String()), 0o644)
	}
	for i := range h.runs {
		for _, sz := range sizes {
			fmt.Fprintf(os.Stderr, "N = %d: run %d of %d\n", sz.n, i+1, h.runs)
			if err := h.round(sz); err != nil {
				return err
			}
		}
		r.rows = r.rows[:0]
		for _, sz := range sizes {
			r.rows = append(r.rows, h.row(sz))
		}
		if err := write(); err != nil {
			return err
		}
	}
	for i, sz := range sizes {
		if h.serve && sz.n <= h.serveMax {
			fmt.Fprintf(os.Stderr, "N = %d: editing one entry under serve\n", sz.n)
			h.serveRow(&r.rows[i], sz)
			if err := write(); err != nil {
				return err
			}
		}
	}
	return nil
}

// fenceOff keeps the go command out of the folder dir: a go.mod of its
// own makes it another module, which the repository's ./... (make test's
// go vet and go test) does not walk. A run leaves tens of thousands of
// folders there (its corpora and the last outputs), which took each go
// command seconds to walk, and one walking them while the harness
// removed some failed.
func fenceOff(dir string) error {
	return os.WriteFile(filepath.Join(dir, "go.mod"), []byte("// The benchmark's working folder, not Go code: see bench/main.go.\nmodule benchout\n"), 0o644)
}

// realSite measures the build of the repository's own content.
func (h *harness) realSite() Result {
	out := filepath.Join(h.dir, "real-site")
	var samples []Sample
	for range h.runs {
		s, err := run(out, h.generator, "build", "-content", "content", "-templates", "templates", "-out", out)
		if err != nil {
			return Result{Err: firstLine(err)}
		}
		samples = append(samples, s)
	}
	return Result{Stats: median(samples)}
}

func firstLine(err error) string {
	msg := strings.TrimSpace(err.Error())
	lines := strings.Split(msg, "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}

// sizeRun is the corpus of one size and the samples of each program on it
// so far.
type sizeRun struct {
	n                        int
	corpus, hugoSite         string
	floor, build, alt, check []Sample
	hugo                     [][]Sample // by the harness's hugos
}

// prepare writes the corpus of n barriers, and its Hugo site.
func (h *harness) prepare(n int) (*sizeRun, error) {
	fmt.Fprintf(os.Stderr, "N = %d: writing the corpus ...\n", n)
	sz := &sizeRun{
		n:        n,
		corpus:   filepath.Join(h.dir, fmt.Sprintf("corpus-%d", n)),
		hugoSite: filepath.Join(h.dir, fmt.Sprintf("hugo-%d", n)),
		hugo:     make([][]Sample, len(h.hugos)),
	}
	if err := discard(sz.corpus); err != nil {
		return nil, err
	}
	if err := WriteCorpus(sz.corpus, n); err != nil {
		return nil, err
	}
	// One site for every Hugo: the layouts are ones each version reads.
	if len(h.hugos) > 0 {
		if err := discard(sz.hugoSite); err != nil {
			return nil, err
		}
		if err := WriteHugoSite(sz.corpus, sz.hugoSite); err != nil {
			return nil, err
		}
	}
	return sz, nil
}

// round runs every program once on the corpus of sz, the programs in turn
// so that a noisy neighbour slows all of them alike.
func (h *harness) round(sz *sizeRun) error {
	out := func(name string) string { return filepath.Join(h.dir, fmt.Sprintf("%s-%d-out", name, sz.n)) }
	measure := func(name string, samples *[]Sample, env []string, program string, args ...string) error {
		s, err := runEnv(env, out(name), program, args...)
		if err != nil {
			return err
		}
		*samples = append(*samples, s)
		h.ran = append(h.ran, strings.TrimSpace(fmt.Sprintf("%d %s %s", sz.n, name, strings.Join(env, " "))))
		return nil
	}
	if err := measure("floor", &sz.floor, nil, h.self, "floor", sz.corpus, out("floor")); err != nil {
		return err
	}
	build := []string{"build", "-content", sz.corpus, "-templates", h.templates, "-out", out("build")}
	if err := measure("build", &sz.build, nil, h.generator, build...); err != nil {
		return err
	}
	big := sz.n >= cmp.Or(h.bigFrom, 1000)
	if h.memLimit != "" && big {
		// Into the build's folder: the same program and output.
		if err := measure("build", &sz.alt, []string{"GOMEMLIMIT=" + h.memLimit}, h.generator, build...); err != nil {
			return err
		}
	}
	if h.check && big {
		if err := measure("check", &sz.check, nil, h.generator, "check", "-content", sz.corpus, "-templates", h.templates); err != nil {
			return err
		}
	}
	for i, hg := range h.hugos {
		// A cache of its own for each version: they need not agree on
		// its format.
		if err := measure(hg.Key, &sz.hugo[i], nil, hg.Path, "--quiet", "--source", sz.hugoSite, "--destination", out(hg.Key),
			"--cacheDir", filepath.Join(h.dir, hg.Key+"-cache")); err != nil {
			return err
		}
	}
	return nil
}

// row is the medians of sz's samples so far.
func (h *harness) row(sz *sizeRun) Row {
	row := Row{N: sz.n, Floor: median(sz.floor), Build: median(sz.build)}
	if sz.alt != nil {
		st := median(sz.alt)
		row.Alt, row.AltLimit = &st, h.memLimit
	}
	if sz.check != nil {
		st := median(sz.check)
		row.Check = &st
	}
	for _, samples := range sz.hugo {
		row.Hugo = append(row.Hugo, median(samples))
	}
	return row
}

// serveRow measures serve's rebuild after one edited entry on sz's corpus.
func (h *harness) serveRow(row *Row, sz *sizeRun) {
	times, err := h.serveRebuild(sz.corpus, h.templates, h.runs)
	if err != nil {
		row.ServeErr = err.Error()
	}
	var samples []Sample
	for _, t := range times {
		samples = append(samples, Sample{Wall: t})
	}
	if samples != nil {
		row.Serve = median(samples).Wall
	}
}
