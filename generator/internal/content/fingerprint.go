package content

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"sync"
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
	// Every file of a site is fingerprinted as it loads, so the normalized
	// text is made in a pooled buffer and hashed in one call, and a file
	// with no carriage return (most) is split at newlines alone. A blank
	// line is held back and written only when more text follows it.
	src = bytes.TrimPrefix(src, []byte("\xEF\xBB\xBF"))
	bp := normalized.Get().(*[]byte)
	b := (*bp)[:0]
	cr := bytes.IndexByte(src, '\r') >= 0
	blanks := 0
	for len(src) > 0 {
		var end int
		if cr {
			end = bytes.IndexAny(src, "\r\n")
		} else {
			end = bytes.IndexByte(src, '\n')
		}
		line, next := src, len(src)
		if end >= 0 {
			line, next = src[:end], end+1
			if src[end] == '\r' && next < len(src) && src[next] == '\n' {
				next++
			}
		}
		src = src[next:]
		for len(line) > 0 && (line[len(line)-1] == ' ' || line[len(line)-1] == '\t') {
			line = line[:len(line)-1]
		}
		if len(line) == 0 {
			blanks++
			continue
		}
		for ; blanks > 0; blanks-- {
			b = append(b, '\n')
		}
		b = append(b, line...)
		b = append(b, '\n')
	}
	if len(b) == 0 {
		b = append(b, '\n')
	}
	sum := sha256.Sum256(b)
	if cap(b) <= 1<<20 {
		*bp = b
		normalized.Put(bp)
	}
	return hex.EncodeToString(sum[:FingerprintLen/2])
}

// normalized holds the buffers Fingerprint makes the normalized text in.
var normalized = sync.Pool{New: func() any { return new([]byte) }}
