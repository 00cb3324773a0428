package build

import (
	"os"
	"runtime/debug"
)

// limitMemory sets a soft memory limit for a build of docs documents,
// unless GOMEMLIMIT says otherwise.
//
// A build keeps about 3.5 KiB for every document until it ends (front
// matter, headings, links: see package site) and converts bodies one page
// at a time. Left alone, Go's collector lets the heap grow to twice what it
// found live at its last cycle, and while page workers allocate fast, what
// it finds live includes their garbage: a build of 20,000 pages grew to
// 230 MiB to use 70. The limit makes the collector run before that, for
// about 5% more CPU time there and none on a small site, which never comes
// near it. It grows with the site (6 KiB a document, well above what each
// keeps) so that a very large site is never held below what it needs,
// where the collector would run without pause. BENCHMARKS.md has the
// figures.
func limitMemory(docs int) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetMemoryLimit(max(128<<20, int64(docs)*6<<10))
}
