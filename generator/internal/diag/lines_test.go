package diag

import (
	"sync"
	"testing"
)

func TestLinesPos(t *testing.T) {
	src := []byte("ab\n관세 x\n\nlast")
	lines := NewLines("f.md", src)
	for _, c := range []struct {
		offset, line, col int
	}{
		{-5, 1, 1},           // before the text: its first byte
		{0, 1, 1},            // a
		{2, 1, 3},            // the newline ends its own line
		{3, 2, 1},            // 관
		{6, 2, 2},            // 세: columns count characters, not bytes
		{10, 2, 4},           // x
		{12, 3, 1},           // the blank line
		{13, 4, 1},           // l
		{len(src), 4, 5},     // just past the end
		{len(src) + 9, 4, 5}, // beyond it
	} {
		got := lines.Pos(c.offset)
		if want := (Pos{Path: "f.md", Line: c.line, Col: c.col}); got != want {
			t.Errorf("Pos(%d) = %v, want %v", c.offset, got, want)
		}
	}
	if got := NewLines("e.md", nil).Pos(3); got != (Pos{Path: "e.md", Line: 1, Col: 1}) {
		t.Errorf("Pos in an empty file = %v, want e.md:1:1", got)
	}
}

func TestLinesOffset(t *testing.T) {
	lines := NewLines("f.md", []byte("ab\n관세 x\n\nlast"))
	for line, want := range map[int]int{-1: 0, 0: 0, 1: 0, 2: 3, 3: 12, 4: 13, 5: 17, 9: 17} {
		if got := lines.Offset(line); got != want {
			t.Errorf("Offset(%d) = %d, want %d", line, got, want)
		}
	}
}

// TestLinesConcurrent asks for positions from many goroutines at once, as
// the checks of one file may; the race detector (make race) sees a table
// of lines made twice or read while it is made.
func TestLinesConcurrent(t *testing.T) {
	lines := NewLines("f.md", []byte("one\ntwo\nthree\n"))
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if got := lines.Pos(8); got.Line != 3 || got.Col != 1 {
				t.Errorf("Pos(8) = %v, want line 3, column 1", got)
			}
		})
	}
	wg.Wait()
}
