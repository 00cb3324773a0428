package content

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"regexp"
)

// FingerprintLen is the length of a fingerprint, in hex digits.
const FingerprintLen = 12

var fingerprintRE = regexp.MustCompile(`^[0-9a-f]{12}$`)

// Fingerprint identifies a document's text for translation tracking: the
// first hex digits of the SHA-256 of its normalized text (no byte order
// mark, LF line endings, no trailing spaces on a line, no blank lines at
// the end). A translation's translated_from holds its source's fingerprint
// at the time it was translated; when the source's text changes, the two
// differ and the translation is stale. Saving a file with other line
// endings or trailing spaces does not change its fingerprint, and file
// times play no part, so a fresh clone reports what a working copy does.
func Fingerprint(src []byte) string {
	// The lines are hashed as they are found, with no normalized copy of
	// the text made: a blank line is held back and hashed only when more
	// text follows it.
	src = bytes.TrimPrefix(src, []byte("\xEF\xBB\xBF"))
	h := sha256.New()
	blanks, wrote := 0, false
	for len(src) > 0 {
		end := bytes.IndexAny(src, "\r\n")
		line, next := src, len(src)
		if end >= 0 {
			line, next = src[:end], end+1
			if src[end] == '\r' && next < len(src) && src[next] == '\n' {
				next++
			}
		}
		src = src[next:]
		line = bytes.TrimRight(line, " \t")
		if len(line) == 0 {
			blanks++
			continue
		}
		for ; blanks > 0; blanks-- {
			h.Write(newline)
		}
		h.Write(line)
		h.Write(newline)
		wrote = true
	}
	if !wrote {
		h.Write(newline)
	}
	return hex.EncodeToString(h.Sum(nil)[:FingerprintLen/2])
}

var newline = []byte("\n")
