package output

import (
	"os"

	"golang.org/x/sys/unix"
)

// lock takes an advisory lock on the build's temporary folder, so that a
// build running at the same time does not take it for a leftover. The
// kernel drops the lock when the process ends, however it ends.
func lock(dir string) func() {
	f, err := os.Open(dir)
	if err != nil {
		return func() {}
	}
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		f.Close()
		return func() {}
	}
	return func() { f.Close() }
}

// inUse reports whether a running build holds the folder.
func inUse(dir string) bool {
	f, err := os.Open(dir)
	if err != nil {
		return false
	}
	defer f.Close()
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		return err == unix.EWOULDBLOCK
	}
	return false
}
