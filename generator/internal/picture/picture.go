// Package picture reads the picture files that pages show, from the
// content folder's pictures/ folder, and refuses any that a page should
// not: a format other than PNG, JPEG, WebP or AVIF (SVG above all, which
// can carry script), a file larger than MaxSize, and content that is not
// what its name says. Read returns a picture's width and height, which the
// page writes into its <img> so the text does not jump as it loads, and
// HashedName the name it is published under, with a hash of its content,
// as the theme's static files are.
//
// The sizes come from the files' headers, without decoding the pixels:
// image.DecodeConfig for PNG and JPEG (the standard library) and WebP
// (golang.org/x/image/webp); for AVIF, which no small maintained Go module
// reads, the 'ispe' property of the primary item, found by a small reader
// of the ISOBMFF boxes (avif.go).
package picture

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"io"
	"io/fs"
	"path"
	"strings"

	"golang.org/x/image/webp"
)

// MaxSize is the largest picture file, in bytes. A photograph for a page
// of text needs far less (a 1200-pixel-wide JPEG or WebP is 100 to 300
// KB); the limit keeps one file from making every reader of the page
// download megabytes.
const MaxSize = 1 << 20

// Format is a kind of picture file.
type Format string

// The formats pages can show.
const (
	PNG  Format = "PNG"
	JPEG Format = "JPEG"
	WebP Format = "WebP"
	AVIF Format = "AVIF"
)

// byExt maps each file name extension allowed (in lower case) to its format.
var byExt = map[string]Format{".png": PNG, ".jpg": JPEG, ".jpeg": JPEG, ".webp": WebP, ".avif": AVIF}

// ErrMissing is Read's error for a file that does not exist.
var ErrMissing = errors.New("there is no such file")

// Info is what a page needs to know of a picture file.
type Info struct {
	Format        Format
	Width, Height int
	// Sum is the SHA-256 of the file's content.
	Sum [sha256.Size]byte
}

// FormatOf returns the format a file name's extension says, or an error
// saying why a page cannot show such a file.
func FormatOf(name string) (Format, error) {
	ext := strings.ToLower(path.Ext(name))
	if f, ok := byExt[ext]; ok {
		return f, nil
	}
	switch ext {
	case ".svg", ".svgz":
		return "", errors.New("SVG pictures are not allowed, as an SVG file can run script and load other files; export it as PNG or WebP")
	case "":
		return "", errors.New("the file name has no extension; pictures are PNG (.png), JPEG (.jpg), WebP (.webp) or AVIF (.avif) files")
	}
	return "", fmt.Errorf("%s files are not allowed; pictures are PNG (.png), JPEG (.jpg), WebP (.webp) or AVIF (.avif) files", ext)
}

