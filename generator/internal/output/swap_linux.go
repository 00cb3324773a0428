package output

import (
	"errors"
	"io/fs"
	"os"

	"golang.org/x/sys/unix"
)

// swap exchanges tmp and final in one atomic step, so that at every moment
// final is either the whole old site or the whole new one. It returns where
// the old folder went ("" if there was none).
func swap(tmp, final string) (string, error) {
	if _, err := os.Lstat(final); errors.Is(err, fs.ErrNotExist) {
		return "", os.Rename(tmp, final)
	}
	err := unix.Renameat2(unix.AT_FDCWD, tmp, unix.AT_FDCWD, final, unix.RENAME_EXCHANGE)
	if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS) {
		return swapSteps(tmp, final) // a file system without the exchange
	}
	if err != nil {
		return "", &os.LinkError{Op: "exchange", Old: tmp, New: final, Err: err}
	}
	return tmp, nil
}
