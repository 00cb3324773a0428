package theme_test

import (
	"os"
	"path/filepath"
	"testing"

	"explainer/generator/internal/theme"
)

// BenchmarkLoad reads the real theme, as every build and check does once:
// the templates parsed, strings.yaml read and checked, the static files
// hashed and the pictures drawn (seo's BenchmarkSocialImage and
// BenchmarkIcon180 are that part alone). A fixed cost of the real site's
// build.
func BenchmarkLoad(b *testing.B) {
	dir := filepath.Join("..", "..", "..", "templates")
	for b.Loop() {
		if _, err := theme.Load(os.DirFS(dir), dir, []string{"en", "ko"}); err != nil {
			b.Fatal(err)
		}
	}
}
