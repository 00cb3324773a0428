package serve

import (
	"context"
	"io/fs"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// watcher reports changes anywhere below some folders. fsnotify watches
// one folder at a time, so folders created later are added as they appear.
type watcher struct {
	w *fsnotify.Watcher
}

func newWatcher(roots ...string) (*watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{w: fw}
	for _, r := range roots {
		if err := w.addTree(r); err != nil {
			fw.Close()
			return nil, err
		}
	}
	return w, nil
}

func (w *watcher) addTree(root string) error {
	return filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() {
			return w.w.Add(p)
		}
		return nil
	})
}

func (w *watcher) close() { w.w.Close() }

// ignored reports files that editors write beside the real ones: swap and
// backup files, which change nothing in the site.
func ignored(name string) bool {
	base := filepath.Base(name)
	return strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") ||
		strings.HasSuffix(base, ".swp") || strings.HasPrefix(base, "#")
}

// watch rebuilds after each burst of changes until ctx is done, and shows
// a failed build's problems if no change follows within ProblemDelay.
func (s *Server) watch(ctx context.Context, w *watcher) {
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
		case ev, ok := <-w.w.Events:
			if !ok {
				return
			}
			if ev.Has(fsnotify.Create) {
				w.addTree(ev.Name) // a new folder; errors for files are harmless
			}
			if ignored(ev.Name) || ev.Op == fsnotify.Chmod {
				continue
			}
			if abs, err := filepath.Abs(ev.Name); err != nil || within(abs, templates) {
				themeChanged = true
			}
			timer.Reset(Debounce)
		case err, ok := <-w.w.Errors:
			if !ok {
				return
			}
			s.logf("watching: %v", err)
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
