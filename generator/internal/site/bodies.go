package site

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"sync"
)

// MemoryBudget is how many bytes of converted bodies a site keeps in
// memory; the bodies beyond it go to a temporary file, from which
// Entry.Body reads them back. The real site's bodies take well under a
// MiB; a site of 20,000 pages has about 150 MiB of them. Kept in memory,
// they took its build past 290 MiB; deflated (54 MiB), to about 205 MiB
// and a sixth more CPU time; in the file, the build stays near 140 MiB
// for the cost of a write and a read (BENCHMARKS.md).
const MemoryBudget = 1 << 20

// bodies holds every entry's HTML from the scan, where each body is
// converted, until its page is written. Put and Get are safe for
// concurrent use.
type bodies struct {
	budget int64

	mu    sync.Mutex
	inMem int64    // bytes held in memory
	file  *os.File // the spill file, made on first need
	size  int64    // bytes written to it
	err   error    // the first failure to write it
	told  bool     // whether err was returned
}

// stored is where one body is.
type stored struct {
	html string // in memory, or ""
	at   int64  // else its offset in the spill file
	n    int
}

// put keeps html, which the caller may reuse after put returns. Once the
// temporary file has failed, put returns the failure once and errReported
// after that, so a full disk makes one message, not one per page.
func (b *bodies) put(html []byte) (stored, error) {
	n := int64(len(html))
	b.mu.Lock()
	if b.inMem+n <= b.budget {
		b.inMem += n
		b.mu.Unlock()
		return stored{html: string(html), n: len(html)}, nil
	}
	if b.file == nil && b.err == nil {
		b.file, b.err = spillFile()
	}
	if b.err != nil {
		err := b.failure()
		b.mu.Unlock()
		return stored{}, err
	}
	at := b.size
	b.size += n
	f := b.file
	b.mu.Unlock()
	if _, err := f.WriteAt(html, at); err != nil {
		b.mu.Lock()
		defer b.mu.Unlock()
		if b.err == nil {
			b.err = fmt.Errorf("cannot keep a converted body in a temporary file: %v", err)
		}
		return stored{}, b.failure()
	}
	return stored{at: at, n: len(html)}, nil
}

// errReported stands for a failure of the temporary file already returned.
var errReported = errors.New("the temporary file of bodies failed; see the first error")

// failure returns b.err the first time, errReported after. b.mu is held.
func (b *bodies) failure() error {
	if b.told {
		return errReported
	}
	b.told = true
	return b.err
}

// get returns a body as a string.
func (b *bodies) get(s stored) (string, error) {
	if s.html != "" || s.n == 0 {
		return s.html, nil
	}
	html, err := b.appendTo(nil, s)
	return string(html), err
}

// appendTo appends a body to buf. One in the temporary file is read
// straight into buf.
func (b *bodies) appendTo(buf []byte, s stored) ([]byte, error) {
	if s.html != "" || s.n == 0 {
		return append(buf, s.html...), nil
	}
	b.mu.Lock()
	f := b.file
	b.mu.Unlock()
	if f == nil {
		return buf, errors.New("the site was closed")
	}
	buf = slices.Grow(buf, s.n)
	part := buf[len(buf) : len(buf)+s.n]
	if _, err := f.ReadAt(part, s.at); err != nil {
		return buf, fmt.Errorf("cannot read a converted body back: %v", err)
	}
	return buf[:len(buf)+s.n], nil
}

// close removes the spill file, if there is one.
func (b *bodies) close() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.file == nil {
		return nil
	}
	name := b.file.Name()
	err := b.file.Close()
	b.file = nil
	if rmErr := os.Remove(name); rmErr != nil && !errors.Is(rmErr, os.ErrNotExist) && err == nil {
		err = rmErr
	}
	return err
}

// spillFile makes the temporary file. Where the system allows it, the file
// is removed from its folder at once and lives only while it is open, so a
// killed build leaves nothing behind.
func spillFile() (*os.File, error) {
	f, err := os.CreateTemp("", "explainer-bodies-*")
	if err != nil {
		return nil, fmt.Errorf("cannot make a temporary file for converted bodies: %v", err)
	}
	os.Remove(f.Name()) // fails on Windows, where close removes it
	return f, nil
}
