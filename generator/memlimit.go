package main

import (
	"runtime/debug"
)

// buildMemoryLimit is the soft memory limit of build and check: the
// collector works harder near it, and a site that needs more gets more.
// A build of 20,000 pages has some 155 MiB live at its peak (the model,
// then the search index's postings while pages begin): near that, a lower
// limit has the collector run almost without pause, and 200 MiB keeps the
// build under 230 MiB at a cost of some CPU time (BENCHMARKS.md).
const buildMemoryLimit = 200 << 20

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
