package seo

import "testing"

// The link-preview picture and icons are drawn once per build.
func BenchmarkSocialImage(b *testing.B) {
	for b.Loop() {
		if _, err := SocialImage(DefaultPalette); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkIcon180(b *testing.B) {
	for b.Loop() {
		if _, err := Icon(DefaultPalette, 180); err != nil {
			b.Fatal(err)
		}
	}
}
