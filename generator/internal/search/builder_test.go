package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"
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
		docs = append(docs, Doc{
			URL: fmt.Sprintf("/en/barriers/%d/", i), Title: text(3), Summary: text(8),
			Section: text(1), Extra: text(2), Text: text(200),
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
	kept := docs[10:]
	want, err := Build(kept).JSON()
	if err != nil {
		t.Fatal(err)
	}
	var results []Result
	for _, d := range kept {
		results = append(results, Result{URL: d.URL, Title: d.Title, Summary: d.Summary, Section: d.Section})
	}
	var got bytes.Buffer
	if err := b.WriteJSON(&got, results, slot[10:]); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("Builder and Index differ:\n got %.300s\nwant %.300s", got.Bytes(), want)
	}
	if bytes.Contains(got.Bytes(), []byte("zzzonly")) {
		t.Error("a document not placed left its terms in the index")
	}

	var empty bytes.Buffer
	if err := NewBuilder().WriteJSON(&empty, nil, nil); err != nil {
		t.Fatal(err)
	}
	if want, _ := Build(nil).JSON(); !bytes.Equal(empty.Bytes(), want) {
		t.Errorf("empty: got %s, want %s", empty.Bytes(), want)
	}
	if err := b.WriteJSON(&empty, results[:2], []int{slot[10], slot[10]}); err == nil {
		t.Error("a slot named twice was accepted")
	}
}

// jsonString writes what encoding/json writes, fast for terms and through
// encoding/json for anything else.
func TestJSONString(t *testing.T) {
	for _, s := range []string{"cloud", "2025", "클라", "美日", "a<b", "a&b", "\u2028", "x\"y", "a\\b", "\x01", "\xff", "Upper", "é", ""} {
		got, err := jsonString(s)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := json.Marshal(s)
		if !bytes.Equal(got, want) {
			t.Errorf("jsonString(%q) = %s, want %s", s, got, want)
		}
	}
}
