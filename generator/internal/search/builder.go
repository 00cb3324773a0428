package search

import (
	"bufio"
	"cmp"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// Builder makes the index of a large site without holding its text: each
// document's terms are scored as it is added, from any number of
// goroutines at once, and only the postings are kept, packed in about two
// bytes each in blocks of 64 KiB (see postings). WriteJSON then writes the
// same bytes as Index.JSON for the documents in their final order,
// without making the Index in memory. A site of 20,000 pages has millions of postings; as an
// Index's maps of ints they took several times the memory.
//
// Each goroutine adding at a given moment has a part of the Builder to
// itself: a scorer, whose dictionary of terms grows from one document to
// the next, and the postings of those terms. A term is then looked up once
// per occurrence, in its part's dictionary, and its document's posting is
// appended without a lock; WriteJSON merges the parts' postings term by
// term.
type Builder struct {
	mu    sync.Mutex
	slots int
	parts []*part // every part made
	free  []*part // the parts no Add is using
}

// part is the index of the documents one goroutine added: postings[id]
// are where the postings of sc.terms()[id] are in chunks.
type part struct {
	sc       *scorer
	postings []postings
	chunks   chunks
}

// postings are where the documents of one term are, in the order added:
// for each, the difference from the previous document's slot (zig-zag
// varint: slots come nearly in order, so most take one byte), then the
// score (one byte). They are kept in a chain of chunks of the part's, the
// first at head and the last, being filled, at tail; last is the slot of
// the last document.
//
// A slice of its own for each term's postings, grown as they came, was
// an object for the collector to mark and a header for it to scan, 80,000
// of each at 20,000 pages, and each slice grown left its old array among
// the conversion's garbage, where the small objects it kept alive spread
// the heap over more spans than its data needed.
type postings struct {
	head, tail uint32
	last       int32
}

// add appends the posting of the document in slot, with score, to the
// postings of term id.
func (p *part) add(id int32, slot, score int) {
	ps := &p.postings[id]
	var buf [binary.MaxVarintLen64 + 1]byte
	n := binary.PutVarint(buf[:], int64(slot-int(ps.last)))
	buf[n] = byte(score)
	n++
	if ps.tail == 0 || !p.chunks.fits(ps.tail, n) {
		c := p.chunks.alloc()
		if ps.tail == 0 {
			ps.head = c
		} else {
			p.chunks.link(ps.tail, c)
		}
		ps.tail = c
	}
	p.chunks.write(ps.tail, buf[:n])
	ps.last = int32(slot)
}

// each calls f with every posting of term id, as slot<<8 | score.
func (p *part) each(id int32, f func(uint32)) {
	slot := 0
	for c := p.postings[id].head; c != 0; c = p.chunks.next(c) {
		for b := p.chunks.data(c); len(b) > 0; {
			d, n := binary.Varint(b)
			slot += int(d)
			f(uint32(slot)<<8 | uint32(b[n]))
			b = b[n+1:]
		}
	}
}

// chunks hold the postings of a part's terms, chunkSize bytes each, in
// blocks of blockSize: a chunk is its offset, block<<16 | place, never 0
// (the first chunk of the first block is left unused). A chunk's first 4
// bytes are the next chunk of its chain (0 at the end), its fifth the
// bytes of postings it holds, and the rest postings, each whole.
type chunks struct {
	blocks [][]byte
	used   int // of the last block
}

const (
	chunkSize = 32
	blockSize = 1 << 16
	chunkHead = 5
)

// alloc returns a new, empty chunk.
func (cs *chunks) alloc() uint32 {
	if len(cs.blocks) == 0 || cs.used == blockSize {
		cs.blocks = append(cs.blocks, make([]byte, blockSize))
		cs.used = 0
		if len(cs.blocks) == 1 {
			cs.used = chunkSize // offset 0 means none
		}
	}
	c := uint32(len(cs.blocks)-1)<<16 | uint32(cs.used)
	cs.used += chunkSize
	return c
}

// chunk is chunk c's bytes.
func (cs *chunks) chunk(c uint32) []byte {
	at := int(c & (blockSize - 1))
	return cs.blocks[c>>16][at : at+chunkSize : at+chunkSize]
}

func (cs *chunks) fits(c uint32, n int) bool {
	return chunkHead+int(cs.chunk(c)[4])+n <= chunkSize
}

func (cs *chunks) write(c uint32, b []byte) {
	ch := cs.chunk(c)
	copy(ch[chunkHead+int(ch[4]):], b)
	ch[4] += byte(len(b))
}

func (cs *chunks) link(c, next uint32) {
	binary.LittleEndian.PutUint32(cs.chunk(c), next)
}

func (cs *chunks) next(c uint32) uint32 {
	return binary.LittleEndian.Uint32(cs.chunk(c))
}

func (cs *chunks) data(c uint32) []byte {
	ch := cs.chunk(c)
	return ch[chunkHead : chunkHead+int(ch[4])]
}

// maxScore is the highest score a posting can hold. A document's score for
// a term is at most weightTitle + 2*weightSummary + weightSection +
// maxTextCount*weightText = 35.
const maxScore = 255

// NewBuilder returns an empty Builder.
func NewBuilder() *Builder { return new(Builder) }

// Add scores d's terms and returns its slot, which WriteJSON's caller uses
// to say where d goes among the documents. Nothing of d's strings is kept
// (a term found is copied): the caller passes what results show to
// WriteJSON, and may reuse the memory of d.Text once Add returns.
func (b *Builder) Add(d Doc) int {
	b.mu.Lock()
	slot := b.slots
	b.slots++
	var p *part
	if n := len(b.free); n > 0 {
		p, b.free = b.free[n-1], b.free[:n-1]
	} else {
		p = &part{sc: newScorer()}
		b.parts = append(b.parts, p)
	}
	b.mu.Unlock()
	if slot >= 1<<24 {
		panic("search: more than 16,777,216 documents")
	}
	p.sc.scoreDoc(d)
	if n := p.sc.dict.len(); n > len(p.postings) {
		p.postings = append(p.postings, make([]postings, n-len(p.postings))...)
	}
	for _, id := range p.sc.found {
		p.add(id, slot, int(min(p.sc.stat[id].score, maxScore)))
	}
	b.mu.Lock()
	b.free = append(b.free, p)
	b.mu.Unlock()
	return slot
}

// WriteJSON writes the index of docs, where docs[i] is the document added
// with slot slots[i]; documents added but not named in slots are left out.
// The bytes are those of Index.JSON for the same documents in that order.
func (b *Builder) WriteJSON(w io.Writer, docs []Result, slots []int) error {
	if len(docs) != len(slots) {
		return fmt.Errorf("search: %d documents for %d slots", len(docs), len(slots))
	}
	place := make([]int32, b.slots)
	for i := range place {
		place[i] = -1
	}
	for i, s := range slots {
		if s < 0 || s >= b.slots || place[s] >= 0 {
			return fmt.Errorf("search: slot %d named twice or never added", s)
		}
		place[s] = int32(i)
	}
	// Every term of every part, sorted as encoding/json orders map keys;
	// a term added by several parts comes once from each.
	type termOf struct {
		term string
		part int32
		id   int32
	}
	var terms []termOf
	for i, p := range b.parts {
		for id, t := range p.sc.terms() {
			terms = append(terms, termOf{t, int32(i), int32(id)})
		}
	}
	slices.SortFunc(terms, func(x, y termOf) int {
		return cmp.Or(strings.Compare(x.term, y.term), cmp.Compare(x.part, y.part))
	})

	bw := bufio.NewWriterSize(w, 64<<10)
	bw.WriteString(`{"docs":`)
	var d []byte
	var err error
	if len(docs) == 0 {
		d = []byte("null") // as a nil slice is written
	} else if d, err = json.Marshal(docs); err != nil {
		return err
	}
	bw.Write(d)
	bw.WriteString(`,"terms":{`)
	first := true
	var buf []byte
	var kept []uint32
	// A term in many documents has its postings put in order by place
	// through scores, one byte per document (every score is at least 1),
	// in one pass instead of a sort.
	scores := make([]uint8, len(docs))
	for i := 0; i < len(terms); {
		t := terms[i].term
		kept = kept[:0]
		for ; i < len(terms) && terms[i].term == t; i++ {
			b.parts[terms[i].part].each(terms[i].id, func(p uint32) {
				if pl := place[p>>8]; pl >= 0 {
					kept = append(kept, uint32(pl)<<8|p&0xff)
				}
			})
		}
		if len(kept) == 0 {
			continue
		}
		if len(kept) < len(docs)/16 {
			slices.Sort(kept) // by place
		} else {
			for _, p := range kept {
				scores[p>>8] = uint8(p)
			}
			kept = kept[:0]
			for pl, sc := range scores {
				if sc != 0 {
					kept = append(kept, uint32(pl)<<8|uint32(sc))
					scores[pl] = 0
				}
			}
		}
		key, err := jsonString(t)
		if err != nil {
			return err
		}
		if !first {
			bw.WriteByte(',')
		}
		first = false
		bw.Write(key)
		bw.WriteString(":[")
		buf = buf[:0]
		for i, p := range kept {
			if i > 0 {
				buf = append(buf, ',')
			}
			buf = strconv.AppendInt(buf, int64(p>>8), 10)
			buf = append(buf, ',')
			buf = strconv.AppendInt(buf, int64(p&0xff), 10)
		}
		bw.Write(buf)
		bw.WriteByte(']')
	}
	bw.WriteString("}}")
	return bw.Flush()
}

// jsonString is t as a JSON string, as encoding/json writes it. A term is
// made of letters and digits, which JSON takes as they are; anything else
// goes through encoding/json.
func jsonString(t string) ([]byte, error) {
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c < utf8.RuneSelf && !('a' <= c && c <= 'z' || '0' <= c && c <= '9') {
			return json.Marshal(t)
		}
	}
	if !utf8.ValidString(t) || strings.ContainsAny(t, "\u2028\u2029") {
		return json.Marshal(t)
	}
	return []byte(`"` + t + `"`), nil
}
