package main

import (
	"runtime/debug"
)

// buildMemoryLimit is the soft memory limit of build and check: the
// collector works harder near it, and a site that needs more gets more.
// It kept a build of 20,000 pages under 150 MiB; with today's search index
// such a build needs more and the limit costs it time (BENCHMARKS.md).
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
