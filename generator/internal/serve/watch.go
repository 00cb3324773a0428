package serve

import (
	"context"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// newWatcher reports changes anywhere below the roots. fsnotify watches
// one folder at a time, so folders created later are added as they appear.
func newWatcher(roots ...string) (*fsnotify.Watcher, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	for _, r := range roots {
		if err := addTree(w, r); err != nil {
			w.Close()
			return nil, err
		}
	}
	return w, nil
}

func addTree(w *fsnotify.Watcher, root string) error {
	return filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() {
			return w.Add(p)
		}
		return nil
	})
}

// ignored reports files that editors write beside the real ones: swap and
// backup files, which change nothing in the site.
func ignored(name string) bool {
	base := filepath.Base(name)
	return strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") ||
		strings.HasSuffix(base, ".swp") || strings.HasPrefix(base, "#")
}

// watch rebuilds after each burst of changes until ctx is done, and shows
// a failed build's problems if no change follows within ProblemDelay.
func (s *Server) watch(ctx context.Context, w *fsnotify.Watcher) {
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	grace := time.NewTimer(time.Hour) // ProblemDelay after a failed build
	grace.Stop()
	templates, _ := filepath.Abs(s.opt.Templates)
	themeChanged := false
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.Events:
			if !ok {
				return
			}
			if ev.Has(fsnotify.Create) {
				addTree(w, ev.Name) // a new folder; errors for files are harmless
			}
			if ignored(ev.Name) || ev.Op == fsnotify.Chmod {
				continue
			}
			if abs, err := filepath.Abs(ev.Name); err != nil || within(abs, templates) {
				themeChanged = true
			}
			timer.Reset(Debounce)
		case err, ok := <-w.Errors:
			if !ok {
				return
			}
			fmt.Fprintf(s.opt.Log, "watching: %v\n", err)
		case <-timer.C:
			if s.rebuild(themeChanged) {
				grace.Stop()
			} else {
				grace.Reset(ProblemDelay)
			}
			themeChanged = false
		case <-grace.C:
			s.showProblems()
		}
	}
}

// within reports whether name is dir or inside it.
func within(name, dir string) bool {
	rel, err := filepath.Rel(dir, name)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
