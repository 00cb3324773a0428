package render

import (
	"runtime"
	"sync"

	"explainer/generator/internal/site"
)

// eachBody converts the bodies of entries on all cores and hands each to
// use, with its index, for what a caller keeps of it (a feed entry's
// HTML). The site keeps no bodies (see
// site.Entry.Body); use may be called concurrently for different indexes.
func eachBody(entries []*site.Entry, use func(i int, body []byte)) error {
	errs := make([]error, len(entries))
	work := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range work {
				b, err := entries[i].Body()
				if err != nil {
					errs[i] = err
					continue
				}
				use(i, b)
			}
		})
	}
	for i := range entries {
		work <- i
	}
	close(work)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
