package content

import (
	"bytes"
	"io/fs"
	"maps"
	"sync"
	"time"

	"explainer/generator/internal/diag"
)

// A Cache lets LoadMetaCached skip the documents whose size and
// modification time did not change since the last load through it, so the
// preview reloads only the file saved. A change to site.yaml (languages)
// loads every document again. A document loaded through a Cache keeps its
// text, for Set.Source: the preview's memory holds the content folder.
type Cache struct {
	mu     sync.Mutex
	config string
	docs   map[string]cached
}

type cached struct {
	size int64
	mod  time.Time
	doc  *Doc // nil if it could not be loaded
	errs diag.List
}

// LoadMetaCached is Load through c: unchanged files give the same *Doc as
// last time, so a caller can keep what it made of them.
func LoadMetaCached(fsys fs.FS, dir string, c *Cache) (*Set, error) {
	return load(fsys, dir, c)
}

// begin resets the cache if the configuration changed.
func (c *Cache) begin(config []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.docs == nil || c.config != string(config) {
		c.config = string(config)
		c.docs = make(map[string]cached)
	}
}

// loadDoc is the package's loadDoc, skipped for an unchanged file; a nil
// Cache skips nothing.
func (c *Cache) loadDoc(fsys fs.FS, name, shown string, cfg *Config, errs *diag.List, buf *bytes.Buffer) *Doc {
	if c == nil {
		return loadDoc(fsys, name, shown, cfg, errs, buf, false)
	}
	info, err := fs.Stat(fsys, name)
	if err != nil {
		return loadDoc(fsys, name, shown, cfg, errs, buf, false) // which reports it
	}
	c.mu.Lock()
	old, ok := c.docs[name]
	c.mu.Unlock()
	if ok && old.size == info.Size() && old.mod.Equal(info.ModTime()) {
		errs.Merge(&old.errs)
		return old.doc
	}
	var found diag.List
	d := loadDoc(fsys, name, shown, cfg, &found, buf, true)
	c.mu.Lock()
	c.docs[name] = cached{size: info.Size(), mod: info.ModTime(), doc: d, errs: found}
	c.mu.Unlock()
	errs.Merge(&found)
	return d
}

// keep drops the files that are gone.
func (c *Cache) keep(names []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	want := make(map[string]bool, len(names))
	for _, n := range names {
		want[n] = true
	}
	maps.DeleteFunc(c.docs, func(n string, _ cached) bool { return !want[n] })
}
