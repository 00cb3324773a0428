// Command bench measures the generator's build against the floor (the least
// work any goldmark-based generator must do) and, when it is installed,
// against Hugo, on synthetic corpora of N bilingual barriers. BENCHMARKS.md
// at the repository's root explains the method and holds the figures.
//
// Usage, from the repository's root:
//
//	go run ./bench [-n 21,100,1000,10000] [-runs 5] [-hugo=true] [-dir bench/out]
//	go run ./bench corpus -n N DIR      write a corpus of N barriers into DIR
//	go run ./bench floor CONTENT OUT    the floor program itself
//
// Each program runs as a whole process, several times per N, interleaved so
// that a noisy neighbour slows all of them alike; the report gives medians
// of wall time, CPU time (user + system) and peak resident memory, and the
// generator's time as a ratio to the floor's and to Hugo's from the same
// run. Everything is written below -dir, which git ignores; the output of a
// program's previous run is moved aside before it runs, and removed only
// when every program has run (see discard).
package main

import (
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
	useHugo := fs.Bool("hugo", true, "compare with Hugo when it is installed")
	dir := fs.String("dir", filepath.Join("bench", "out"), "the working `folder`")
	serveMax := fs.Int("serve-max", 10000, "measure serve's rebuild for corpora up to this size")
	memLimit := fs.String("memlimit", "off", "also measure the build with this GOMEMLIMIT (\"off\": without the build's own soft memory limit; \"\" to skip) for N of 1,000 and more")
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
	h := &harness{runs: max(1, *runs), serveMax: *serveMax, memLimit: *memLimit}
	if *useHugo {
		h.hugo = hugoPath()
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
	self      string // this program, for the floor
	hugo      string // "" without Hugo
	serve     bool   // the generator has a serve command
	// serveTimeout bounds each wait for serve; 0 means 10 minutes.
	serveTimeout time.Duration
	serveMax     int // the largest N measured under serve
	// memLimit is the GOMEMLIMIT of a second build, measured beside the
	// default one ("off": without the generator's own limit); "" skips it.
	memLimit string
}

func (h *harness) all(ns []int) error {
	if _, err := os.Stat("go.mod"); err != nil {
		return fmt.Errorf("run me from the repository's root (no go.mod here)")
	}
	if err := os.MkdirAll(filepath.Join(h.dir, "bin"), 0o755); err != nil {
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
	h.serve = hasServe(h.generator)
	r := &report{machine: machine(h.hugo), runs: h.runs, serve: h.serve}
	if h.hugo == "" {
		fmt.Fprintln(os.Stderr, "hugo is not installed: skipping the comparison with Hugo (apt-get install -y hugo)")
	}
	r.real = h.realSite()
	results := filepath.Join(h.dir, "results.md")
	for _, n := range ns {
		row, err := h.size(n)
		if err != nil {
			return err
		}
		r.rows = append(r.rows, row)
		// What is measured so far survives a run stopped later.
		if err := os.WriteFile(results, []byte(r.String()), 0o644); err != nil {
			return err
		}
	}
	fmt.Print(r.String())
	fmt.Fprintln(os.Stderr, "removing the folders moved aside ...")
	return removeDiscarded(h.dir)
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

// size measures every program on the corpus of n barriers.
func (h *harness) size(n int) (Row, error) {
	fmt.Fprintf(os.Stderr, "N = %d: writing the corpus ...\n", n)
	corpus := filepath.Join(h.dir, fmt.Sprintf("corpus-%d", n))
	if err := discard(corpus); err != nil {
		return Row{}, err
	}
	if err := WriteCorpus(corpus, n); err != nil {
		return Row{}, err
	}
	hugoSite := filepath.Join(h.dir, fmt.Sprintf("hugo-%d", n))
	if h.hugo != "" {
		if err := discard(hugoSite); err != nil {
			return Row{}, err
		}
		if err := WriteHugoSite(corpus, hugoSite); err != nil {
			return Row{}, err
		}
	}
	templates, err := filepath.Abs("templates")
	if err != nil {
		return Row{}, err
	}
	outs := func(name string) string { return filepath.Join(h.dir, fmt.Sprintf("%s-%d-out", name, n)) }
	var floor, build, alt, hugo []Sample
	for i := range h.runs {
		fmt.Fprintf(os.Stderr, "N = %d: run %d of %d\n", n, i+1, h.runs)
		s, err := run(outs("floor"), h.self, "floor", corpus, outs("floor"))
		if err != nil {
			return Row{}, err
		}
		floor = append(floor, s)
		s, err = run(outs("build"), h.generator, "build", "-content", corpus, "-templates", templates, "-out", outs("build"))
		if err != nil {
			return Row{}, err
		}
		build = append(build, s)
		if h.memLimit != "" && n >= 1000 {
			s, err = runEnv([]string{"GOMEMLIMIT=" + h.memLimit}, outs("build"), h.generator, "build", "-content", corpus, "-templates", templates, "-out", outs("build"))
			if err != nil {
				return Row{}, err
			}
			alt = append(alt, s)
		}
		if h.hugo != "" {
			s, err = run(outs("hugo"), h.hugo, "--quiet", "--source", hugoSite, "--destination", outs("hugo"),
				"--cacheDir", filepath.Join(h.dir, "hugo-cache"))
			if err != nil {
				return Row{}, err
			}
			hugo = append(hugo, s)
		}
	}
	row := Row{N: n, Floor: median(floor), Build: median(build)}
	if alt != nil {
		st := median(alt)
		row.Alt, row.AltLimit = &st, h.memLimit
	}
	if h.serve && n <= h.serveMax {
		fmt.Fprintf(os.Stderr, "N = %d: editing one entry under serve\n", n)
		times, err := h.serveRebuild(corpus, templates, h.runs)
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
	if hugo != nil {
		st := median(hugo)
		row.Hugo = &st
	}
	return row, nil
}
