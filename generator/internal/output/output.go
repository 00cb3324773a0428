// Package output writes a build into a fresh folder beside the output folder
// and swaps it in only when the whole build has succeeded, so the previous
// site stays complete and untouched until then: a failed or interrupted
// build leaves it exactly as it was.
package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Dir is an output folder being written.
type Dir struct {
	final string // the output folder
	tmp   string // where this build writes
}

// Begin starts writing the output folder out, which it creates if needed.
// It refuses an output folder that holds, or is, one of the protected
// folders (the content and templates, for example): swapping it would
// replace them.
func Begin(out string, protected ...string) (*Dir, error) {
	abs, err := filepath.Abs(out)
	if err != nil {
		return nil, err
	}
	for _, p := range protected {
		pa, err := filepath.Abs(p)
		if err != nil {
			return nil, err
		}
		if abs == pa || strings.HasPrefix(pa, abs+string(filepath.Separator)) {
			return nil, fmt.Errorf("output folder %s would replace %s; choose another folder, such as public", out, p)
		}
	}
	if st, err := os.Lstat(abs); err == nil && !st.IsDir() {
		return nil, fmt.Errorf("output folder %s exists and is not a folder", out)
	}
	parent := filepath.Dir(abs)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(abs)+".new-")
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	return &Dir{final: abs, tmp: tmp}, nil
}

// Path is the folder the build writes to until Commit.
func (d *Dir) Path() string { return d.tmp }

// WriteFile writes data at the slash-separated path rel inside the folder,
// creating folders as needed. rel must stay inside the folder.
func (d *Dir) WriteFile(rel string, data []byte) error {
	if !fs.ValidPath(rel) || rel == "." {
		return fmt.Errorf("output path %q is not inside the output folder", rel)
	}
	p := filepath.Join(d.tmp, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, data, 0o644)
}

// Commit puts the new site in place of the old one and removes the old one.
func (d *Dir) Commit() error {
	old, err := swap(d.tmp, d.final)
	if err != nil {
		return err
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

// Abort discards what was written; the output folder is not touched.
func (d *Dir) Abort() error { return os.RemoveAll(d.tmp) }

// swapSteps replaces final with tmp in two renames, for systems that cannot
// exchange two folders in one step. It returns where the old folder went.
func swapSteps(tmp, final string) (string, error) {
	if _, err := os.Lstat(final); errors.Is(err, fs.ErrNotExist) {
		return "", os.Rename(tmp, final)
	}
	old := tmp + ".old"
	if err := os.Rename(final, old); err != nil {
		return "", err
	}
	if err := os.Rename(tmp, final); err != nil {
		os.Rename(old, final) // put the old site back
		return "", err
	}
	return old, nil
}
