package picture

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
)

// An AVIF file is a HEIF file (ISO/IEC 23008-12), made of ISOBMFF boxes
// (ISO/IEC 14496-12): an 'ftyp' box naming the brand "avif" (or "avis",
// an animation), then a 'meta' box that describes the images in it. The
// picture a reader sees is the primary item ('pitm'); its size is its
// 'ispe' (image spatial extents) property, mandatory for every image
// item, found through the item property associations ('ipma') among the
// properties of the 'ipco' box, in 'iprp'. An 'irot' property turning the
// picture by a quarter or three quarters swaps width and height.
//
// Only what is needed for the size is read; the AV1 data is not looked at.
// The only maintained Go decoder of AVIF runs libavif compiled to
// WebAssembly, megabytes of dependency to learn two numbers.

// box is one ISOBMFF box: its four-letter type and its content.
type box struct {
	typ  string
	body []byte
}

// boxes splits data into the boxes it holds, one after the other.
func boxes(data []byte) ([]box, error) {
	var out []box
	for len(data) > 0 {
		if len(data) < 8 {
			return nil, errors.New("a box is cut short")
		}
		size, hdr := uint64(binary.BigEndian.Uint32(data)), uint64(8)
		typ := string(data[4:8])
		switch size {
		case 0: // to the end of the file
			size = uint64(len(data))
		case 1: // a 64-bit size follows the type
			if len(data) < 16 {
				return nil, fmt.Errorf("box %q is cut short", typ)
			}
			size, hdr = binary.BigEndian.Uint64(data[8:]), 16
		}
		if size < hdr || size > uint64(len(data)) {
			return nil, fmt.Errorf("box %q is longer than the file", typ)
		}
		out = append(out, box{typ: typ, body: data[hdr:size]})
		data = data[size:]
	}
	return out, nil
}

// find returns the first box of type typ in bs.
func find(bs []box, typ string) (box, bool) {
	for _, b := range bs {
		if b.typ == typ {
			return b, true
		}
	}
	return box{}, false
}

// brands returns the brands of the 'ftyp' box that starts data: its major
// brand, then the compatible ones.
func brands(data []byte) []string {
	if len(data) < 16 || string(data[4:8]) != "ftyp" {
		return nil
	}
	size := int(min(binary.BigEndian.Uint32(data), uint32(len(data))))
	var out []string
	for i := 8; i+4 <= size; i += 4 {
		if i == 12 {
			continue // the minor version, not a brand
		}
		out = append(out, string(data[i:i+4]))
	}
	return out
}

func isAVIF(data []byte) bool {
	b := brands(data)
	return slices.Contains(b, "avif") || slices.Contains(b, "avis")
}

// isHEIC reports a HEIF file of HEVC pictures, as phones save photos: the
// same boxes as AVIF, which browsers but Safari cannot show.
func isHEIC(data []byte) bool {
	return slices.ContainsFunc(brands(data), func(b string) bool {
		return slices.Contains([]string{"heic", "heix", "heim", "heis", "hevc", "hevx", "mif1"}, b)
	})
}

// avifSize returns the width and height of an AVIF file's primary picture.
func avifSize(data []byte) (int, int, error) {
	top, err := boxes(data)
	if err != nil {
		return 0, 0, err
	}
	meta, ok := find(top, "meta")
	if !ok || len(meta.body) < 4 {
		return 0, 0, errors.New("no 'meta' box")
	}
	inMeta, err := boxes(meta.body[4:]) // after the version and flags
	if err != nil {
		return 0, 0, err
	}
	pitm, ok := find(inMeta, "pitm")
	if !ok {
		return 0, 0, errors.New("no primary item")
	}
	primary, err := itemID(pitm.body)
	if err != nil {
		return 0, 0, err
	}
	props, err := propertiesOf(inMeta, primary)
	if err != nil {
		return 0, 0, err
	}
	ispe, ok := find(props, "ispe")
	if !ok || len(ispe.body) < 12 {
		return 0, 0, errors.New("no size ('ispe') for the primary item")
	}
	w, h := binary.BigEndian.Uint32(ispe.body[4:]), binary.BigEndian.Uint32(ispe.body[8:])
	if irot, ok := find(props, "irot"); ok && len(irot.body) >= 1 && irot.body[0]&1 == 1 {
		w, h = h, w
	}
	if w > 1<<24 || h > 1<<24 {
		return 0, 0, fmt.Errorf("a size of %d×%d pixels", w, h)
	}
	return int(w), int(h), nil
}

// itemID reads the item id of a 'pitm' box: 16 bits in version 0, 32
// after.
func itemID(body []byte) (uint32, error) {
	switch {
	case len(body) >= 6 && body[0] == 0:
		return uint32(binary.BigEndian.Uint16(body[4:])), nil
	case len(body) >= 8:
		return binary.BigEndian.Uint32(body[4:]), nil
	}
	return 0, errors.New("the 'pitm' box is cut short")
}

// propertiesOf returns the property boxes associated with item, in the
// order of the associations.
func propertiesOf(inMeta []box, item uint32) ([]box, error) {
	iprp, ok := find(inMeta, "iprp")
	if !ok {
		return nil, errors.New("no item properties ('iprp')")
	}
	inIprp, err := boxes(iprp.body)
	if err != nil {
		return nil, err
	}
	ipco, ok := find(inIprp, "ipco")
	if !ok {
		return nil, errors.New("no item properties ('ipco')")
	}
	all, err := boxes(ipco.body)
	if err != nil {
		return nil, err
	}
	var out []box
	for _, b := range inIprp {
		if b.typ != "ipma" {
			continue
		}
		idx, err := associations(b.body, item)
		if err != nil {
			return nil, err
		}
		for _, i := range idx {
			if i == 0 || int(i) > len(all) {
				continue // 0 means no property; indexes start at 1
			}
			out = append(out, all[i-1])
		}
	}
	return out, nil
}

// associations reads an 'ipma' box and returns the property indexes of
// item.
func associations(body []byte, item uint32) ([]uint16, error) {
	r := reader{b: body}
	version := r.u8()
	flags := uint32(r.u8())<<16 | uint32(r.u8())<<8 | uint32(r.u8())
	count := r.u32()
	for range count {
		if r.short {
			break
		}
		var id uint32
		if version < 1 {
			id = uint32(r.u16())
		} else {
			id = r.u32()
		}
		n := int(r.u8())
		var idx []uint16
		for range n {
			if flags&1 == 1 {
				idx = append(idx, r.u16()&0x7fff)
			} else {
				idx = append(idx, uint16(r.u8()&0x7f))
			}
		}
		if !r.short && id == item {
			return idx, nil
		}
	}
	if r.short {
		return nil, errors.New("the 'ipma' box is cut short")
	}
	return nil, nil
}

// reader reads big-endian numbers from a box; past its end it reads zeros
// and sets short.
type reader struct {
	b     []byte
	short bool
}

func (r *reader) take(n int) []byte {
	if len(r.b) < n {
		r.short, r.b = true, nil
		return make([]byte, n)
	}
	p := r.b[:n]
	r.b = r.b[n:]
	return p
}

func (r *reader) u8() uint8   { return r.take(1)[0] }
func (r *reader) u16() uint16 { return binary.BigEndian.Uint16(r.take(2)) }
func (r *reader) u32() uint32 { return binary.BigEndian.Uint32(r.take(4)) }
