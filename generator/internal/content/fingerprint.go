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
	var b bytes.Buffer
	for _, line := range bytes.Split(normalize(src), []byte("\n")) {
		b.Write(bytes.TrimRight(line, " \t"))
		b.WriteByte('\n')
	}
	sum := sha256.Sum256(append(bytes.TrimRight(b.Bytes(), "\n"), '\n'))
	return hex.EncodeToString(sum[:FingerprintLen/2])
}
