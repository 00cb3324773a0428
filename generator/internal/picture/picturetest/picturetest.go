// Package picturetest makes picture files for tests: PNG and JPEG files
// that any reader shows (of pseudo-random pixels, the same every time, so
// a large picture makes a large file), and WebP and AVIF files that hold
// only the headers that say their size, which is all the generator reads
// of them (no Go package in use encodes these two formats).
package picturetest

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math/rand/v2"
)

// PNG is a PNG file of w×h pixels.
func PNG(w, h int) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, noise(w, h)); err != nil {
		panic(err) // only for a size image.Rect refuses
	}
	return b.Bytes()
}

// JPEG is a JPEG file of w×h pixels.
func JPEG(w, h int) []byte {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, noise(w, h), &jpeg.Options{Quality: 90}); err != nil {
		panic(err)
	}
	return b.Bytes()
}

func noise(w, h int) image.Image {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	r := rand.New(rand.NewPCG(uint64(w), uint64(h)))
	for y := range h {
		for x := range w {
			img.SetNRGBA(x, y, color.NRGBA{uint8(r.Uint32()), uint8(r.Uint32()), uint8(r.Uint32()), 255})
		}
	}
	return img
}

// WebP is the start of a lossless WebP file of w×h pixels (1 to 16384
// each): the RIFF header and the VP8L chunk's header.
func WebP(w, h int) []byte {
	bits := uint32(w-1) | uint32(h-1)<<14 // no alpha, version 0
	chunk := append([]byte{0x2f}, binary.LittleEndian.AppendUint32(nil, bits)...)
	chunk = append(chunk, 0) // the padding of an odd-sized chunk
	var b []byte
	b = append(b, "RIFF"...)
	b = binary.LittleEndian.AppendUint32(b, uint32(4+8+len(chunk)))
	b = append(b, "WEBPVP8L"...)
	b = binary.LittleEndian.AppendUint32(b, 5)
	return append(b, chunk...)
}

// AVIF is the start of an AVIF file whose primary picture is w×h pixels:
// its 'ftyp' box and a 'meta' box with the item's 'ispe' property, turned
// a quarter by an 'irot' property if turned is set (so it shows h×w).
func AVIF(w, h int, turned bool) []byte {
	props := Box("ispe", be32(0), be32(uint32(w)), be32(uint32(h)))
	assoc := []byte{0, 1, 1, 0x81} // item 1: one property, the first, essential
	if turned {
		props = append(props, Box("irot", []byte{1})...)
		assoc = []byte{0, 1, 2, 0x81, 0x82}
	}
	meta := Box("meta", be32(0),
		Box("hdlr", be32(0), be32(0), []byte("pict"), make([]byte, 13)),
		Box("pitm", be32(0), []byte{0, 1}),
		Box("iprp",
			Box("ipco", props),
			Box("ipma", be32(0), be32(1), assoc),
		),
	)
	ftyp := Box("ftyp", []byte("avif"), be32(0), []byte("avifmif1miaf"))
	return append(ftyp, meta...)
}

// Box is an ISOBMFF box of type typ holding parts, one after the other.
func Box(typ string, parts ...[]byte) []byte {
	body := bytes.Join(parts, nil)
	b := be32(uint32(8 + len(body)))
	b = append(b, typ...)
	return append(b, body...)
}

func be32(v uint32) []byte { return binary.BigEndian.AppendUint32(nil, v) }
