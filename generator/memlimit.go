package main

import (
	"runtime/debug"
)

// buildMemoryLimit is the soft memory limit of build and check: the Go
// runtime collects garbage more often as the heap nears it, so a build of
// 20,000 pages (whose live data peaks near 85 MiB) peaks under 150 MiB
// instead of 235 to 252, for a little more time. It is soft: a
// site that needs more gets more, and the collector never takes more than
// half the CPU time to hold it. BENCHMARKS.md has the measurements.
const buildMemoryLimit = 128 << 20

// setMemoryLimit gives build and check their soft memory limit, unless
// GOMEMLIMIT (in getenv) sets one of its own, or "off" for none.
func setMemoryLimit(getenv func(string) string) {
	if limit, ok := memoryLimit(getenv); ok {
		debug.SetMemoryLimit(limit)
	}
}

// memoryLimit is the limit setMemoryLimit sets, and whether it sets one.
func memoryLimit(getenv func(string) string) (int64, bool) {
	if getenv("GOMEMLIMIT") != "" {
		return 0, false // the runtime has read it already
	}
	return buildMemoryLimit, true
}
