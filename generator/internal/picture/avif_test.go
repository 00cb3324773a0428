package picture

import (
	"encoding/binary"
	"testing"

	"explainer/generator/internal/picture/picturetest"
)

var mk = picturetest.Box

func be32(v uint32) []byte { return binary.BigEndian.AppendUint32(nil, v) }

func ftyp() []byte { return mk("ftyp", []byte("avif"), be32(0), []byte("mif1")) }

// withMeta is an AVIF file whose meta box holds parts.
func withMeta(parts ...[]byte) []byte {
	return append(ftyp(), mk("meta", append([][]byte{be32(0)}, parts...)...)...)
}

func TestAVIFSize(t *testing.T) {
	ispe := func(w, h uint32) []byte { return mk("ispe", be32(0), be32(w), be32(h)) }
	// Two items: a 64×64 alpha plane (item 1) and the picture (item 2),
	// the primary one, with 32-bit ids and 16-bit indexes (version 1,
	// flags 1).
	twoItems := withMeta(
		mk("pitm", []byte{1, 0, 0, 0}, be32(2)),
		mk("iprp",
			mk("ipco", ispe(64, 64), mk("pixi", be32(0)), ispe(300, 200)),
			mk("ipma", []byte{1, 0, 0, 1}, be32(2),
				be32(1), []byte{1, 0x80, 1},
				be32(2), []byte{2, 0x80, 2, 0x80, 3}),
		),
	)
	// A 64-bit box size (size 1, then the size after the type).
	body := []byte("avif\x00\x00\x00\x00mif1")
	large := append(be32(1), "ftyp"...)
	large = binary.BigEndian.AppendUint64(large, uint64(16+len(body)))
	large = append(large, body...)
	small := picturetest.AVIF(7, 5, false)
	large = append(large, small[binary.BigEndian.Uint32(small):]...) // its meta box

	tests := []struct {
		name string
		data []byte
		w, h int
		err  string
	}{
		{"one item", picturetest.AVIF(800, 600, false), 800, 600, ""},
		{"turned", picturetest.AVIF(800, 600, true), 600, 800, ""},
		{"the primary of two items", twoItems, 300, 200, ""},
		{"no meta", ftyp(), 0, 0, "no 'meta' box"},
		{"no pitm", withMeta(mk("iprp")), 0, 0, "no primary item"},
		{"no iprp", withMeta(mk("pitm", be32(0), []byte{0, 1})), 0, 0, "no item properties ('iprp')"},
		{"no ispe", withMeta(mk("pitm", be32(0), []byte{0, 1}), mk("iprp", mk("ipco"), mk("ipma", be32(0), be32(0)))), 0, 0, "no size ('ispe') for the primary item"},
		{"cut short", picturetest.AVIF(8, 8, false)[:40], 0, 0, `box "meta" is longer than the file`},
		{"ipma cut short", withMeta(mk("pitm", be32(0), []byte{0, 1}), mk("iprp", mk("ipco", ispe(1, 1)), mk("ipma", be32(0), be32(3), []byte{0, 1}))), 0, 0, "the 'ipma' box is cut short"},
	}
	for _, tt := range tests {
		if tt.name == "one item" {
			// The same file with a 64-bit ftyp size must read alike.
			if w, h, err := avifSize(large); err != nil || w != 7 || h != 5 {
				t.Errorf("64-bit box size: %d×%d, %v; want 7×5", w, h, err)
			}
		}
		w, h, err := avifSize(tt.data)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("%s: error %v, want %q", tt.name, err, tt.err)
			}
			continue
		}
		if err != nil || w != tt.w || h != tt.h {
			t.Errorf("%s: %d×%d, %v; want %d×%d", tt.name, w, h, err, tt.w, tt.h)
		}
	}
}

func TestSniffHEIC(t *testing.T) {
	heic := mk("ftyp", []byte("heic"), be32(0), []byte("mif1heic"))
	if got := sniff(heic); got != "a HEIC picture" {
		t.Errorf("sniff(HEIC) = %q", got)
	}
	if got := sniff(picturetest.AVIF(1, 1, false)); got != AVIF {
		t.Errorf("sniff(AVIF) = %q", got)
	}
}

// FuzzAVIFSize checks that no file makes the reader panic or loop.
func FuzzAVIFSize(f *testing.F) {
	f.Add(picturetest.AVIF(10, 20, true))
	f.Add(withMeta(mk("pitm", []byte{1, 0, 0, 0}, be32(9))))
	f.Fuzz(func(t *testing.T, data []byte) {
		w, h, err := avifSize(data)
		if err == nil && (w < 0 || h < 0) {
			t.Errorf("%d×%d", w, h)
		}
	})
}
