// Package firstdiff shows where two texts part ways, for the message of a
// test that compares whole files: the 80 bytes on each side of the first
// byte that differs, cut to valid UTF-8 so that Korean text prints.
package firstdiff

import (
	"fmt"
	"strings"
)

// context is how many bytes are shown on each side of the first
// difference.
const context = 80

// Show returns the neighbourhood of the first byte where a and b differ,
// each on a line of its own after its name.
func Show(a, b []byte, nameA, nameB string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-context)
	cut := func(s []byte) string {
		return strings.ToValidUTF8(string(s[min(from, len(s)):min(len(s), i+context)]), "?")
	}
	w := max(len(nameA), len(nameB)) + 1
	return fmt.Sprintf("%-*s ...%s\n%-*s ...%s", w, nameA+":", cut(a), w, nameB+":", cut(b))
}
