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
		"- build at N = 10,000 / at N = 1,000 = 11.5 (at most 11): NOT met\n  - round by round 9.0 to 12.0\n",
		"  - the floor's: 9.0, round by round 8.0 to 10.5\n",
		"  - check's (the build's work, nothing written): 11.0, round by round 10.0 to 11.0\n",
		"- N = 10,000: build / floor = 1.46 (at most 1.5): met\n  - round by round 1.00 to 1.88\n",
		"| 10000 | generator build | 9200 ms, 12.0 s, 6300 ms |\n",
		"| 1000 | generator check | 500 ms, 600 ms, 500 ms |\n",
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
