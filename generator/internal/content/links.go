package content

import (
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"strings"
)

// maxLinkHops bounds how many symbolic links one path may go through, as
// the kernel does, so a loop of links is an error rather than a hang.
const maxLinkHops = 40

// checkFile reports why the file name must not be read: not a regular
// file (a pipe would block forever), or a symbolic link, or a path through
// one, that leads out of the folder (an os.DirFS would follow it, and
// publish any file of the machine that builds).
func checkFile(fsys fs.FS, name string) error {
	target, err := resolveInside(fsys, name)
	if err != nil {
		return err
	}
	st, err := fs.Stat(fsys, target)
	if err != nil {
		return fmt.Errorf("cannot read: %v", unwrapPathError(err))
	}
	if !st.Mode().IsRegular() {
		return fmt.Errorf("not a regular file (%v); the content folder holds only text files", st.Mode().Type())
	}
	return nil
}

// resolveInside follows the symbolic links in name, an element at a time,
// to the path it leads to; a link out of fsys is an error.
func resolveInside(fsys fs.FS, name string) (string, error) {
	cur := name
	for hops := 0; ; {
		parts := strings.Split(cur, "/")
		linked := false
		for i := range parts {
			prefix := path.Join(parts[:i+1]...)
			st, err := fs.Lstat(fsys, prefix)
			if err != nil || st.Mode()&fs.ModeSymlink == 0 {
				continue
			}
			if hops++; hops > maxLinkHops {
				return "", fmt.Errorf("symbolic link loop: more than %d links to follow", maxLinkHops)
			}
			t, err := fs.ReadLink(fsys, prefix)
			if err != nil {
				return "", fmt.Errorf("cannot read the symbolic link: %v", unwrapPathError(err))
			}
			next := path.Join(append([]string{path.Dir(prefix), filepath.ToSlash(t)}, parts[i+1:]...)...)
			if path.IsAbs(t) || filepath.IsAbs(t) || next == ".." || strings.HasPrefix(next, "../") {
				return "", fmt.Errorf("symbolic link to %s, which is outside the content folder; copy the file into the content folder instead", t)
			}
			cur, linked = next, true
			break
		}
		if !linked {
			return cur, nil
		}
	}
}
