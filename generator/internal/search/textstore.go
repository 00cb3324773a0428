package search

import (
	"fmt"
	"os"
	"sync"
)

// textBudget is how many bytes of passages a Site keeps in memory; the
// rest wait in a temporary file until the index is written. A page's text
// is some 8 KB: a site of 20,000 pages would otherwise hold 150 MiB of it
// through the build, which keeps itself under 200 MiB.
const textBudget = 1 << 20

// textStore keeps the text of every part until the index is written. Put
// and get are safe for concurrent use.
type textStore struct {
	mu    sync.Mutex
	inMem int
	file  *os.File // made on first need, removed at once where the system allows
	name  string   // the file's name, if it could not be removed yet
	size  int64
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
		t.file = f
		if os.Remove(f.Name()) != nil {
			t.name = f.Name() // Windows: removed by close
		}
	}
	at := t.size
	if _, err := t.file.WriteAt([]byte(text), at); err != nil {
		return stored{}, fmt.Errorf("cannot keep the search passages in a temporary file: %v", err)
	}
	t.size += int64(len(text))
	return stored{at: at, n: len(text)}, nil
}

func (t *textStore) get(s stored) (string, error) {
	if s.text != "" || s.n == 0 {
		return s.text, nil
	}
	b := make([]byte, s.n)
	if _, err := t.file.ReadAt(b, s.at); err != nil {
		return "", fmt.Errorf("cannot read the search passages back from a temporary file: %v", err)
	}
	return string(b), nil
}

// close removes the temporary file, if there is one. A Site never
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
		t.file = nil
	}
}
