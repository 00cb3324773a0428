package search

import (
	"bufio"
	"fmt"
	"os"
	"sync"
)

// textBudget is how many bytes of passages a textStore keeps in memory; the
// rest wait in a temporary file until the index is written. A page's text
// is some 8 KB: a site of 20,000 pages would otherwise hold 150 MiB of it
// through the build, which keeps itself under 200 MiB.
const textBudget = 1 << 20

// spillChunk is how much of the temporary file a textStore writes, and
// reads back, at a time: passages come back in about the order they were
// kept, so one read brings back dozens. At N = 10,000, a read and a write
// per passage took 1.6 s of CPU, and the writes were made under the lock
// the goroutines parsing bodies share.
const spillChunk = 256 << 10

// textStore keeps the text of every part of one language until its index
// is written. Put and get are safe for concurrent use.
type textStore struct {
	mu    sync.Mutex
	inMem int
	file  *os.File      // made on first need, removed at once where the system allows
	name  string        // the file's name, if it could not be removed yet
	w     *bufio.Writer // to the end of file
	size  int64
	// window is what was last read back from the file, from windowAt.
	window   []byte
	windowAt int64
}

// stored is where one text is: in memory, or in the file.
type stored struct {
	text string
	at   int64
	n    int
}

func (t *textStore) put(text string) (stored, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.inMem+len(text) <= textBudget {
		t.inMem += len(text)
		return stored{text: text, n: len(text)}, nil
	}
	if t.file == nil {
		f, err := os.CreateTemp("", "explainer-search-")
		if err != nil {
			return stored{}, fmt.Errorf("cannot keep the search passages in a temporary file: %v", err)
		}
		t.file, t.w = f, bufio.NewWriterSize(f, spillChunk)
		if os.Remove(f.Name()) != nil {
			t.name = f.Name() // Windows: removed by close
		}
	}
	at := t.size
	if _, err := t.w.WriteString(text); err != nil {
		return stored{}, fmt.Errorf("cannot keep the search passages in a temporary file: %v", err)
	}
	t.size += int64(len(text))
	return stored{at: at, n: len(text)}, nil
}

func (t *textStore) get(s stored) (string, error) {
	if s.text != "" || s.n == 0 {
		return s.text, nil
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if err := t.w.Flush(); err != nil {
		return "", fmt.Errorf("cannot keep the search passages in a temporary file: %v", err)
	}
	end := s.at + int64(s.n)
	if s.at < t.windowAt || end > t.windowAt+int64(len(t.window)) {
		t.window = t.window[:cap(t.window)]
		if len(t.window) < max(s.n, spillChunk) {
			t.window = make([]byte, max(s.n, spillChunk))
		}
		n, err := t.file.ReadAt(t.window, s.at)
		if n < s.n {
			return "", fmt.Errorf("cannot read the search passages back from a temporary file: %v", err)
		}
		t.window, t.windowAt = t.window[:n], s.at
	}
	return string(t.window[s.at-t.windowAt : end-t.windowAt]), nil
}

// close removes the temporary file, if there is one. A store never
// written (a build that failed, the preview's) leaves it to the
// collector, which closes an *os.File it finds unreachable, and the
// system, which has already removed its name.
func (t *textStore) close() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.file != nil {
		t.file.Close()
		if t.name != "" {
			os.Remove(t.name)
		}
		t.file, t.w, t.window = nil, nil, nil
	}
}
