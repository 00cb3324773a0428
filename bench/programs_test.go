package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

// harnessRunsEnv turns on the tests that build the generator and run the
// harness for real: slow, so `make bench-test` runs them and `make test`
// does not.
const harnessRunsEnv = "EXPLAINER_BENCH_TESTS"

// needHarnessRuns skips the test unless harnessRunsEnv is set.
func needHarnessRuns(t *testing.T) {
	t.Helper()
	if os.Getenv(harnessRunsEnv) == "" {
		t.Skipf("builds and runs the real programs; make bench-test runs it (%s=1)", harnessRunsEnv)
	}
}

// The programs the harness runs, built once for all the tests that need
// them, into a folder TestMain removes.
var (
	programsOnce sync.Once
	programsDir  string
	programsErr  error
)

// programs returns the built generator and this harness.
func programs(t *testing.T) (generator, self string) {
	t.Helper()
	programsOnce.Do(func() {
		if programsDir, programsErr = os.MkdirTemp("", "bench-test-"); programsErr != nil {
			return
		}
		for _, p := range [][2]string{{"generator", "../generator"}, {"bench", "."}} {
			if out, err := exec.Command("go", "build", "-o", filepath.Join(programsDir, p[0]), p[1]).CombinedOutput(); err != nil {
				programsErr = fmt.Errorf("go build %s: %v\n%s", p[1], err, out)
				return
			}
		}
	})
	if programsErr != nil {
		t.Fatal(programsErr)
	}
	return filepath.Join(programsDir, "generator"), filepath.Join(programsDir, "bench")
}

func TestMain(m *testing.M) {
	code := m.Run()
	if programsDir != "" {
		os.RemoveAll(programsDir)
	}
	os.Exit(code)
}
