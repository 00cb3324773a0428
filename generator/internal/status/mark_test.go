package status

import "testing"

func TestSetKey(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"add", "---\ntitle: x\n---\nbody\n", "---\ntitle: x\ntranslated_from: abc\n---\nbody\n"},
		{"replace", "---\ntranslated_from: old\ntitle: x\n---\n", "---\ntranslated_from: abc\ntitle: x\n---\n"},
		{"crlf", "---\r\ntitle: x\r\n---\r\nbody\r\n", "---\r\ntitle: x\r\ntranslated_from: abc\r\n---\r\nbody\r\n"},
		{"bom", "\xEF\xBB\xBF---\ntitle: x\n---\n", "\xEF\xBB\xBF---\ntitle: x\ntranslated_from: abc\n---\n"},
		{"nested key left alone", "---\nsources:\n  - translated_from: no\n---\n", "---\nsources:\n  - translated_from: no\ntranslated_from: abc\n---\n"},
	}
	for _, c := range cases {
		got, err := setKey([]byte(c.in), "translated_from", "abc")
		if err != nil || string(got) != c.want {
			t.Errorf("%s: got %q, %v; want %q", c.name, got, err, c.want)
		}
	}
	for _, bad := range []string{"no front matter\n", "---\ntitle: x\n"} {
		if _, err := setKey([]byte(bad), "translated_from", "abc"); err == nil {
			t.Errorf("setKey(%q) did not fail", bad)
		}
	}
}
