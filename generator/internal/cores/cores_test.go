package cores

import (
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
)

// Every i is done once, on several goroutines at once when there are
// cores for them, and Each returns only when all are.
func TestEach(t *testing.T) {
	for _, n := range []int{0, 1, 2, 1000} {
		done := make([]atomic.Int32, n)
		var running, most atomic.Int32
		var wait sync.WaitGroup
		wait.Add(min(n, 2))
		Each(n, func(i int) {
			now := running.Add(1)
			defer running.Add(-1)
			for m := most.Load(); now > m && !most.CompareAndSwap(m, now); m = most.Load() {
			}
			if i < 2 && runtime.GOMAXPROCS(0) > 1 {
				wait.Done()
				wait.Wait() // the first two run at the same time
			}
			done[i].Add(1)
		})
		for i := range done {
			if c := done[i].Load(); c != 1 {
				t.Fatalf("n = %d: %d done %d times", n, i, c)
			}
		}
		if n >= 2 && runtime.GOMAXPROCS(0) > 1 && most.Load() < 2 {
			t.Errorf("n = %d: never two at once", n)
		}
	}
}
