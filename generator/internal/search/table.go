package search

import "encoding/binary"

// A table numbers byte strings, as a map[string]int32 from each key to
// its place in keys would: the scorer's dictionary of terms and its
// dictionary of CJK runs. Every word of every body is looked up in one,
// so a lookup is made to touch as little memory as it can: it probes
// slots of 16 bytes, each holding a key's first 8 bytes and length, and
// reads the key itself only when it is longer than 8 bytes (an English
// word of 9 letters or more, a run of three Hangul syllables or more).
// A Go map hashes the key, then finds it among a group of slots and
// compares it where the string's bytes are, in another cache line.
type table struct {
	slots []slot // len a power of two, at most half full
	keys  []string
}

// slot is one key's place in a table: head is the key's first 8 bytes
// (zero after its end), tag the key's hash with its length (up to 255)
// in the low byte, and n the number of the key plus one; 0 if empty.
type slot struct {
	head uint64
	tag  uint32
	n    int32
}

// hashed is a key's hash, in the parts a table uses: where its probe
// starts, and what a slot holding it holds.
type hashed struct {
	pos  uint64
	head uint64
	tag  uint32
}

// hashKey hashes key. Keys are words (letters and digits), mostly of 2 to
// 12 bytes, so it reads 8 bytes at a time and mixes by multiplying.
func hashKey(key []byte) hashed {
	n := len(key)
	head := load(key)
	h := (uint64(n)*0x9e3779b97f4a7c15 ^ head) * 0xbf58476d1ce4e5b9
	for i := 8; i < n; i += 8 {
		h ^= h >> 29
		h = (h ^ load(key[i:])) * 0x94d049bb133111eb
	}
	h ^= h >> 32
	return hashed{pos: h, head: head, tag: uint32(h>>32)&^0xff | uint32(min(n, 255))}
}

// load is the first 8 bytes of b as a little-endian number, the bytes
// past b's end taken as zero.
func load(b []byte) uint64 {
	if len(b) >= 8 {
		return binary.LittleEndian.Uint64(b)
	}
	var x uint64
	for i := len(b) - 1; i >= 0; i-- {
		x = x<<8 | uint64(b[i])
	}
	return x
}

// find returns the number of key, and whether it is in the table, with
// key's hash for put.
func (t *table) find(key []byte) (int32, hashed, bool) {
	h := hashKey(key)
	if len(t.slots) == 0 {
		return 0, h, false
	}
	mask := uint64(len(t.slots) - 1)
	for i := h.pos & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.n == 0 {
			return 0, h, false
		}
		if s.tag == h.tag && s.head == h.head && (len(key) <= 8 || t.keys[s.n-1][8:] == string(key[8:])) {
			return s.n - 1, h, true
		}
	}
}

// put adds key, which find did not find, with its hash h, and returns its
// number: the number of keys before it.
func (t *table) put(key string, h hashed) int32 {
	if 2*(len(t.keys)+1) > len(t.slots) {
		t.grow()
	}
	t.keys = append(t.keys, key)
	n := int32(len(t.keys))
	t.place(h, n)
	return n - 1
}

// place puts the key numbered n-1, hashed h, in the first free slot of
// its probe.
func (t *table) place(h hashed, n int32) {
	mask := uint64(len(t.slots) - 1)
	i := h.pos & mask
	for t.slots[i].n != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = slot{head: h.head, tag: h.tag, n: n}
}

// grow doubles the slots (from 1024) and places every key again.
func (t *table) grow() {
	t.slots = make([]slot, max(1024, 2*len(t.slots)))
	for i, k := range t.keys {
		t.place(hashKey([]byte(k)), int32(i+1))
	}
}

// len is the number of keys.
func (t *table) len() int { return len(t.keys) }
