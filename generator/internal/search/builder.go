package search

import (
	"bufio"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Builder makes the index of a whole site without holding its text: each
// document is scored as it is added, from any number of goroutines at
// once, and only its postings are kept. WriteJSON then writes the bytes
// Index.JSON would for the documents in their final order, as it goes,
// without making the Index in memory.
type Builder struct {
	// Synonyms go into the index WriteJSON writes.
	Synonyms Synonyms

	mu       sync.Mutex
	slots    int                  // the documents added
	postings map[string]*postings // by term
}

// postings are the documents of a term in the order added: for each, the
// difference between its slot and the one before's, as a varint, then
// its score, a byte. A site of 10,000 barriers in two languages has some
// 17 million postings (13 million of them Korean letter pairs): packed,
// about 32 MB of the build's live peak, where pairs of int32 would take
// 136 MB.
type postings struct {
	last int // the slot of the last
	data []byte
}

// NewBuilder returns an empty Builder.
func NewBuilder() *Builder { return &Builder{postings: make(map[string]*postings)} }

// Add scores d's terms and returns its slot, which WriteJSON's caller uses
// to say where d goes among the documents. Nothing of d's strings is kept
// (a new term is copied): the caller passes what results show to
// WriteJSON, and may reuse the memory of d.Text once Add returns.
func (b *Builder) Add(d Doc) int {
	sc := scorers.Get().(*scorer)
	defer scorers.Put(sc)
	scores := sc.score(d)
	b.mu.Lock()
	defer b.mu.Unlock()
	slot := b.slots
	b.slots++
	for _, ts := range scores {
		p := b.postings[ts.term]
		if p == nil {
			p = new(postings)
			b.postings[strings.Clone(ts.term)] = p // it may be part of d.Text
		}
		p.data = binary.AppendUvarint(p.data, uint64(slot-p.last))
		p.data = append(p.data, byte(ts.score))
		p.last = slot
	}
	return slot
}

// WriteJSON writes the index of len(slots) documents, where document i
// is the one added with slot slots[i] and doc(i) is what its result shows;
// documents added but not named in slots are left out. The bytes are those
// of Index.JSON for the same documents in that order. The results are
// asked for one at a time, as they are written: the texts of a large
// site's parts are hundreds of megabytes, never all in memory.
func (b *Builder) WriteJSON(w io.Writer, slots []int, doc func(i int) (Result, error)) error {
	place := make([]int, b.slots)
	for i := range place {
		place[i] = -1
	}
	for i, s := range slots {
		if s < 0 || s >= b.slots || place[s] >= 0 {
			return fmt.Errorf("search: slot %d named twice or never added", s)
		}
		place[s] = i
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.WriteString(`{"docs":`)
	if len(slots) == 0 {
		bw.WriteString("null") // as a nil slice is written
	}
	for i := range slots {
		d, err := doc(i)
		if err != nil {
			return err
		}
		b, err := json.Marshal(d)
		if err != nil {
			return err
		}
		if i == 0 {
			bw.WriteByte('[')
		} else {
			bw.WriteByte(',')
		}
		bw.Write(b)
	}
	if len(slots) > 0 {
		bw.WriteByte(']')
	}
	bw.WriteString(`,"terms":{`)
	if err := b.writeTerms(bw, place); err != nil {
		return err
	}
	end, err := json.Marshal(endings)
	if err != nil {
		return err
	}
	bw.WriteString(`},"end":`)
	bw.Write(end)
	if len(b.Synonyms) > 0 {
		syn, err := json.Marshal(b.Synonyms)
		if err != nil {
			return err
		}
		bw.WriteString(`,"syn":`)
		bw.Write(syn)
	}
	bw.WriteString("}")
	return bw.Flush()
}

// writeTerms writes the postings of every term as "term":[place,score,...],
// each place less the one before (see Index.Terms), keeping the documents
// written (place[slot] >= 0), in the order encoding/json writes map keys.
func (b *Builder) writeTerms(bw *bufio.Writer, place []int) error {
	first := true
	// A posting kept is its document's place, shifted left a byte, and
	// its score (at most maxScore): sorted as one number, a third faster
	// than pairs compared by place.
	var kept []uint64
	var buf []byte
	for _, t := range slices.Sorted(maps.Keys(b.postings)) {
		kept = kept[:0]
		slot, data := 0, b.postings[t].data
		for len(data) > 0 {
			delta, n := binary.Uvarint(data)
			slot += int(delta)
			if pl := place[slot]; pl >= 0 {
				kept = append(kept, uint64(pl)<<8|uint64(data[n]))
			}
			data = data[n+1:]
		}
		if len(kept) == 0 {
			continue
		}
		slices.Sort(kept)
		key, err := json.Marshal(t)
		if err != nil {
			return err
		}
		if !first {
			bw.WriteByte(',')
		}
		first = false
		buf = append(append(buf[:0], key...), ":["...)
		last := uint64(0)
		for i, p := range kept {
			if i > 0 {
				buf = append(buf, ',')
			}
			buf = strconv.AppendUint(buf, p>>8-last, 10)
			buf = append(buf, ',')
			buf = strconv.AppendUint(buf, p&0xff, 10)
			last = p >> 8
		}
		bw.Write(append(buf, ']'))
	}
	return nil
}
