package output

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// checkProtected refuses an output folder that is one of the protected
// folders or holds one: the swap would put them out of the way and the
// clean-up would delete them. Symbolic links are resolved first, so an
// output path that reaches the content folder by a link is caught too.
func checkProtected(out, abs string, protected []string) error {
	real := realPath(abs)
	for _, p := range protected {
		pa, err := filepath.Abs(p)
		if err != nil {
			return err
		}
		pr := realPath(pa)
		if real == pr || strings.HasPrefix(pr, real+string(filepath.Separator)) || real == string(filepath.Separator) {
			return fmt.Errorf("output folder %s would replace %s; choose another folder, such as public", out, p)
		}
	}
	return nil
}

// realPath resolves the symbolic links in p, as far as p exists.
func realPath(p string) string {
	if r, err := filepath.EvalSymlinks(p); err == nil {
		return r
	}
	parent := filepath.Dir(p)
	if parent == p {
		return p
	}
	return filepath.Join(realPath(parent), filepath.Base(p))
}

// checkReplaceable refuses to replace what is at abs unless it is missing,
// an empty folder, or a folder an earlier build made.
func checkReplaceable(out, abs string) error {
	st, err := os.Lstat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case st.Mode()&fs.ModeSymlink != 0:
		return fmt.Errorf("output folder %s is a symbolic link; give the folder it points to, or another folder", out)
	case !st.IsDir():
		return fmt.Errorf("output folder %s exists and is not a folder", out)
	}
	if _, err := os.Lstat(filepath.Join(abs, Marker)); err == nil {
		return nil
	}
	empty, err := isEmpty(abs)
	if err != nil {
		return err
	}
	if !empty {
		return fmt.Errorf("output folder %s is not empty and was not made by the generator (it has no %s file); "+
			"every build replaces the folder whole, so move its files elsewhere or choose another folder", out, Marker)
	}
	return nil
}

func isEmpty(dir string) (bool, error) {
	f, err := os.Open(dir)
	if err != nil {
		return false, err
	}
	defer f.Close()
	_, err = f.Readdirnames(1)
	if errors.Is(err, io.EOF) {
		return true, nil
	}
	return false, err
}
