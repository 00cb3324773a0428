package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
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

// run runs the command once, after removing the output folder clean and
// flushing the file system (not timed), and measures it.
func run(clean string, name string, args ...string) (Sample, error) {
	return runEnv(nil, clean, name, args...)
}

// runEnv is run with env added to the environment.
func runEnv(env []string, clean string, name string, args ...string) (Sample, error) {
	if clean != "" {
		if err := os.RemoveAll(clean); err != nil {
			return Sample{}, err
		}
	}
	// The last program's pages and the folder just removed go to the disk
	// now, untimed, not while the next program runs.
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

func tail(b []byte) []byte {
	if len(b) > 2000 {
		return b[len(b)-2000:]
	}
	return b
}

// Stats is the median of several samples of one program.
type Stats struct {
	Runs int
	Sample
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
	}}
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
