package picture

import (
	"bytes"
	"crypto/sha256"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"explainer/generator/internal/picture/picturetest"
)

func TestRead(t *testing.T) {
	svg := []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`)
	fsys := fstest.MapFS{
		"pictures/a.png":      {Data: picturetest.PNG(40, 30)},
		"pictures/b.JPG":      {Data: picturetest.JPEG(17, 9)},
		"pictures/c.jpeg":     {Data: picturetest.JPEG(1, 2)},
		"pictures/d.webp":     {Data: picturetest.WebP(1200, 800)},
		"pictures/e.avif":     {Data: picturetest.AVIF(640, 480, false)},
		"pictures/f.avif":     {Data: picturetest.AVIF(640, 480, true)},
		"pictures/big.png":    {Data: picturetest.PNG(600, 600)},
		"pictures/jpeg.png":   {Data: picturetest.JPEG(5, 5)},
		"pictures/svg.png":    {Data: svg},
		"pictures/x.svg":      {Data: svg},
		"pictures/gif.webp":   {Data: []byte("GIF89a\x01\x00\x01\x00")},
		"pictures/text.avif":  {Data: []byte("hello")},
		"pictures/cut.png":    {Data: picturetest.PNG(3, 3)[:20]},
		"pictures/zero.avif":  {Data: picturetest.AVIF(0, 10, false)},
		"pictures/a.gif":      {Data: []byte("GIF89a")},
		"pictures/noext":      {Data: []byte("x")},
		"pictures/folder.png": {Mode: 0o755 | 1<<31}, // fs.ModeDir
	}
	tests := []struct {
		name string
		w, h int
		err  string
	}{
		{"pictures/a.png", 40, 30, ""},
		{"pictures/b.JPG", 17, 9, ""},
		{"pictures/c.jpeg", 1, 2, ""},
		{"pictures/d.webp", 1200, 800, ""},
		{"pictures/e.avif", 640, 480, ""},
		{"pictures/f.avif", 480, 640, ""},
		{"pictures/big.png", 0, 0, "the file is larger than 1024 KiB, the most a picture may be; make it smaller (fewer pixels, or more compression)"},
		{"pictures/jpeg.png", 0, 0, "the file is a JPEG picture, not PNG as its name says; give it the extension .jpg"},
		{"pictures/svg.png", 0, 0, "the file is not a PNG picture but an SVG drawing, which pages cannot show; export it as PNG, JPEG, WebP or AVIF"},
		{"pictures/x.svg", 0, 0, "SVG pictures are not allowed, as an SVG file can run script and load other files; export it as PNG or WebP"},
		{"pictures/gif.webp", 0, 0, "the file is not a WebP picture but a GIF picture, which pages cannot show; export it as PNG, JPEG, WebP or AVIF"},
		{"pictures/text.avif", 0, 0, "the file is not an AVIF picture (nor any other picture format pages can show)"},
		{"pictures/cut.png", 0, 0, "the PNG file is damaged (unexpected EOF); save it again from a picture editor"},
		{"pictures/zero.avif", 0, 0, "the AVIF file says its picture is 0×10 pixels; save it again from a picture editor"},
		{"pictures/a.gif", 0, 0, ".gif files are not allowed; pictures are PNG (.png), JPEG (.jpg), WebP (.webp) or AVIF (.avif) files"},
		{"pictures/noext", 0, 0, "the file name has no extension; pictures are PNG (.png), JPEG (.jpg), WebP (.webp) or AVIF (.avif) files"},
		{"pictures/none.png", 0, 0, "there is no such file"},
		{"pictures/folder.png", 0, 0, "not a regular file"},
	}
	for _, tt := range tests {
		info, data, err := Read(fsys, tt.name)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("%s: error %v, want %q", tt.name, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if info.Width != tt.w || info.Height != tt.h {
			t.Errorf("%s: %d×%d, want %d×%d", tt.name, info.Width, info.Height, tt.w, tt.h)
		}
		if !bytes.Equal(data, fsys[tt.name].Data) || info.Sum != sha256.Sum256(data) {
			t.Errorf("%s: the content or its sum is not the file's", tt.name)
		}
	}
}

func TestMaxSizeIsAllowed(t *testing.T) {
	// A PNG of exactly MaxSize bytes: a real one padded by a chunk that
	// readers skip would do, but the size check comes first, and the
	// sniff after it: pad a JPEG with bytes after its end instead.
	data := picturetest.JPEG(8, 8)
	data = append(data, make([]byte, MaxSize-len(data))...)
	fsys := fstest.MapFS{"pictures/x.jpg": {Data: data}}
	if _, _, err := Read(fsys, "pictures/x.jpg"); err != nil {
		t.Errorf("a file of MaxSize bytes: %v", err)
	}
	fsys["pictures/x.jpg"].Data = append(data, 0)
	if _, _, err := Read(fsys, "pictures/x.jpg"); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("a file of MaxSize+1 bytes: %v", err)
	}
}

func TestHashedName(t *testing.T) {
	sum := sha256.Sum256([]byte("x"))
	if got, want := HashedName("pictures/sub/Tariffs.PNG", sum), "Tariffs.2d711642b7.png"; got != want {
		t.Errorf("HashedName = %q, want %q", got, want)
	}
}

// TestRealFiles reads files made by the reference encoders (avifenc of
// libavif 0.11 and cwebp of libwebp 1.2, from a 33×17 PNG with
// transparency). Their AVIF files hold a second image item, the alpha
// plane, associated with the same 'ispe' box; TestAVIFSize has items of
// different sizes.
func TestRealFiles(t *testing.T) {
	fsys := os.DirFS("testdata")
	for name, want := range map[string][2]int{
		"real.avif":          {33, 17},
		"turned.avif":        {17, 33}, // avifenc --irot 1: a quarter turn
		"real.webp":          {33, 17},
		"real-lossless.webp": {33, 17},
	} {
		info, _, err := Read(fsys, name)
		if err != nil || info.Width != want[0] || info.Height != want[1] {
			t.Errorf("%s: %d×%d, %v; want %d×%d", name, info.Width, info.Height, err, want[0], want[1])
		}
	}
}
