package diag

import (
	"errors"
	"fmt"
	"testing"
)

// AddAll keeps problems with their place and hands back any other error,
// which no place can be given (it used to print as ":1:1: ..." or be lost).
func TestAddAll(t *testing.T) {
	var l List
	one := Errorf(Pos{Path: "a.md", Line: 2, Col: 3}, "bad")
	two := Errors{Errorf(Pos{Path: "b.md", Line: 1, Col: 1}, "worse")}
	for _, err := range []error{nil, one, two, fmt.Errorf("wrapped: %w", one)} {
		if got := l.AddAll(err); got != nil {
			t.Errorf("AddAll(%v) = %v, want nil", err, got)
		}
	}
	if l.Len() != 3 {
		t.Errorf("%d problems kept, want 3", l.Len())
	}
	plain := errors.New("disk full")
	if got := l.AddAll(plain); got != plain {
		t.Errorf("AddAll(plain) = %v, want it back", got)
	}
	if l.Len() != 3 {
		t.Errorf("a plain error was added as a problem")
	}
}
