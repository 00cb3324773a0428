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

// Fingerprint identifies a document's text for translated_from: the first
// hex digits of the SHA-256 of its normalized text (no byte order mark, LF
// line endings, no trailing spaces or blank lines at the end), so line
// endings and file times play no part.
func Fingerprint(src []byte) string {
	lines := bytes.Split(normalize(src), []byte("\n"))
	for len(lines) > 0 && len(bytes.TrimRight(lines[len(lines)-1], " \t")) == 0 {
		lines = lines[:len(lines)-1]
	}
	h := sha256.New()
	for _, l := range lines {
		h.Write(bytes.TrimRight(l, " \t"))
		h.Write([]byte("\n"))
	}
	if len(lines) == 0 {
		h.Write([]byte("\n"))
	}
	return hex.EncodeToString(h.Sum(nil)[:FingerprintLen/2])
}
