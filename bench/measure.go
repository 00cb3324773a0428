package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"syscall"
	"time"
)

// Sample is one run of a program, measured as a whole process.
type Sample struct {
	Wall time.Duration
	CPU  time.Duration // user + system
	RSS  int64         // peak resident memory, bytes
}

// run runs the command once, after moving the output folder clean aside
// (see discard) and flushing the file system (not timed), and measures
// it.
func run(clean string, name string, args ...string) (Sample, error) {
	return runEnv(nil, clean, name, args...)
}

// runEnv is run with env added to the environment.
func runEnv(env []string, clean string, name string, args ...string) (Sample, error) {
	if clean != "" {
		if err := discard(clean); err != nil {
			return Sample{}, err
		}
	}
	// The last program's pages go to the disk now, untimed, not while the
	// next program runs.
	syscall.Sync()
	cmd := exec.Command(name, args...)
	if env != nil {
		cmd.Env = append(os.Environ(), env...)
	}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return Sample{}, fmt.Errorf("%s %v: %v\n%s", name, args, err, tail(out.Bytes()))
	}
	st := cmd.ProcessState
	s := Sample{Wall: wall, CPU: st.UserTime() + st.SystemTime()}
	if ru, ok := st.SysUsage().(*syscall.Rusage); ok {
		s.RSS = int64(ru.Maxrss) * 1024 // kilobytes on Linux
	}
	return s, nil
}

// discardedDir is the folder, beside the folders it holds, that discard
// moves them into.
const discardedDir = "discarded"

// discard moves the folder dir, if there is one, into the folder
// "discarded" beside it, for removeDiscarded to remove when every program
// has run. A folder is moved rather than removed because the cost of
// removing one is not over when the removal returns: on a file system
// without a journal (ext4 as this machine has it), making a file skips
// the inodes freed in the last minute, five while their blocks are not
// yet written out, and after tens of thousands of files removed that
// search took most of the next program's system time, more in one run
// than another. That is the harness's cost, not the program's.
func discard(dir string) error {
	if _, err := os.Lstat(dir); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	bin := filepath.Join(filepath.Dir(dir), discardedDir)
	if err := os.MkdirAll(bin, 0o755); err != nil {
		return err
	}
	to, err := os.MkdirTemp(bin, filepath.Base(dir)+"-")
	if err != nil {
		return err
	}
	return os.Rename(dir, filepath.Join(to, filepath.Base(dir)))
}

// removeDiscarded removes what discard moved aside in the folder dir.
func removeDiscarded(dir string) error {
	return os.RemoveAll(filepath.Join(dir, discardedDir))
}

func tail(b []byte) []byte {
	if len(b) > 2000 {
		return b[len(b)-2000:]
	}
	return b
}

// Stats is the median of several samples of one program, and the samples
// themselves in the order of the rounds that made them.
type Stats struct {
	Runs int
	Sample
	All []Sample
}

func median(samples []Sample) Stats {
	pick := func(get func(Sample) int64) int64 {
		v := make([]int64, len(samples))
		for i, s := range samples {
			v[i] = get(s)
		}
		slices.Sort(v)
		return v[len(v)/2]
	}
	return Stats{Runs: len(samples), Sample: Sample{
		Wall: time.Duration(pick(func(s Sample) int64 { return int64(s.Wall) })),
		CPU:  time.Duration(pick(func(s Sample) int64 { return int64(s.CPU) })),
		RSS:  pick(func(s Sample) int64 { return s.RSS }),
	}, All: slices.Clone(samples)}
}

// selfRSS is this program's own peak resident memory. On Linux a child
// started by os/exec shares this process's memory until it executes its
// program, and the kernel carries that high-water mark into the child's
// Maxrss: no child's figure reads below it. The harness therefore keeps its
// own memory small (it writes corpora one file at a time) and reports it.
func selfRSS() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return int64(ru.Maxrss) * 1024
}
