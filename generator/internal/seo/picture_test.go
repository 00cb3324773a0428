package seo

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/image/math/fixed"
)

// titleFont is the theme's font of the page pictures.
func titleFont(t testing.TB) *Font {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "templates", "fonts", "title-gothic-bold.ttf"))
	if err != nil {
		t.Fatal(err)
	}
	return NewFont(b)
}

var (
	enPicture = PagePicture{Title: "Defense offset obligations", Site: "Korea in America's 2025 Trade Barrier Report", Lang: "en"}
	koPicture = PagePicture{Title: "국방 절충교역: 1000만 달러 넘는 무기 구매의 반대급부", Site: "美 무역장벽보고서 속 한국", Lang: "ko"}
)

// inked counts the pixels of the picture within r that are not the
// colour of the background at (0, 100).
func inked(t *testing.T, b []byte, r image.Rectangle) int {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if img.Bounds() != image.Rect(0, 0, SocialWidth, SocialHeight) {
		t.Fatalf("picture is %v, want %dx%d", img.Bounds(), SocialWidth, SocialHeight)
	}
	bg := img.At(r.Min.X, r.Min.Y)
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if img.At(x, y) != bg {
				n++
			}
		}
	}
	return n
}

func TestPageImageWritesTheTitle(t *testing.T) {
	f := titleFont(t)
	titleArea := image.Rect(0, 100, SocialWidth, 520)
	blank, err := PageImage(DefaultPalette, f, PagePicture{Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	if n := inked(t, blank, titleArea); n != 0 {
		t.Fatalf("a picture without a title has %d inked pixels in the title area", n)
	}
	for _, pic := range []PagePicture{enPicture, koPicture} {
		b, err := PageImage(DefaultPalette, f, pic)
		if err != nil {
			t.Fatal(err)
		}
		// Large type: thousands of pixels of ink.
		if n := inked(t, b, titleArea); n < 5000 {
			t.Errorf("%s: %d inked pixels in the title area; the title is not drawn", pic.Lang, n)
		}
		if os.Getenv("PICTURE_OUT") != "" {
			os.WriteFile(filepath.Join(os.Getenv("PICTURE_OUT"), pic.Lang+".png"), b, 0o644)
		}
	}
}

func TestFontHasEveryLetterOfTheTitles(t *testing.T) {
	f := titleFont(t)
	missing, err := f.Missing("Korea's 2025 report — “quotes” 국방·방산 절충교역 똠얌꿍 ₩10억 (EU) 1~2월 「보고서」")
	if err != nil {
		t.Fatal(err)
	}
	if len(missing) != 0 {
		t.Errorf("the font lacks %q", string(missing))
	}
	missing, _ = f.Missing("漢字 and 한글")
	if string(missing) != "漢字" {
		t.Errorf("Missing = %q, want the two Chinese characters", string(missing))
	}
}

func TestWrapTitle(t *testing.T) {
	ft, err := titleFont(t).parsed()
	if err != nil {
		t.Fatal(err)
	}
	width := fixedPx(SocialWidth - 2*picMargin)
	_, lines, _ := wrapTitle(ft, "Defense offset obligations", picTitleSize, width, 3)
	if len(lines) != 1 {
		t.Errorf("a short title took %d lines: %q", len(lines), lines)
	}
	long := "한국이 1000만 달러가 넘는 외국산 무기를 사들일 때 판매자에게 기술이전이나 부품 발주 같은 반대급부를 요구할 수 있는 제도"
	_, lines, _ = wrapTitle(ft, long, picTitleSize, width, 3)
	if lines != nil {
		t.Errorf("a long title fits three lines at %dpx: %q", picTitleSize, lines)
	}
	_, lines, _ = wrapTitle(ft, long, picSmallTitle, width, 5)
	if len(lines) < 3 || len(lines) > 5 {
		t.Errorf("a long title at %dpx took %d lines: %q", picSmallTitle, len(lines), lines)
	}
	// Korean breaks between words, never inside one.
	for _, l := range lines {
		if l == "" || l[0] == ' ' || l[len(l)-1] == ' ' {
			t.Errorf("line %q is not whole words", l)
		}
	}
	_, lines, _ = wrapTitle(ft, "Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", picTitleSize, width, 3)
	if len(lines) < 2 {
		t.Errorf("a word wider than the picture was not broken: %q", lines)
	}
}

func TestPictureCache(t *testing.T) {
	f := titleFont(t)
	c := PictureCache{Dir: t.TempDir()}
	key := enPicture.Key(DefaultPalette, f)
	draws := 0
	draw := func() ([]byte, error) { draws++; return PageImage(DefaultPalette, f, enPicture) }
	first, err := c.Picture(key, draw)
	if err != nil {
		t.Fatal(err)
	}
	second, err := c.Picture(key, draw)
	if err != nil {
		t.Fatal(err)
	}
	if draws != 1 || !bytes.Equal(first, second) {
		t.Errorf("drawn %d times (want 1), same bytes %v", draws, bytes.Equal(first, second))
	}
	// A build links the file into the site: everyone may read it.
	if info, err := os.Stat(c.File(key)); err != nil || info.Mode().Perm() != 0o644 {
		t.Errorf("the cache's file: %v, want mode 0644", err)
	}
	// Anything that changes the pixels changes the key.
	for name, other := range map[string]string{
		"title":   PagePicture{Title: "Other", Site: enPicture.Site, Lang: "en"}.Key(DefaultPalette, f),
		"site":    PagePicture{Title: enPicture.Title, Site: "Other", Lang: "en"}.Key(DefaultPalette, f),
		"palette": enPicture.Key(Palette{}, f),
		"font":    enPicture.Key(DefaultPalette, NewFont([]byte("other"))),
	} {
		if other == key {
			t.Errorf("a different %s keeps the key %s", name, key)
		}
	}
	none := PictureCache{}
	if again, _ := none.Picture(key, draw); !bytes.Equal(again, first) || draws != 2 {
		t.Errorf("without a folder the picture is not drawn afresh")
	}
}

func BenchmarkPageImage(b *testing.B) {
	f := titleFont(b)
	for b.Loop() {
		if _, err := PageImage(DefaultPalette, f, koPicture); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPictureCacheHit(b *testing.B) {
	f := titleFont(b)
	c := PictureCache{Dir: b.TempDir()}
	key := koPicture.Key(DefaultPalette, f)
	draw := func() ([]byte, error) { return PageImage(DefaultPalette, f, koPicture) }
	if _, err := c.Picture(key, draw); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := c.Picture(koPicture.Key(DefaultPalette, f), draw); err != nil {
			b.Fatal(err)
		}
	}
}

func fixedPx(n int) fixed.Int26_6 { return fixed.I(n) }
