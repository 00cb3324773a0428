package main

import (
	"fmt"
	"strings"
	"time"
)

// The targets table holds, from one run, every figure a target is judged
// on, met or not; a figure the run did not measure (a size left out of
// -n, no Hugo installed) is still a line, saying so, so that a partial
// run cannot pass for a whole one.

// The targets.
const (
	hugoTarget   = 0.5 // the build's wall time over the newest Hugo's, at N = 10,000
	hugoAim      = 0.35
	floorTarget  = 1.5 // over the floor's, at N = 10,000
	rssTarget    = 256 * mib
	linearTarget = 11.0 // the build at N = 10,000 over the build at N = 1,000
	realTarget   = 100 * time.Millisecond
	serveTarget  = 50 * time.Millisecond
)

// target is one line of the targets table.
type target struct {
	what, measured, goal, met string
}

func yes(ok bool) string {
	if ok {
		return "yes"
	}
	return "**no**"
}

// size is the row of N = n, or nil.
func (r *report) size(n int) *Row {
	for i := range r.rows {
		if r.rows[i].N == n {
			return &r.rows[i]
		}
	}
	return nil
}

// targets writes the targets table, and under it the figures that explain
// it.
func (r *report) targets(b *strings.Builder) {
	big, mid := r.size(10000), r.size(1000)
	const noBig, noMid = "not measured (N = 10,000 not in -n)", "not measured (N = 1,000 not in -n)"
	ts := []target{r.hugoTarget(big)}

	mem := target{what: "N = 10,000: the build's peak memory", measured: noBig, goal: fmt.Sprintf("under %s", mibs(rssTarget))}
	if big != nil {
		mem.measured, mem.met = mibs(big.Build.RSS), yes(big.Build.RSS < rssTarget)
	}
	ts = append(ts, mem)

	lin := target{what: "linear: the build at N = 10,000 / at N = 1,000", goal: fmt.Sprintf("at most %.0f", linearTarget)}
	switch {
	case big == nil:
		lin.measured = noBig
	case mid == nil:
		lin.measured = noMid
	default:
		g := ratio(big.Build.Wall, mid.Build.Wall)
		lin.measured, lin.met = fmt.Sprintf("%.1f (%s)", g, spread(big.Build, mid.Build, 1)), yes(g <= linearTarget)
	}
	ts = append(ts, lin)

	real := target{what: "the real site (content/): the build", goal: "under " + ms(realTarget)}
	if r.real.Err != "" {
		real.measured, real.met = "does not build: "+r.real.Err, yes(false)
	} else {
		real.measured, real.met = ms(r.real.Wall), yes(r.real.Wall < realTarget)
	}
	ts = append(ts, real)

	srv := target{what: "`serve` at N = 1,000: from the save to the page", measured: noMid, goal: "under " + ms(serveTarget)}
	switch {
	case !r.serve:
		srv.measured = "not measured (no serve command)"
	case mid != nil && mid.ServeErr != "":
		srv.measured, srv.met = "failed: "+mid.ServeErr, yes(false)
	case mid != nil && mid.Serve > 0:
		srv.measured, srv.met = ms(mid.Serve), yes(mid.Serve < serveTarget)
	case mid != nil:
		srv.measured = "not measured (-serve-max)"
	}
	ts = append(ts, srv)

	fl := target{what: "N = 10,000: the build's wall time / the floor's", measured: noBig, goal: fmt.Sprintf("at most %.1f", floorTarget)}
	if big != nil {
		f := ratio(big.Build.Wall, big.Floor.Wall)
		fl.measured, fl.met = fmt.Sprintf("%.2f (%s)", f, spread(big.Build, big.Floor, 2)), yes(f <= floorTarget)
	}
	ts = append(ts, fl)

	if small := r.size(21); small != nil {
		ts = append(ts, target{what: "N = 21, the real site's size: the build", measured: ms(small.Build.Wall),
			goal: "under " + ms(realTarget), met: yes(small.Build.Wall < realTarget)})
	}

	b.WriteString("### Targets\n\n| target | measured | goal | met |\n| --- | --- | --- | --- |\n")
	for _, t := range ts {
		if t.met == "" {
			t.met = "not judged"
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s |\n", t.what, t.measured, t.goal, t.met)
	}
	b.WriteString("\n")
	r.beside(b, big, mid)
}

// hugoTarget judges the build against the newest Hugo measured, the one
// first in the report.
func (r *report) hugoTarget(big *Row) target {
	t := target{what: "N = 10,000: the build's wall time / Hugo's", goal: fmt.Sprintf("at most %.1f (aim: %.2f)", hugoTarget, hugoAim)}
	if len(r.hugos) == 0 {
		t.measured = "not measured (no Hugo: " + hugoInstallHint + ")"
		return t
	}
	t.what = "N = 10,000: the build's wall time / " + r.hugos[0] + "'s"
	if big == nil || len(big.Hugo) == 0 {
		t.measured = "not measured (N = 10,000 not in -n)"
		return t
	}
	hg := big.Hugo[0]
	x := ratio(big.Build.Wall, hg.Wall)
	t.measured = fmt.Sprintf("%.2f (%s)", x, spread(big.Build, hg, 2))
	switch {
	case x <= hugoAim:
		t.met = "yes, and the aim"
	case x <= hugoTarget:
		t.met = "yes (the aim not yet)"
	default:
		t.met = yes(false)
	}
	return t
}

// beside writes what helps read the targets: what the memory limit
// costs, and how the floor's and check's times grow beside the build's.
func (r *report) beside(b *strings.Builder, big, mid *Row) {
	var notes []string
	if big != nil && big.Alt != nil {
		l := big.Alt
		notes = append(notes, fmt.Sprintf("N = 10,000 with GOMEMLIMIT=%s: peak RSS %s, in %.2f times the default build's wall time and %.2f its CPU time",
			big.AltLimit, mibs(l.RSS), ratio(l.Wall, big.Build.Wall), ratio(l.CPU, big.Build.CPU)))
	}
	if big != nil && mid != nil {
		notes = append(notes, fmt.Sprintf("from N = 1,000 to N = 10,000 the floor's time grew %.1f times, %s",
			ratio(big.Floor.Wall, mid.Floor.Wall), spread(big.Floor, mid.Floor, 1)))
		if big.Check != nil && mid.Check != nil {
			notes = append(notes, fmt.Sprintf("and check's (the build's work, nothing written) %.1f times, %s",
				ratio(big.Check.Wall, mid.Check.Wall), spread(*big.Check, *mid.Check, 1)))
		}
	}
	for _, n := range notes {
		fmt.Fprintf(b, "- %s\n", n)
	}
	if notes != nil {
		b.WriteString("\n")
	}
}
