package main

import (
	"fmt"
	"math"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"
)

// Row is the measurements of one corpus size.
type Row struct {
	N     int
	Floor Stats
	Build Stats
	Hugo  *Stats // nil without Hugo
	// Alt is the build with GOMEMLIMIT=AltLimit ("off": without its own
	// soft memory limit); nil when not measured.
	Alt      *Stats
	AltLimit string
	// Check is the generator's check command: the build's work, every
	// page rendered, nothing written; nil when not measured.
	Check *Stats
	// Serve is the time from saving one entry to its page showing the edit
	// under serve (median); 0 when not measured.
	Serve    time.Duration
	ServeErr string // why serve could not be measured
}

// Result is the measurement of one program, or why it could not be made.
type Result struct {
	Stats
	Err string
}

type report struct {
	machine string
	runs    int
	real    Result
	rows    []Row
	serve   bool
}

const mib = 1 << 20

func (r *report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "\n## Results\n\n%s\nMedian of %d runs of each program; ratios are of medians from the same run. On a shared machine the CPU ratios are the steadier figures.\n\n", r.machine, r.runs)
	b.WriteString("| N | entries | program | wall | CPU | peak RSS | wall / floor | wall / Hugo | CPU / floor | CPU / Hugo |\n")
	b.WriteString("| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n")
	for _, row := range r.rows {
		pages := fmt.Sprint(2 * row.N)
		line := func(name string, s Stats, ratios bool) {
			vf, vh, cf, ch := "", "", "", ""
			if ratios {
				vf = fmt.Sprintf("%.2f", ratio(s.Wall, row.Floor.Wall))
				cf = fmt.Sprintf("%.2f", ratio(s.CPU, row.Floor.CPU))
				if row.Hugo != nil {
					vh = fmt.Sprintf("%.2f", ratio(s.Wall, row.Hugo.Wall))
					ch = fmt.Sprintf("%.2f", ratio(s.CPU, row.Hugo.CPU))
				}
			}
			fmt.Fprintf(&b, "| %d | %s | %s | %s | %s | %.0f MiB | %s | %s | %s | %s |\n",
				row.N, pages, name, ms(s.Wall), ms(s.CPU), float64(s.RSS)/mib, vf, vh, cf, ch)
		}
		line("floor", row.Floor, false)
		line("generator build", row.Build, true)
		if row.Alt != nil {
			line("generator build, GOMEMLIMIT="+row.AltLimit, *row.Alt, true)
		}
		if row.Check != nil {
			line("generator check (writes nothing)", *row.Check, false)
		}
		if row.Hugo != nil {
			line("Hugo", *row.Hugo, false)
		}
	}
	b.WriteString("\n")
	if r.serve {
		b.WriteString("Under `serve`, from saving one entry to its page showing the edit (watcher, debounce, rebuild and the page's rendering included):\n\n| N | rebuild |\n| ---: | ---: |\n")
		for _, row := range r.rows {
			switch {
			case row.ServeErr != "":
				fmt.Fprintf(&b, "| %d | failed: %s |\n", row.N, row.ServeErr)
			case row.Serve > 0:
				fmt.Fprintf(&b, "| %d | %s |\n", row.N, ms(row.Serve))
			default:
				fmt.Fprintf(&b, "| %d | not measured (-serve-max) |\n", row.N)
			}
		}
		b.WriteString("\n")
	} else {
		b.WriteString("This generator has no serve command: the rebuild under serve is not measured.\n\n")
	}
	if r.real.Err != "" {
		fmt.Fprintf(&b, "The real site (content/) does not build: %s\n\n", r.real.Err)
	} else {
		fmt.Fprintf(&b, "The real site (content/): %s wall, %s CPU, %.0f MiB peak RSS.\n\n", ms(r.real.Wall), ms(r.real.CPU), float64(r.real.RSS)/mib)
	}
	fmt.Fprintf(&b, "The harness's own peak RSS was %.0f MiB: no program's figure can read below it.\n\n", float64(selfRSS())/mib)
	r.targets(&b)
	r.everyRun(&b)
	return b.String()
}

// everyRun lists the wall time of every run, round by round, so that a
// reader sees how far the runs behind each median are apart.
func (r *report) everyRun(b *strings.Builder) {
	b.WriteString("### Every run\n\nWall time of each run, in the order of the rounds:\n\n| N | program | runs |\n| ---: | --- | --- |\n")
	for _, row := range r.rows {
		line := func(name string, s *Stats) {
			if s == nil {
				return
			}
			var ts []string
			for _, x := range s.All {
				ts = append(ts, ms(x.Wall))
			}
			fmt.Fprintf(b, "| %d | %s | %s |\n", row.N, name, strings.Join(ts, ", "))
		}
		line("floor", &row.Floor)
		line("generator build", &row.Build)
		if row.Alt != nil {
			line("generator build, GOMEMLIMIT="+row.AltLimit, row.Alt)
		}
		line("generator check", row.Check)
		line("Hugo", row.Hugo)
	}
	b.WriteString("\n")
}

