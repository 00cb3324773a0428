package build

import (
	"errors"
	"io"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"explainer/generator/internal/render"

	"golang.org/x/tools/txtar"
)

// failing is a render.Writer that keeps the names of the files written and
// fails the first whose name has the prefix fail.
type failing struct {
	fail string

	mu      sync.Mutex
	written []string
}

var errDisk = errors.New("disk full")

func (w *failing) file(rel string) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if strings.HasPrefix(rel, w.fail) {
		return errDisk
	}
	w.written = append(w.written, rel)
	return nil
}

func (w *failing) WriteFile(rel string, _ []byte) error { return w.file(rel) }

func (w *failing) Stream(rel string, write func(io.Writer) error) error {
	if err := w.file(rel); err != nil {
		return err
	}
	return write(io.Discard)
}

func (w *failing) Rename(_, to string) error { return w.file(to) }

// Write's stage runs the search index, the pages and the other files;
// whichever fails to be written, Write returns that error, and no page is
// written when the index, which they name, was not.
func TestWriteFails(t *testing.T) {
	dir := writeSite(t, &txtar.Archive{})
	load := func() *Model {
		m, err := Load(LoadOptions{Content: filepath.Join(dir, "content"), Templates: filepath.Join(dir, "templates")})
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	for _, c := range []struct {
		fail      string
		noPages   bool // no page is written
		pagesDone bool // every page is written
	}{
		{fail: "assets/search.", noPages: true},
		{fail: "en/barriers/beef/"},
		{fail: "robots.txt", pagesDone: true},
		{fail: "assets/style.", pagesDone: true},
	} {
		t.Run(c.fail, func(t *testing.T) {
			m := load()
			w := &failing{fail: c.fail}
			n, err := Write(m, w)
			if !errors.Is(err, errDisk) || n != 0 {
				t.Fatalf("Write gives %d, %v; want 0 and %v", n, err, errDisk)
			}
			pages := 0
			for _, name := range w.written {
				if strings.HasSuffix(name, ".html") {
					pages++
				}
			}
			if c.noPages && pages > 0 {
				t.Errorf("%d pages written without their search index", pages)
			}
			if all := len(render.Pages(m.Site, m.Theme, m.Markdown)); c.pagesDone && pages != all {
				t.Errorf("%d of %d pages written", pages, all)
			}
		})
	}
}
