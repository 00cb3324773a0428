package diag

import (
	"reflect"
	"strings"
	"testing"
)

func TestContext(t *testing.T) {
	src := []byte("\xEF\xBB\xBFone\r\ntwo\r\nthree\r\nfour\r\nfive\r\nsix")
	got := Context(src, 3, 2)
	want := []Line{{1, "one", false}, {2, "two", false}, {3, "three", true}, {4, "four", false}, {5, "five", false}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Context(3) = %v, want %v", got, want)
	}
	if got := Context(src, 6, 2); len(got) != 3 || got[2] != (Line{6, "six", true}) {
		t.Errorf("Context(last line) = %v", got)
	}
	if got := Context(src, 7, 2); got != nil {
		t.Errorf("Context(past the end) = %v, want nil", got)
	}
	if got := Context(src, 0, 2); got != nil {
		t.Errorf("Context(0) = %v, want nil", got)
	}
	long := strings.Repeat("가", maxLineRunes+10)
	if got := Context([]byte(long), 1, 1); len(got) != 1 || got[0].Text != strings.Repeat("가", maxLineRunes)+"…" {
		t.Errorf("a long line is not cut: %d characters", len([]rune(got[0].Text)))
	}
}