// spread is the lowest and the highest ratio of a's wall time to b's in
// one round, over the rounds both have, with prec decimals.
func spread(a, b Stats, prec int) string {
	lo, hi := math.Inf(1), math.Inf(-1)
	for i := range min(len(a.All), len(b.All)) {
		r := ratio(a.All[i].Wall, b.All[i].Wall)
		lo, hi = min(lo, r), max(hi, r)
	}
	if lo > hi {
		return "no rounds"
	}
	return fmt.Sprintf("round by round %.*f to %.*f", prec, lo, prec, hi)
}

// targets checks the figures against the goals in BENCHMARKS.md.
func (r *report) targets(b *strings.Builder) {
	b.WriteString("### Targets\n\n")
	check := func(ok bool, format string, args ...any) {
		mark := "met"
		if !ok {
			mark = "NOT met"
		}
		fmt.Fprintf(b, "- %s: %s\n", fmt.Sprintf(format, args...), mark)
	}
	// detail is a line under the target before it.
	detail := func(format string, args ...any) {
		fmt.Fprintf(b, "  - %s\n", fmt.Sprintf(format, args...))
	}
	var big, mid *Row
	for i := range r.rows {
		switch r.rows[i].N {
		case 10000:
			big = &r.rows[i]
		case 1000:
			mid = &r.rows[i]
		}
	}
	if big != nil {
		f := ratio(big.Build.Wall, big.Floor.Wall)
		check(f <= 1.5, "N = 10,000: build / floor = %.2f (at most 1.5)", f)
		detail("%s", spread(big.Build, big.Floor, 2))
		if big.Hugo != nil {
			h := ratio(big.Build.Wall, big.Hugo.Wall)
			check(h <= 0.5, "N = 10,000: build / Hugo = %.2f (at most 0.5)", h)
		}
		check(big.Build.RSS < 150*mib, "N = 10,000: peak RSS %.0f MiB (under 150 MiB)", float64(big.Build.RSS)/mib)
		if l := big.Alt; l != nil {
			fmt.Fprintf(b, "- N = 10,000 with GOMEMLIMIT=%s: peak RSS %.0f MiB, in %.2f times the default build's wall time and %.2f its CPU time\n",
				big.AltLimit, float64(l.RSS)/mib, ratio(l.Wall, big.Build.Wall), ratio(l.CPU, big.Build.CPU))
		}
		if mid != nil {
			g := ratio(big.Build.Wall, mid.Build.Wall)
			check(g <= 11, "build at N = 10,000 / at N = 1,000 = %.1f (at most 11)", g)
			detail("%s", spread(big.Build, mid.Build, 1))
			detail("the floor's: %.1f, %s", ratio(big.Floor.Wall, mid.Floor.Wall), spread(big.Floor, mid.Floor, 1))
			if big.Check != nil && mid.Check != nil {
				detail("check's (the build's work, nothing written): %.1f, %s", ratio(big.Check.Wall, mid.Check.Wall), spread(*big.Check, *mid.Check, 1))
			}
		}
	}
	if mid != nil && mid.Serve > 0 {
		check(mid.Serve < 50*time.Millisecond, "serve at N = 1,000: %s from the save to the page (under 50 ms)", ms(mid.Serve))
	}
	if r.real.Err == "" {
		check(r.real.Wall < 100*time.Millisecond, "the real site: %s (under 100 ms)", ms(r.real.Wall))
	}
	for _, row := range r.rows {
		if row.N == 21 {
			check(row.Build.Wall < 100*time.Millisecond, "N = 21, the real site's size: %s (under 100 ms)", ms(row.Build.Wall))
		}
	}
	b.WriteString("\n")
}

func ratio(a, b time.Duration) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func ms(d time.Duration) string {
	if d < 10*time.Second {
		return fmt.Sprintf("%d ms", d.Milliseconds())
	}
	return fmt.Sprintf("%.1f s", d.Seconds())
}

// machine describes the computer and the programs measured.
func machine(hugo string) string {
	model := "unknown processor"
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
				model = strings.TrimSpace(v)
				break
			}
		}
	}
	mem := ""
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		var kb int64
		fmt.Sscanf(strings.SplitN(string(b), "\n", 2)[0], "MemTotal: %d kB", &kb)
		mem = fmt.Sprintf(", %.0f GiB memory", float64(kb)/(1<<20))
	}
	s := fmt.Sprintf("Machine: %s, %d cores%s, %s/%s; %s", model, runtime.NumCPU(), mem, runtime.GOOS, runtime.GOARCH, goVersion())
	if hugo != "" {
		s += "; " + hugoVersion(hugo)
	} else {
		s += "; Hugo not installed"
	}
	return s + ".\n"
}

func goVersion() string {
	out, err := exec.Command("go", "env", "GOVERSION").Output()
	if err != nil {
		return runtime.Version()
	}
	return strings.TrimSpace(string(out))
}
