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

// checkFile reports why the file name in fsys must not be read: it is not a
// regular file (a pipe would block the build forever), or it is, or goes
// through, a symbolic link that leads outside the content folder. An
// os.DirFS follows such links wherever they go, so a link committed to the
// repository could otherwise publish any file of the machine that builds.
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

// resolveInside follows the symbolic links in name, one path element at a
// time, and returns the path it leads to. It is an error for a link to lead
// outside fsys: an absolute target, or one that climbs above the root.
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
