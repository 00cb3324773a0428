package cores

import (
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Every i is done once, the first two at the same time when there are
// cores for two, and Each returns only when all are done.
func TestEach(t *testing.T) {
	together := runtime.GOMAXPROCS(0) > 1
	for _, n := range []int{0, 1, 2, 1000} {
		done := make([]atomic.Int32, n)
		var first sync.WaitGroup // calls 0 and 1 have begun
		first.Add(min(n, 2))
		Each(n, func(i int) {
			if i < 2 {
				first.Done()
				if together && !within(&first, 10*time.Second) {
					t.Errorf("n = %d: calls 0 and 1 did not run at the same time", n)
				}
			}
			done[i].Add(1)
		})
		for i := range done {
			if c := done[i].Load(); c != 1 {
				t.Fatalf("n = %d: call %d made %d times", n, i, c)
			}
		}
	}
}

// within reports whether wg is done before d has passed.
func within(wg *sync.WaitGroup, d time.Duration) bool {
	ch := make(chan struct{})
	go func() { wg.Wait(); close(ch) }()
	select {
	case <-ch:
		return true
	case <-time.After(d):
		return false
	}
}
