package seo

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image"
	"image/color"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// pictureVersion changes whenever PagePicture draws differently, so that
// pictures cached by an older generator are drawn again.
const pictureVersion = "page-picture-1"

// Font is the typeface the page pictures write titles in. It is parsed
// only when a picture is drawn: a build whose pictures are all cached
// reads the file and hashes it, nothing more.
type Font struct {
	data []byte
	sum  string
	once sync.Once
	font *opentype.Font
	err  error
}

// NewFont takes the bytes of a TrueType or OpenType font.
func NewFont(data []byte) *Font {
	s := sha256.Sum256(data)
	return &Font{data: data, sum: hex.EncodeToString(s[:])}
}

func (f *Font) parsed() (*opentype.Font, error) {
	f.once.Do(func() { f.font, f.err = opentype.Parse(f.data) })
	return f.font, f.err
}

// Missing lists the letters of text the font has no glyph for, each once.
func (f *Font) Missing(text string) ([]rune, error) {
	ft, err := f.parsed()
	if err != nil {
		return nil, err
	}
	var buf sfnt.Buffer
	var out []rune
	seen := map[rune]bool{}
	for _, r := range text {
		if r == ' ' || r == '\n' || seen[r] {
			continue
		}
		seen[r] = true
		if i, err := ft.GlyphIndex(&buf, r); err != nil || i == 0 {
			out = append(out, r)
		}
	}
	return out, nil
}

// PagePicture is what one page's link-preview picture says.
type PagePicture struct {
	Title string // the page's title, in large type
	Site  string // the site's title, in the band at the foot
	Lang  string
}

// Key names a picture by everything that decides its pixels: the drawing
// code's version, the font, the colours and the words. Two builds with the
// same key draw the same bytes, so a picture found under its key in a
// PictureCache is not drawn again.
func (pic PagePicture) Key(p Palette, f *Font) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%v\x00%s\x00%s\x00%s", pictureVersion, f.sum, p, pic.Lang, pic.Site, pic.Title)
	return hex.EncodeToString(h.Sum(nil))[:20]
}

// Picture layout, in pixels of the 1200×630 picture.
const (
	picMargin     = 96
	picTitleTop   = 84  // top of the area the title is centred in
	picTitleBot   = 520 // and its bottom, above the band
	picBandTop    = 540
	picTitleSize  = 64
	picSmallTitle = 50 // for a title that needs more than three lines
	picSiteSize   = 30
	picLevels     = 16 // shades between text and background, for smooth edges
)

