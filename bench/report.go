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
	// Hugo is each Hugo program's figures, in the report's order; none
	// without Hugo.
	Hugo []Stats
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
	hugos   []string // the Hugo programs' labels, newest first
}

const mib = 1 << 20

func (r *report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "\n## Results\n\n%s\nMedian of %d runs of each program; ratios are of medians from the same run. On a shared machine the CPU ratios are the steadier figures.\n\n", r.machine, r.runs)
	r.table(&b)
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

// table is the main table: a line per program and size, the generator's
// build with its ratios to the floor and to each Hugo, every Hugo in
// columns of its own.
func (r *report) table(b *strings.Builder) {
	b.WriteString("| N | entries | program | wall | CPU | peak RSS | wall / floor | CPU / floor |")
	for _, l := range r.hugos {
		fmt.Fprintf(b, " wall / %[1]s | CPU / %[1]s | RSS / %[1]s |", l)
	}
	b.WriteString("\n| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |")
	b.WriteString(strings.Repeat(" ---: | ---: | ---: |", len(r.hugos)))
	b.WriteString("\n")
	for _, row := range r.rows {
		line := func(name string, s Stats, ratios bool) {
			cells := []string{fmt.Sprint(row.N), fmt.Sprint(2 * row.N), name, ms(s.Wall), ms(s.CPU), mibs(s.RSS)}
			more := make([]string, 2+3*len(r.hugos))
			if ratios {
				more = more[:0]
				more = append(more, f2(ratio(s.Wall, row.Floor.Wall)), f2(ratio(s.CPU, row.Floor.CPU)))
				for i := range r.hugos {
					if i >= len(row.Hugo) {
						more = append(more, "", "", "")
						continue
					}
					hg := row.Hugo[i]
					more = append(more, f2(ratio(s.Wall, hg.Wall)), f2(ratio(s.CPU, hg.CPU)), f2(rssRatio(s.RSS, hg.RSS)))
				}
			}
			fmt.Fprintf(b, "| %s |\n", strings.Join(append(cells, more...), " | "))
		}
		line("floor", row.Floor, false)
		line("generator build", row.Build, true)
		if row.Alt != nil {
			line("generator build, GOMEMLIMIT="+row.AltLimit, *row.Alt, true)
		}
		if row.Check != nil {
			line("generator check (writes nothing)", *row.Check, false)
		}
		for i := range row.Hugo {
			line(r.hugos[i], row.Hugo[i], false)
		}
	}
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
		for i := range row.Hugo {
			line(r.hugos[i], &row.Hugo[i])
		}
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

func ratio(a, b time.Duration) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func rssRatio(a, b int64) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func f2(x float64) string { return fmt.Sprintf("%.2f", x) }

func mibs(n int64) string { return fmt.Sprintf("%.0f MiB", float64(n)/mib) }

func ms(d time.Duration) string {
	if d < 10*time.Second {
		return fmt.Sprintf("%d ms", d.Milliseconds())
	}
	return fmt.Sprintf("%.1f s", d.Seconds())
}

// machine describes the computer and the programs measured.
func machine(hugos []Hugo) string {
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
	return s + "; " + hugoLines(hugos) + ".\n"
}

func goVersion() string {
	out, err := exec.Command("go", "env", "GOVERSION").Output()
	if err != nil {
		return runtime.Version()
	}
	return strings.TrimSpace(string(out))
}
