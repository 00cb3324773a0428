package content

import "testing"

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
