// Package output writes a build into a fresh folder beside the output folder
// and swaps it in only when the whole build has succeeded, so the previous
// site stays complete and untouched until then: a failed or interrupted
// build (even one killed with SIGKILL) leaves it exactly as it was.
//
// The output folder is the generator's alone. Every build replaces it whole,
// so anything put there by hand (a CNAME file, say) would be gone after the
// next build; GitHub Pages takes a custom domain from the repository's
// settings instead. To keep that from eating a folder it did not make,
// every build writes a marker file, .generator, and Begin refuses to
// replace a non-empty folder without one. It also refuses
// an output folder that is, or holds, one of the folders it is told to
// protect (the content, the templates, the repository), and one that is a
// symbolic link.
//
// The temporary folder is named .<out>.new-<digits> (and, on systems without
// an atomic exchange, .<out>.new-<digits>.old for the old site on its way
// out). A build that is killed leaves it behind; the next build removes
// every folder of that pattern that no running build holds (on Linux each
// build holds a lock on its own). They live beside the output folder, never
// inside it, so they are never served or deployed.
package output

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sync"
)

// Marker is the file every build writes at the top of the output folder.
const Marker = ".generator"

const markerText = "This folder is built by the explainer generator (go run ./generator build).\n" +
	"Every build replaces it whole: do not put files here by hand.\n"

// Dir is an output folder being written.
type Dir struct {
	final  string   // the output folder
	tmp    string   // where this build writes
	made   sync.Map // folders made in tmp that hold other folders
	unlock func()
}

// Begin starts writing the output folder out, which it creates if needed.
// It refuses an output folder that holds, or is, one of the protected
// folders (the content and templates, for example): swapping it would
// replace them. It removes what killed builds left beside it.
func Begin(out string, protected ...string) (*Dir, error) {
	abs, err := filepath.Abs(out)
	if err != nil {
		return nil, err
	}
	if err := checkProtected(out, abs, protected); err != nil {
		return nil, err
	}
	if err := checkReplaceable(out, abs); err != nil {
		return nil, err
	}
	parent := filepath.Dir(abs)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	removeLeftovers(parent, filepath.Base(abs))
	tmp, err := os.MkdirTemp(parent, tempPrefix(filepath.Base(abs)))
	if err != nil {
		return nil, err
	}
	d := &Dir{final: abs, tmp: tmp, unlock: lock(tmp)}
	if err := os.Chmod(tmp, 0o755); err != nil {
		d.Abort()
		return nil, err
	}
	if err := d.WriteFile(Marker, []byte(markerText)); err != nil {
		d.Abort()
		return nil, err
	}
	return d, nil
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
	if err := d.mkdirFor(filepath.Dir(p)); err != nil {
		return err
	}
	return os.WriteFile(p, data, 0o644)
}

// Stream writes the file at rel (as WriteFile) with what write writes,
// without holding it in memory.
func (d *Dir) Stream(rel string, write func(io.Writer) error) error {
	if !fs.ValidPath(rel) || rel == "." {
		return fmt.Errorf("output path %q is not inside the output folder", rel)
	}
	p := filepath.Join(d.tmp, filepath.FromSlash(rel))
	if err := d.mkdirFor(filepath.Dir(p)); err != nil {
		return err
	}
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// Rename moves the file at from to to, both inside the folder and in the
// same folder.
func (d *Dir) Rename(from, to string) error {
	if !fs.ValidPath(from) || !fs.ValidPath(to) || path.Dir(from) != path.Dir(to) {
		return fmt.Errorf("cannot rename output %q to %q", from, to)
	}
	return os.Rename(filepath.Join(d.tmp, filepath.FromSlash(from)), filepath.Join(d.tmp, filepath.FromSlash(to)))
}

// mkdirFor makes dir, the folder of a file, and its parents. A site is a
// folder per page: the parents are remembered (os.MkdirAll would look at
// each of them again for every page), the page's own folder is not, as no
// other file goes there.
func (d *Dir) mkdirFor(dir string) error {
	if dir == d.tmp {
		return nil
	}
	if err := d.mkdir(filepath.Dir(dir)); err != nil {
		return err
	}
	if err := os.Mkdir(dir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	return nil
}

// mkdir makes dir and its parents, remembering what it made.
func (d *Dir) mkdir(dir string) error {
	if dir == d.tmp {
		return nil
	}
	if _, done := d.made.Load(dir); done {
		return nil
	}
	if err := d.mkdir(filepath.Dir(dir)); err != nil {
		return err
	}
	if err := os.Mkdir(dir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	d.made.Store(dir, true)
	return nil
}

// Commit puts the new site in place of the old one and removes the old one.
func (d *Dir) Commit() error {
	defer d.unlock()
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
func (d *Dir) Abort() error {
	defer d.unlock()
	return os.RemoveAll(d.tmp)
}

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
