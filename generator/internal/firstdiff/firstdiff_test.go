package firstdiff

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestShow(t *testing.T) {
	same := strings.Repeat("무역 장벽 ", 30) // 3-byte syllables: a cut 80 bytes back splits one
	a := []byte(same + "old ending")
	b := []byte(same + "new ending")
	got := Show(a, b, "got", "want")
	lines := strings.Split(got, "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "got:  ...") || !strings.HasPrefix(lines[1], "want: ...") {
		t.Fatalf("Show = %q, want a got: line and a want: line, aligned", got)
	}
	if !strings.HasSuffix(lines[0], "old ending") || !strings.HasSuffix(lines[1], "new ending") {
		t.Errorf("Show = %q, want each text up to its end", got)
	}
	if !utf8.ValidString(got) {
		t.Errorf("Show = %q, not valid UTF-8", got)
	}
	if n := len(strings.TrimPrefix(lines[0], "got:  ...")); n > 2*context {
		t.Errorf("Show printed %d bytes of a, want at most %d", n, 2*context)
	}
	// One text a prefix of the other: the difference is where the
	// shorter ends.
	if got := Show([]byte("abc"), []byte("abcd"), "first", "second"); got != "first:  ...abc\nsecond: ...abcd" {
		t.Errorf("Show of a prefix = %q", got)
	}
}
