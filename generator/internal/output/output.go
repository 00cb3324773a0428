// Package output writes a build into a fresh folder beside the output
// folder and swaps it in only when the whole build has succeeded: a failed
// or interrupted build (even one killed with SIGKILL) leaves the previous
// site exactly as it was.
//
// Every build replaces the output folder whole, so anything put there by
// hand (a CNAME file) would be lost; GitHub Pages takes a custom domain
// from the repository's settings instead. Each build writes a marker file,
// .generator, and Begin refuses a non-empty folder without one, a symbolic
// link, and a folder that is or holds one it is told to protect (the
// content, the templates, the repository).
//
// A file may be put in without its bytes being copied (LinkFile): a hard
// link to a file that never changes in place, as the picture cache's.
//
// The temporary folder, .<out>.new-<digits> (and .<out>.new-<digits>.old
// for the old site where there is no atomic exchange), is left behind by a
// killed build and removed by the next unless a running build holds it (on
// Linux each holds a lock on its own). It lies beside the output folder,
// so it is never served or deployed.
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

// Begin starts writing the output folder out (see the package doc for
// what it refuses) and removes what killed builds left beside it.
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

// WriteFile writes data at the slash-separated path rel, which must stay
// inside the folder, creating folders as needed.
func (d *Dir) WriteFile(rel string, data []byte) error {
	p, err := d.place(rel)
	if err != nil {
		return err
	}
	return os.WriteFile(p, data, 0o644)
}

// Stream writes the file at rel with what write writes.
func (d *Dir) Stream(rel string, write func(io.Writer) error) error {
	p, err := d.place(rel)
	if err != nil {
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

// LinkFile puts the file src at rel without copying it, as a hard link:
// the two names then share their bytes, so src must be a file that never
// changes in place (the picture cache's). It fails where the system cannot
// link (src on another file system) and when src is not a plain file that
// everyone may read, as a site's files must be; the caller then writes the
// bytes.
func (d *Dir) LinkFile(rel, src string) error {
	p, err := d.place(rel)
	if err != nil {
		return err
	}
	info, err := os.Lstat(src)
	if err != nil {
		return err
	}
	if !info.Mode().IsRegular() || info.Mode().Perm()&0o444 != 0o444 {
		return fmt.Errorf("%s: not a plain file that everyone may read", src)
	}
	return os.Link(src, p)
}

// Rename renames a file within its folder.
func (d *Dir) Rename(from, to string) error {
	if !fs.ValidPath(from) || !fs.ValidPath(to) || path.Dir(from) != path.Dir(to) {
		return fmt.Errorf("cannot rename output %q to %q", from, to)
	}
	return os.Rename(filepath.Join(d.tmp, filepath.FromSlash(from)), filepath.Join(d.tmp, filepath.FromSlash(to)))
}

// place is the file path of rel, whose folders it makes.
func (d *Dir) place(rel string) (string, error) {
	if !fs.ValidPath(rel) || rel == "." {
		return "", fmt.Errorf("output path %q is not inside the output folder", rel)
	}
	p := filepath.Join(d.tmp, filepath.FromSlash(rel))
	return p, d.mkdir(filepath.Dir(p), false)
}

// mkdir makes dir and its parents. A site is a folder per page: the
// parents are remembered (os.MkdirAll would look at each again for every
// page), a page's own folder (remember false) is not.
func (d *Dir) mkdir(dir string, remember bool) error {
	if dir == d.tmp {
		return nil
	}
	if _, done := d.made.Load(dir); done {
		return nil
	}
	if err := d.mkdir(filepath.Dir(dir), true); err != nil {
		return err
	}
	if err := os.Mkdir(dir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	if remember {
		d.made.Store(dir, true)
	}
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
