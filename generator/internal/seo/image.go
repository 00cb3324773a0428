package seo

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"regexp"
	"strconv"
)

// Palette is the colours the generated pictures are drawn in, taken from
// the theme's stylesheet so they follow a redesign.
type Palette struct {
	Background color.RGBA // --bg
	Text       color.RGBA // --fg
	Accent     color.RGBA // --accent
	AccentBg   color.RGBA // --accent-bg
	Highlight  color.RGBA // --new
}

// DefaultPalette is used for a colour the stylesheet does not define.
var DefaultPalette = Palette{
	Background: color.RGBA{0xfb, 0xfa, 0xf7, 0xff},
	Text:       color.RGBA{0x1f, 0x23, 0x28, 0xff},
	Accent:     color.RGBA{0x0b, 0x53, 0x94, 0xff},
	AccentBg:   color.RGBA{0xe8, 0xf0, 0xf8, 0xff},
	Highlight:  color.RGBA{0x8a, 0x2d, 0x0b, 0xff},
}

var cssVarRE = regexp.MustCompile(`--([a-z-]+):\s*#([0-9a-fA-F]{6})\b`)

// PaletteFromCSS reads the custom properties --bg, --fg, --accent,
// --accent-bg and --new (six-digit hex colours) from a stylesheet. The first
// definition of each wins: the light scheme, which comes before any
// prefers-color-scheme override.
func PaletteFromCSS(css []byte) Palette {
	p := DefaultPalette
	seen := map[string]bool{}
	targets := map[string]*color.RGBA{
		"bg": &p.Background, "fg": &p.Text, "accent": &p.Accent,
		"accent-bg": &p.AccentBg, "new": &p.Highlight,
	}
	for _, m := range cssVarRE.FindAllSubmatch(css, -1) {
		name := string(m[1])
		dst, ok := targets[name]
		if !ok || seen[name] {
			continue
		}
		seen[name] = true
		v, _ := strconv.ParseUint(string(m[2]), 16, 32)
		*dst = color.RGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xff}
	}
	return p
}

// Social picture size: the 1.91:1 shape that link previews crop to.
const (
	SocialWidth  = 1200
	SocialHeight = 630
)

// SocialImage draws the default link-preview picture: a bar chart on the
// page colour, one bar in the colour that marks new barriers. It needs no
// fonts, so it reads the same in every language. The picture has five
// colours, so it is drawn as a paletted image: small, and fast to encode.
func SocialImage(p Palette) ([]byte, error) {
	const bg, text, accent, accentBg, highlight = 0, 1, 2, 3, 4
	img := image.NewPaletted(image.Rect(0, 0, SocialWidth, SocialHeight),
		color.Palette{p.Background, p.Text, p.Accent, p.AccentBg, p.Highlight})
	fill(img, image.Rect(0, 0, SocialWidth, 24), accent)
	fill(img, image.Rect(0, 540, SocialWidth, SocialHeight), accentBg)

	heights := []int{190, 300, 240, 400, 270, 350, 160}
	// Seven bars spaced evenly between 150-pixel margins.
	const left, width, base = 150, 100, 500
	gap := (SocialWidth - 2*left - len(heights)*width) / (len(heights) - 1)
	for i, h := range heights {
		c := uint8(accent)
		if i == 3 {
			c = highlight
		}
		x := left + i*(width+gap)
		fill(img, image.Rect(x, base-h, x+width, base), c)
	}
	fill(img, image.Rect(110, base, SocialWidth-110, base+8), text)
	return encode(img)
}

// Icon draws the site icon at size×size pixels, for browsers and devices
// that want a PNG beside favicon.svg: three rising bars on a rounded square,
// the shapes of the SVG icon.
func Icon(p Palette, size int) ([]byte, error) {
	const accent, bg = 1, 2 // 0 is transparent, where every pixel starts
	img := image.NewPaletted(image.Rect(0, 0, size, size), color.Palette{color.RGBA{}, p.Accent, p.Background})
	scale := func(v int) int { return v * size / 32 }
	r := scale(6)
	for y := range size {
		for x := range size {
			if insideRounded(x, y, size, r) {
				img.SetColorIndex(x, y, accent)
			}
		}
	}
	for _, b := range [][4]int{{8, 10, 12, 22}, {14, 14, 18, 22}, {20, 7, 24, 22}} {
		fill(img, image.Rect(scale(b[0]), scale(b[1]), scale(b[2]), scale(b[3])), bg)
	}
	return encode(img)
}

// insideRounded reports whether pixel (x, y) lies in a size×size square
// with corners of radius r.
func insideRounded(x, y, size, r int) bool {
	cx, cy := x, y
	switch {
	case x < r:
		cx = r
	case x >= size-r:
		cx = size - r - 1
	}
	switch {
	case y < r:
		cy = r
	case y >= size-r:
		cy = size - r - 1
	}
	dx, dy := x-cx, y-cy
	return dx*dx+dy*dy <= r*r
}

// fill sets the pixels of r to the palette colour i.
func fill(img *image.Paletted, r image.Rectangle, i uint8) {
	r = r.Intersect(img.Rect)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		row := img.Pix[img.PixOffset(r.Min.X, y):img.PixOffset(r.Max.X, y)]
		for x := range row {
			row[x] = i
		}
	}
}

func encode(img image.Image) ([]byte, error) {
	var b bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&b, img); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
