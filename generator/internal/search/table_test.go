package search

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// A table numbers keys as a map from each key to its number would, for
// keys that share their first 8 bytes, differ only in length or in their
// last byte, are empty, or are longer than 255 bytes (whose length the
// slot's tag does not hold).
func TestTableIsAMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	key := func() string {
		switch rng.IntN(5) {
		case 0: // a short word
			return strings.Repeat("ab", rng.IntN(5))
		case 1: // a long key that only its tail tells apart
			return strings.Repeat("x", 255+rng.IntN(3)) + string(rune('a'+rng.IntN(3)))
		case 2: // Hangul, three bytes a letter
			return strings.Repeat("가", 1+rng.IntN(4)) + strings.Repeat("힣", rng.IntN(2))
		default:
			b := make([]byte, rng.IntN(20))
			for i := range b {
				b[i] = byte('a' + rng.IntN(3))
			}
			return string(b)
		}
	}
	var tb table
	want := make(map[string]int32)
	for range 20000 {
		k := key()
		got, h, ok := tb.find([]byte(k))
		w, wok := want[k]
		if ok != wok || ok && got != w {
			t.Fatalf("find(%q) = %d, %v; want %d, %v", k, got, ok, w, wok)
		}
		if !ok {
			want[k] = tb.put(k, h)
			if want[k] != int32(len(want)-1) {
				t.Fatalf("put(%q) numbered it %d, want %d", k, want[k], len(want)-1)
			}
		}
	}
	if tb.len() != len(want) || len(want) < 1000 {
		t.Fatalf("%d keys in the table, %d in the map", tb.len(), len(want))
	}
	for k, n := range want {
		if tb.keys[n] != k {
			t.Errorf("key %d is %q, want %q", n, tb.keys[n], k)
		}
		if got, _, ok := tb.find([]byte(k)); !ok || got != n {
			t.Errorf("after growing, find(%q) = %d, %v; want %d", k, got, ok, n)
		}
	}
	if free := len(tb.slots) - tb.len(); free < tb.len() {
		t.Errorf("%d slots for %d keys: more than half full", len(tb.slots), tb.len())
	}
}

func FuzzTable(f *testing.F) {
	f.Add("korea", "korean", "클라우드", "")
	f.Fuzz(func(t *testing.T, a, b, c, d string) {
		var tb table
		want := make(map[string]int32)
		for _, k := range []string{a, b, c, d, b, a} {
			got, h, ok := tb.find([]byte(k))
			if w, wok := want[k]; ok != wok || got != w {
				t.Fatalf("find(%q) = %d, %v; want %d, %v", k, got, ok, w, wok)
			}
			if !ok {
				want[k] = tb.put(k, h)
			}
		}
	})
}

// Two long keys whose hashes collide and whose first 8 bytes are the same
// are told apart by the rest of their bytes.
func TestTableCollision(t *testing.T) {
	var tb table
	a, b := "abcdefgh-one", "abcdefgh-two"
	_, h, _ := tb.find([]byte(a))
	tb.put(a, h)
	// a, moved to where b's probe starts and given b's tag: as if their
	// hashes were the same.
	hb := hashKey([]byte(b))
	clear(tb.slots)
	tb.slots[hb.pos&uint64(len(tb.slots)-1)] = slot{head: hb.head, tag: hb.tag, n: 1}
	if n, _, ok := tb.find([]byte(b)); ok {
		t.Errorf("find(%q) = %d, found: it is %q's slot", b, n, a)
	}
}