// PageImage draws a page's link-preview picture: the accent rule of the
// site picture at the top, the title in large bold type, wrapped between
// the margins (between words, as Korean is written too), and the site's
// title in the band at the foot. The picture is paletted: the theme's
// colours and shades of the text colour over each background.
func PageImage(p Palette, f *Font, pic PagePicture) ([]byte, error) {
	ft, err := f.parsed()
	if err != nil {
		return nil, err
	}
	const accent, accentBg = 2, 3
	pal := color.Palette{p.Background, p.Text, p.Accent, p.AccentBg}
	overBg, overBand := len(pal), len(pal)+picLevels
	pal = append(pal, shades(p.Background, p.Text)...)
	pal = append(pal, shades(p.AccentBg, p.Text)...)
	img := image.NewPaletted(image.Rect(0, 0, SocialWidth, SocialHeight), pal)
	fill(img, image.Rect(0, 0, SocialWidth, 24), accent)
	fill(img, image.Rect(0, picBandTop, SocialWidth, SocialHeight), accentBg)
	fill(img, image.Rect(picMargin, 64, picMargin+120, 72), accent)

	ink := image.NewAlpha(img.Rect)
	width := fixed.I(SocialWidth - 2*picMargin)
	size := picTitleSize
	face, lines, err := wrapTitle(ft, pic.Title, size, width, 3)
	if err == nil && lines == nil {
		size = picSmallTitle
		face, lines, err = wrapTitle(ft, pic.Title, size, width, 5)
	}
	if err != nil {
		return nil, err
	}
	lineHeight := size * 5 / 4
	y := picTitleTop + (picTitleBot-picTitleTop-len(lines)*lineHeight)/2 + size
	d := font.Drawer{Dst: ink, Src: image.Opaque, Face: face}
	for _, l := range lines {
		d.Dot = fixed.P(picMargin, y)
		d.DrawString(l)
		y += lineHeight
	}
	small, err := opentype.NewFace(ft, &opentype.FaceOptions{Size: picSiteSize, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		return nil, err
	}
	site, _ := fitLine(small, pic.Site, width)
	d = font.Drawer{Dst: ink, Src: image.Opaque, Face: small, Dot: fixed.P(picMargin, picBandTop+(SocialHeight-picBandTop+picSiteSize*3/4)/2)}
	d.DrawString(site)
	inkOver(img, ink, overBg, overBand)
	return encode(img)
}

// shades are picLevels colours from a (exclusive) to b (inclusive).
func shades(a, b color.RGBA) []color.Color {
	out := make([]color.Color, picLevels)
	mix := func(x, y uint8, i int) uint8 { return uint8((int(x)*(picLevels-i) + int(y)*i) / picLevels) }
	for i := 1; i <= picLevels; i++ {
		out[i-1] = color.RGBA{mix(a.R, b.R, i), mix(a.G, b.G, i), mix(a.B, b.B, i), 0xff}
	}
	return out
}

// inkOver lays the text's coverage on the picture: each covered pixel
// takes the shade of its coverage over the background beneath it (the page
// colour, or the band's).
func inkOver(img *image.Paletted, ink *image.Alpha, overBg, overBand int) {
	for y := 0; y < img.Rect.Dy(); y++ {
		base := overBg
		if y >= picBandTop {
			base = overBand
		}
		row := ink.Pix[y*ink.Stride : y*ink.Stride+img.Rect.Dx()]
		for x, a := range row {
			if a == 0 {
				continue
			}
			level := (int(a)*picLevels + 127) / 255
			if level == 0 {
				continue
			}
			img.Pix[y*img.Stride+x] = uint8(base + level - 1)
		}
	}
}

// wrapTitle breaks a title into lines no wider than width at the given
// size, between words; a word wider than a line is broken between
// letters. It returns no lines when the title needs more than max.
func wrapTitle(ft *opentype.Font, title string, size int, width fixed.Int26_6, max int) (font.Face, []string, error) {
	face, err := opentype.NewFace(ft, &opentype.FaceOptions{Size: float64(size), DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		return nil, nil, err
	}
	var lines []string
	line := ""
	for _, w := range strings.Fields(title) {
		try := w
		if line != "" {
			try = line + " " + w
		}
		if font.MeasureString(face, try) <= width {
			line = try
			continue
		}
		if line != "" {
			lines = append(lines, line)
		}
		line = w
		for font.MeasureString(face, line) > width {
			head, rest := fitLine(face, line, width)
			lines = append(lines, head)
			line = rest
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	if len(lines) > max {
		return face, nil, nil
	}
	return face, lines, nil
}

// fitLine splits s after the most letters that fit in width (at least one).
func fitLine(face font.Face, s string, width fixed.Int26_6) (head, rest string) {
	runes := []rune(s)
	n := len(runes)
	for n > 1 && font.MeasureString(face, string(runes[:n])) > width {
		n--
	}
	return string(runes[:n]), string(runes[n:])
}

// PictureCache keeps drawn pictures in a folder, by key, across builds:
// drawing one takes milliseconds, reading it back microseconds. An empty
// Dir keeps nothing. A file that cannot be written is no error: the
// picture is drawn again next time.
type PictureCache struct {
	Dir string
}

// DefaultPictureCache is the user's cache folder's explainer/pictures,
// or no cache where the system has none.
func DefaultPictureCache() PictureCache {
	dir, err := os.UserCacheDir()
	if err != nil {
		return PictureCache{}
	}
	return PictureCache{Dir: filepath.Join(dir, "explainer", "pictures")}
}

// File is the cache's file of key's picture, which may not be there yet;
// "" without a folder. A file there is complete and never changes in
// place (a picture is written beside it and renamed over it), so a build
// may link to it rather than copy it. The cache writes it readable by
// everyone, as a site's files are (a cache from before that wrote 0600).
func (c PictureCache) File(key string) string {
	if c.Dir == "" {
		return ""
	}
	return filepath.Join(c.Dir, key+".png")
}

// Picture returns the picture of key from the cache, or draws it and
// keeps it there.
func (c PictureCache) Picture(key string, draw func() ([]byte, error)) ([]byte, error) {
	if c.Dir != "" {
		if b, err := os.ReadFile(c.File(key)); err == nil {
			return b, nil
		}
	}
	b, err := draw()
	if err != nil || c.Dir == "" {
		return b, err
	}
	if os.MkdirAll(c.Dir, 0o755) == nil {
		// Written under a temporary name and renamed, so that a build
		// running at the same time never reads half a picture.
		tmp, err := os.CreateTemp(c.Dir, key+".*.tmp")
		if err == nil {
			_, werr := tmp.Write(b)
			merr := tmp.Chmod(0o644) // as a page's file: a site links to it
			cerr := tmp.Close()
			if werr == nil && merr == nil && cerr == nil {
				os.Rename(tmp.Name(), c.File(key))
			}
			os.Remove(tmp.Name())
		}
	}
	return b, nil
}
