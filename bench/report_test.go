package main

import (
	"strings"
	"testing"
	"time"
)

// stats makes the Stats of runs with the given wall times, in seconds.
func stats(walls ...float64) Stats {
	var all []Sample
	for _, w := range walls {
		all = append(all, Sample{Wall: time.Duration(w * float64(time.Second))})
	}
	return median(all)
}

// The linear target is judged on the medians, and the report shows under
// it how far the rounds' own ratios are apart, the floor's and check's
// beside the build's.
func TestTargetsShowEachRound(t *testing.T) {
	r := &report{runs: 3, real: Result{Err: "not measured"}, rows: []Row{
		{N: 1000, Floor: stats(0.7, 0.8, 0.6), Build: stats(0.8, 1.0, 0.7), Check: ptr(stats(0.5, 0.6, 0.5))},
		// Round by round, the build grew 11.5, 12 and 9 times; the
		// medians, 9.2 s against 0.8 s, 11.5 times: not met.
		{N: 10000, Floor: stats(6, 6.4, 6.3), Build: stats(9.2, 12, 6.3), Check: ptr(stats(5, 6, 5.5))},
	}}
	got := r.String()
	for _, want := range []string{
		"| linear: the build at N = 10,000 / at N = 1,000 | 11.5 (round by round 9.0 to 12.0) | at most 11 | **no** |\n",
		"- from N = 1,000 to N = 10,000 the floor's time grew 9.0 times, round by round 8.0 to 10.5\n",
		"- and check's (the build's work, nothing written) 11.0 times, round by round 10.0 to 11.0\n",
		"| N = 10,000: the build's wall time / the floor's | 1.46 (round by round 1.00 to 1.88) | at most 1.5 | yes |\n",
		"| 10000 | generator build | 9200 ms, 12.0 s, 6300 ms |\n",
		"| 1000 | generator check | 500 ms, 600 ms, 500 ms |\n",
		// Without Hugo the Hugo target is a line still, saying why it
		// is not judged.
		"| N = 10,000: the build's wall time / Hugo's | not measured (no Hugo: ",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the report lacks %q:\n%s", want, got)
		}
	}
}

// stat is the Stats of runs with the given wall times, in seconds, and
// peak memory, in MiB.
func stat(rss int64, walls ...float64) Stats {
	var all []Sample
	for _, w := range walls {
		all = append(all, Sample{Wall: time.Duration(w * float64(time.Second)), CPU: time.Second, RSS: rss * mib})
	}
	return median(all)
}

// Each Hugo has columns of its own, the build's wall time, CPU time and
// memory as ratios to that Hugo's; the newest is the one the target is
// judged against; every target of the issue is a line of the table.
func TestTargetsAgainstEachHugo(t *testing.T) {
	r := &report{runs: 2, serve: true, real: Result{Stats: stat(30, 0.06, 0.06)}, hugos: []string{"Hugo 0.152.2", "Hugo 0.111.3"}, rows: []Row{
		{N: 1000, Floor: stat(60, 0.5, 0.5), Build: stat(80, 0.6, 0.6), Hugo: []Stats{stat(160, 1.2, 1.2), stat(100, 2.4, 2.4)}, Serve: 40 * time.Millisecond},
		{N: 10000, Floor: stat(90, 4, 4), Build: stat(200, 4.2, 4.8), Hugo: []Stats{stat(800, 10, 12), stat(400, 20, 20)}},
	}}
	got := r.String()
	for _, want := range []string{
		"| wall / Hugo 0.152.2 | CPU / Hugo 0.152.2 | RSS / Hugo 0.152.2 | wall / Hugo 0.111.3 | CPU / Hugo 0.111.3 | RSS / Hugo 0.111.3 |\n",
		// The medians: 4.8 s over 12 s and 20 s, 200 MiB over 800 and 400.
		"| 10000 | 20000 | generator build | 4800 ms | 1000 ms | 200 MiB | 1.20 | 1.00 | 0.40 | 1.00 | 0.25 | 0.24 | 1.00 | 0.50 |\n",
		"| 10000 | 20000 | Hugo 0.111.3 | 20.0 s | 1000 ms | 400 MiB |" + strings.Repeat("  |", 8) + "\n",
		"| N = 10,000: the build's wall time / Hugo 0.152.2's | 0.40 (round by round 0.40 to 0.42) | at most 0.5 (aim: 0.35) | yes (the aim not yet) |\n",
		"| N = 10,000: the build's peak memory | 200 MiB | under 256 MiB | yes |\n",
		"| linear: the build at N = 10,000 / at N = 1,000 | 8.0 (round by round 7.0 to 8.0) | at most 11 | yes |\n",
		"| the real site (content/): the build | 60 ms | under 100 ms | yes |\n",
		"| `serve` at N = 1,000: from the save to the page | 40 ms | under 50 ms | yes |\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the report lacks %q:\n%s", want, got)
		}
	}
}

func TestSpreadWithoutRounds(t *testing.T) {
	if got := spread(Stats{}, stats(1), 1); got != "no rounds" {
		t.Errorf("spread of no runs = %q, want %q", got, "no rounds")
	}
}

func ptr[T any](v T) *T { return &v }
