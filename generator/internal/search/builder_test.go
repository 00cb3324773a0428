package search

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
	"unsafe"
)

// The Builder, fed from several goroutines in any order, writes the same
// bytes as the Index of the same documents; documents it was given but not
// asked to place are left out of both the list and the terms.
func TestBuilderWritesWhatIndexWrites(t *testing.T) {
	words := []string{"cloud", "security", "certification", "클라우드를", "보안인증", "국가핵심기술", "beef", "<tag>", "a&b", "2025년"}
	rng := rand.New(rand.NewPCG(1, 2))
	text := func(n int) string {
		var b bytes.Buffer
		for range n {
			b.WriteString(words[rng.IntN(len(words))] + " ")
		}
		return b.String()
	}
	var docs []Doc
	for i := range 300 {
		// The words above are in nearly every document, a half's word
		// in every other one, a group's word in 12: WriteJSON puts
		// postings in order in two ways, for terms in many documents and
		// in few.
		docs = append(docs, Doc{
			URL: fmt.Sprintf("/en/barriers/%d/", i), Title: text(3), Summary: text(8),
			Section: text(1), Extra: text(2) + fmt.Sprintf("group%d half%d", i%25, i%2), Text: text(200),
		})
	}
	b := NewBuilder()
	slot := make([]int, len(docs))
	order := rng.Perm(len(docs))
	var wg sync.WaitGroup
	var next sync.Mutex
	k := 0
	for range 4 {
		wg.Go(func() {
			for {
				next.Lock()
				if k == len(order) {
					next.Unlock()
					return
				}
				i := order[k]
				k++
				next.Unlock()
				slot[i] = b.Add(docs[i])
			}
		})
	}
	wg.Wait()
	b.Add(Doc{Title: "left out entirely", Text: "zzzonly"})

	// Keep every document but the first ten, in their order.
	got, want := sameAsIndex(t, b, docs[10:], slot[10:])
	if !bytes.Equal(got, want) {
		t.Errorf("Builder and Index differ:\n got %.300s\nwant %.300s", got, want)
	}
	if bytes.Contains(got, []byte("zzzonly")) {
		t.Error("a document not placed left its terms in the index")
	}

	var empty bytes.Buffer
	if err := NewBuilder().WriteJSON(&empty, nil, resultsOf(nil)); err != nil {
		t.Fatal(err)
	}
	if want, _ := Build(nil).JSON(); !bytes.Equal(empty.Bytes(), want) {
		t.Errorf("empty: got %s, want %s", empty.Bytes(), want)
	}
	twice := []Result{{URL: docs[10].URL}, {URL: docs[11].URL}}
	if err := b.WriteJSON(&empty, []int{slot[10], slot[10]}, resultsOf(twice)); err == nil {
		t.Error("a slot named twice was accepted")
	}
}

// resultsOf is Builder.WriteJSON's doc for results already made.
func resultsOf(rs []Result) func(int) (Result, error) {
	return func(i int) (Result, error) { return rs[i], nil }
}

// sameAsIndex writes b's index of docs, whose slots in b are slots, and
// the Index of docs in the same order; the two must be the same bytes.
func sameAsIndex(t *testing.T, b *Builder, docs []Doc, slots []int) (got, want []byte) {
	t.Helper()
	want, err := Build(docs).JSON()
	if err != nil {
		t.Fatal(err)
	}
	var results []Result
	for _, d := range docs {
		results = append(results, ResultOf(d))
	}
	var buf bytes.Buffer
	if err := b.WriteJSON(&buf, slots, resultsOf(results)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), want
}

// Documents placed in another order than they were added, with terms in
// common, come out with each term once and its postings in the order of
// the places, each place written less the one before.
func TestBuilderPlacesInAnyOrder(t *testing.T) {
	docs := []Doc{
		{URL: "/a/", Title: "cloud security", Text: "클라우드 보안인증 cloud"},
		{URL: "/b/", Title: "beef", Text: "쇠고기 cloud 보안"},
		{URL: "/c/", Title: "offset", Text: "절충교역 cloud offset 보안인증"},
		{URL: "/d/", Title: "cloud", Text: "beef 클라우드"},
	}
	b := NewBuilder()
	var slots []int
	for _, d := range docs {
		slots = append(slots, b.Add(d))
	}
	slices.Reverse(docs)
	slices.Reverse(slots)
	got, want := sameAsIndex(t, b, docs, slots)
	if !bytes.Equal(got, want) {
		t.Errorf("Builder and Index differ:\n got %s\nwant %s", got, want)
	}
	// Places 0, 1, 2 and 3.
	if !bytes.Contains(got, []byte(`"cloud":[0,16,1,1,1,1,1,17]`)) {
		t.Errorf("cloud's postings are not by place, with the scores of title and body:\n%s", got)
	}
}

// Add keeps nothing of a document's text, which may be in a buffer that
// the next body overwrites: the bodies of a large site are tens of
// megabytes, and the index keeps only its terms.
func TestBuilderKeepsNoText(t *testing.T) {
	texts := []string{"클라우드 보안인증 cloud security", "보안 심사 cloud beef", "쇠고기 수입 beef imports", "클라우드 offset"}
	b := NewBuilder()
	var docs []Doc
	var slots []int
	buf := make([]byte, 0, 64)
	for i, text := range texts {
		buf = append(buf[:0], text...)
		d := Doc{URL: fmt.Sprint(i), Text: unsafe.String(unsafe.SliceData(buf), len(buf))}
		slots = append(slots, b.Add(d))
		for j := range buf {
			buf[j] = 'x' // what the next body would leave there
		}
		docs = append(docs, Doc{URL: d.URL, Text: text})
	}
	if got, want := sameAsIndex(t, b, docs, slots); !bytes.Equal(got, want) {
		t.Errorf("terms changed with the buffer they were read from:\n got %s\nwant %s", got, want)
	}
}

// BenchmarkBuilderAdd adds pages as a large site's are: each of a few
// hundred words drawn from a shared vocabulary of Korean and English, so
// that most of a page's terms were seen on pages before it.
func BenchmarkBuilderAdd(b *testing.B) {
	ko := strings.Fields("배출가스 기술 정부가 여전히 위원회 각각 개정 기관 통해 한국의 수출업체 자동차 밝혔다 그러나 다시 인증 정책 " +
		"수입 모두 보안 심사 고시 시장에서 무역장벽 보고서 미국 무역대표부 절차 규제 승인 클라우드 국방 절충교역 쇠고기 농산물 약가")
	en := strings.Fields("the report says korea approval of new genetically engineered crops is slowed by duplicate reviews and heavy data " +
		"demands cloud security certification beef imports offset program pharmaceutical pricing agency rules market access")
	rng := rand.New(rand.NewPCG(5, 6))
	page := func(words []string, n int) string {
		var t strings.Builder
		for range n {
			w := words[rng.IntN(len(words))]
			if rng.IntN(4) == 0 {
				w += fmt.Sprint(rng.IntN(500)) // numbers make the vocabulary grow
			}
			t.WriteString(w)
			t.WriteByte(' ')
		}
		return t.String()
	}
	docs := make([]Doc, 256)
	var size int64
	for i := range docs {
		words := en
		if i%2 == 1 {
			words = ko
		}
		docs[i] = Doc{Title: page(words, 4), Summary: page(words, 15), Text: page(words, 600)}
		size += int64(len(docs[i].Text))
	}
	b.SetBytes(size / int64(len(docs)))
	bl := NewBuilder()
	i := 0
	for b.Loop() {
		bl.Add(docs[i%len(docs)])
		i++
	}
}
