package content

import (
	"bytes"
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

// fingerprintCases are fingerprints as first published: a change to any
// of them would turn every translated_from already committed stale.
var fingerprintCases = []struct{ src, want string }{
	{"", "01ba4719c80b"},
	{"\n", "01ba4719c80b"},
	{"\n\n", "01ba4719c80b"},
	{" \t\n", "01ba4719c80b"},
	{"\r", "01ba4719c80b"},
	{"\r\r\n\n", "01ba4719c80b"},
	{"\ufeff", "01ba4719c80b"},
	{"a", "87428fc52280"},
	{"a\r", "87428fc52280"},
	{"a\r\n", "87428fc52280"},
	{"\ufeffa\n", "87428fc52280"},
	{"a\n\t\n", "87428fc52280"},
	{"\n\na", "2cbf90f289dd"},
	{"a\n\n\nb", "ebbfa3d605b9"},
	{"a \n \nb\t", "770423513bd0"},
	{"a\rb\r\nc\n\rd", "9e1f9f6286fc"},
	{"a\ufeff\n", "5fb9605f967a"},
	{"  lead\n", "bb81a55cd714"},
	{"한국어 줄  \r\n둘째\n\n", "0cbc1cf0b304"},
}

func TestFingerprintKnown(t *testing.T) {
	for _, c := range fingerprintCases {
		if got := Fingerprint([]byte(c.src)); got != c.want {
			t.Errorf("Fingerprint(%q) = %s, want %s", c.src, got, c.want)
		}
	}
}

// FuzzFingerprint checks that what an editor's tools change unseen (line
// endings, trailing spaces, a byte order mark) leaves a fingerprint alone.
func FuzzFingerprint(f *testing.F) {
	for _, c := range fingerprintCases {
		f.Add([]byte(c.src))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		want := Fingerprint(src)
		lines := bytes.Split(normalize(src), []byte("\n"))
		for i := range lines {
			lines[i] = append(lines[i], ' ', '\t')
		}
		resaved := append([]byte("\xEF\xBB\xBF"), bytes.Join(lines, []byte("\r\n"))...)
		if got := Fingerprint(resaved); got != want {
			t.Errorf("Fingerprint(%q) = %s, but %s for %q", resaved, got, want, src)
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
