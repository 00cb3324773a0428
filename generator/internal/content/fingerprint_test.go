package content

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"
)

func TestFingerprint(t *testing.T) {
	base := Fingerprint([]byte("---\ntitle: Beef\n---\nText.\n"))
	if len(base) != FingerprintLen || !fingerprintRE.MatchString(base) {
		t.Fatalf("Fingerprint = %q, not %d hex digits", base, FingerprintLen)
	}
	same := []string{
		"---\r\ntitle: Beef\r\n---\r\nText.\r\n",     // Windows line endings
		"\xEF\xBB\xBF---\ntitle: Beef\n---\nText.\n", // byte order mark
		"---\ntitle: Beef  \n---\nText.\t\n\n\n",     // trailing spaces and blank lines
		"---\ntitle: Beef\n---\nText.",               // no final newline
	}
	for _, s := range same {
		if got := Fingerprint([]byte(s)); got != base {
			t.Errorf("Fingerprint(%q) = %s, want %s as for the same text", s, got, base)
		}
	}
	differ := []string{
		"---\ntitle: Beef\n---\nText!\n",
		"---\ntitle: Beef\n---\n Text.\n",
		"---\ntitle: Beef imports\n---\nText.\n",
	}
	for _, s := range differ {
		if got := Fingerprint([]byte(s)); got == base {
			t.Errorf("Fingerprint(%q) did not change with the text", s)
		}
	}
}

// fingerprintRef is Fingerprint as first written, one step at a time: a
// normalized copy of the text, each line trimmed, the blank lines at the
// end dropped. Fingerprint must give the same digits for every input, or
// every translated_from already committed would turn stale.
func fingerprintRef(src []byte) string {
	src = normalize(src)
	var b bytes.Buffer
	for _, l := range bytes.Split(src, []byte("\n")) {
		b.Write(bytes.TrimRight(l, " \t"))
		b.WriteByte('\n')
	}
	sum := sha256.Sum256(append(bytes.TrimRight(b.Bytes(), "\n"), '\n'))
	return hex.EncodeToString(sum[:])[:FingerprintLen]
}

var fingerprintCases = []string{
	"", "\n", "\n\n", " \t\n", "\r", "\r\n", "\r\r\n\n", "a", "a\n", "a\r", "a\r\n",
	"\n\na", "a\n\n\nb", "a \n \nb\t", "a\rb\r\nc\n\rd", "\xEF\xBB\xBF", "\xEF\xBB\xBFa\n",
	"a\xEF\xBB\xBF\n", "  lead\n", "a\n\t\n", "한국어 줄  \r\n둘째\n\n",
}

func TestFingerprintAgrees(t *testing.T) {
	for _, s := range fingerprintCases {
		if got, want := Fingerprint([]byte(s)), fingerprintRef([]byte(s)); got != want {
			t.Errorf("Fingerprint(%q) = %s, reference %s", s, got, want)
		}
	}
	// The real content: the fingerprints its translations were made from.
	files, err := filepath.Glob("../../../content/*/*.md")
	if err != nil || len(files) < 10 {
		t.Fatalf("content files: %d, %v", len(files), err)
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := Fingerprint(src), fingerprintRef(src); got != want {
			t.Errorf("%s: Fingerprint = %s, reference %s", f, got, want)
		}
	}
}

func FuzzFingerprint(f *testing.F) {
	for _, s := range fingerprintCases {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if got, want := Fingerprint(src), fingerprintRef(src); got != want {
			t.Errorf("Fingerprint(%q) = %s, reference %s", src, got, want)
		}
	})
}

// BenchmarkFingerprint fingerprints every file of the real content.
func BenchmarkFingerprint(b *testing.B) {
	files, err := filepath.Glob("../../../content/*/*.md")
	if err != nil || len(files) < 10 {
		b.Fatalf("content files: %d, %v", len(files), err)
	}
	var srcs [][]byte
	var n int64
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		srcs = append(srcs, src)
		n += int64(len(src))
	}
	b.SetBytes(n)
	for b.Loop() {
		for _, src := range srcs {
			Fingerprint(src)
		}
	}
}
