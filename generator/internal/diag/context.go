package diag

import (
	"bytes"
	"unicode/utf8"
)

// Line is a line of a file, shown around a problem the way Hugo's and
// most compilers' error pages show it: a few lines before and after, the
// problem's own marked.
type Line struct {
	Num  int    `json:"n"`
	Text string `json:"text"`
	Mark bool   `json:"mark,omitempty"`
}

// maxLineRunes is how much of a long line (a paragraph written on one
// line) Context keeps.
const maxLineRunes = 200

// Context returns the lines of src from around lines before line (counted
// from 1) to around lines after it, with line marked; nil when line is not
// in src. Line endings and a byte order mark are left out, as an editor
// shows them.
func Context(src []byte, line, around int) []Line {
	if line < 1 {
		return nil
	}
	src = bytes.TrimPrefix(src, []byte("\xEF\xBB\xBF"))
	var out []Line
	n := 0
	for text := range bytes.Lines(src) {
		if n++; n > line+around {
			break
		}
		if n < line-around {
			continue
		}
		text = bytes.TrimSuffix(bytes.TrimSuffix(text, []byte("\n")), []byte("\r"))
		out = append(out, Line{Num: n, Text: shorten(text), Mark: n == line})
	}
	if len(out) == 0 || out[len(out)-1].Num < line {
		return nil
	}
	return out
}

// shorten returns text as a string, cut after maxLineRunes characters
// (and made valid UTF-8).
func shorten(text []byte) string {
	if utf8.RuneCount(text) <= maxLineRunes {
		return string(bytes.ToValidUTF8(text, []byte("\uFFFD")))
	}
	var b []byte
	for i := 0; i < maxLineRunes; i++ {
		r, size := utf8.DecodeRune(text)
		b, text = utf8.AppendRune(b, r), text[size:]
	}
	return string(b) + "…"
}
