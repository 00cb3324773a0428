package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestDiscard: a folder is moved aside, not removed, however many times
// one of the same name is, and only removeDiscarded removes them.
func TestDiscard(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "build-9-out")
	keep := filepath.Join(dir, "corpus-9")
	if err := os.Mkdir(keep, 0o755); err != nil {
		t.Fatal(err)
	}
	for i, page := range []string{"first", "second"} {
		if err := os.MkdirAll(out, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(out, page), nil, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := discard(out); err != nil {
			t.Fatalf("discard %d: %v", i, err)
		}
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Fatalf("discard %d: %s is still there (%v)", i, out, err)
		}
	}
	for _, page := range []string{"first", "second"} {
		if m, _ := filepath.Glob(filepath.Join(dir, discardedDir, "*", "build-9-out", page)); len(m) != 1 {
			t.Errorf("%s: moved aside %d times, want once", page, len(m))
		}
	}
	if err := discard(out); err != nil {
		t.Errorf("discarding a folder that is not there: %v", err)
	}
	if err := removeDiscarded(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, discardedDir)); !os.IsNotExist(err) {
		t.Errorf("removeDiscarded left %s (%v)", discardedDir, err)
	}
	if _, err := os.Stat(keep); err != nil {
		t.Errorf("removeDiscarded removed what was not discarded: %v", err)
	}
}