// Read reads the picture file name in fsys and checks it: an allowed
// format, at most MaxSize bytes, content of the format its name says, and
// a size in pixels. It returns the file's content with what it learned.
func Read(fsys fs.FS, name string) (Info, []byte, error) {
	want, err := FormatOf(name)
	if err != nil {
		return Info{}, nil, err
	}
	f, err := fsys.Open(name)
	if errors.Is(err, fs.ErrNotExist) {
		return Info{}, nil, ErrMissing
	}
	if err != nil {
		return Info{}, nil, fmt.Errorf("cannot read the file: %v", unwrap(err))
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil {
		return Info{}, nil, fmt.Errorf("cannot read the file: %v", unwrap(err))
	} else if !st.Mode().IsRegular() {
		return Info{}, nil, errors.New("not a regular file")
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return Info{}, nil, fmt.Errorf("cannot read the file: %v", unwrap(err))
	}
	if len(data) > MaxSize {
		return Info{}, nil, fmt.Errorf("the file is larger than %d KiB, the most a picture may be; make it smaller (fewer pixels, or more compression)", MaxSize>>10)
	}
	info, err := Check(data, want)
	return info, data, err
}

// Check checks that data is a picture file of format want and reads its
// size in pixels.
func Check(data []byte, want Format) (Info, error) {
	got := sniff(data)
	if got != want {
		return Info{}, mismatch(got, want)
	}
	info := Info{Format: want, Sum: sha256.Sum256(data)}
	var err error
	switch want {
	case PNG:
		info.Width, info.Height, err = decodeConfig(png.DecodeConfig, data)
	case JPEG:
		info.Width, info.Height, err = decodeConfig(jpeg.DecodeConfig, data)
	case WebP:
		info.Width, info.Height, err = decodeConfig(webp.DecodeConfig, data)
	case AVIF:
		info.Width, info.Height, err = avifSize(data)
	}
	if err != nil {
		return Info{}, fmt.Errorf("the %s file is damaged (%v); save it again from a picture editor", want, err)
	}
	if info.Width <= 0 || info.Height <= 0 {
		return Info{}, fmt.Errorf("the %s file says its picture is %d×%d pixels; save it again from a picture editor", want, info.Width, info.Height)
	}
	return info, nil
}

func decodeConfig(decode func(io.Reader) (image.Config, error), data []byte) (int, int, error) {
	c, err := decode(bytes.NewReader(data))
	return c.Width, c.Height, err
}

// mismatch is the error for a file whose content is not the format its
// name says.
func mismatch(got, want Format) error {
	switch got {
	case PNG, JPEG, WebP, AVIF:
		return fmt.Errorf("the file is %s picture, not %s as its name says; give it the extension %s", withArticle(got), want, extOf(got))
	case "":
		return fmt.Errorf("the file is not %s picture (nor any other picture format pages can show)", withArticle(want))
	}
	return fmt.Errorf("the file is not %s picture but %s, which pages cannot show; export it as PNG, JPEG, WebP or AVIF", withArticle(want), got)
}

// withArticle is "a PNG", "an AVIF": the letters are read by their names.
func withArticle(f Format) string {
	if f == AVIF {
		return "an " + string(f)
	}
	return "a " + string(f)
}

func extOf(f Format) string {
	for ext, g := range byExt {
		if g == f && ext != ".jpeg" {
			return ext
		}
	}
	return ""
}

// sniff tells a file's format from its first bytes: one of the four
// formats, the name of another that an editor might save by mistake, or "".
func sniff(data []byte) Format {
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return PNG
	case bytes.HasPrefix(data, []byte("\xff\xd8\xff")):
		return JPEG
	case len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP":
		return WebP
	case isAVIF(data):
		return AVIF
	case bytes.HasPrefix(data, []byte("GIF87a")) || bytes.HasPrefix(data, []byte("GIF89a")):
		return "a GIF picture"
	case bytes.HasPrefix(data, []byte("BM")):
		return "a BMP picture"
	case bytes.HasPrefix(data, []byte("II*\x00")) || bytes.HasPrefix(data, []byte("MM\x00*")):
		return "a TIFF picture"
	case isHEIC(data):
		return "a HEIC picture"
	case looksLikeSVG(data):
		return "an SVG drawing"
	}
	return ""
}

// looksLikeSVG reports text that starts as an SVG file does.
func looksLikeSVG(data []byte) bool {
	head := bytes.ToLower(data[:min(len(data), 512)])
	head = bytes.TrimLeft(head, "\xef\xbb\xbf \t\r\n")
	return bytes.HasPrefix(head, []byte("<svg")) || bytes.HasPrefix(head, []byte("<?xml")) && bytes.Contains(head, []byte("<svg"))
}

// HashedName is the name a picture file is published under: its base name
// with the first 10 hex digits of its SHA-256 before the extension
// (pictures/tariffs.png becomes tariffs.0123456789.png), so a changed
// picture gets a new address and an old one can be cached for ever.
func HashedName(name string, sum [sha256.Size]byte) string {
	base := path.Base(name)
	ext := path.Ext(base)
	return strings.TrimSuffix(base, ext) + "." + hex.EncodeToString(sum[:5]) + strings.ToLower(ext)
}

func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
