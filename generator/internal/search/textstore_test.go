package search

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// Texts beyond the memory budget wait in a temporary file and come back
// as they were put: in the order kept, backwards, and one longer than a
// read of the file, put after others were read back.
func TestTextStoreSpills(t *testing.T) {
	var ts textStore
	var texts []string
	var where []stored
	put := func(s string) {
		t.Helper()
		at, err := ts.put(s)
		if err != nil {
			t.Fatal(err)
		}
		texts, where = append(texts, s), append(where, at)
	}
	check := func(i int) {
		t.Helper()
		got, err := ts.get(where[i])
		if err != nil || got != texts[i] {
			t.Fatalf("text %d came back as %.40q (%v)", i, got, err)
		}
	}
	for i := 0; i < 3*textBudget/1000; i++ {
		put(fmt.Sprintf("%d 클라우드 %s", i, strings.Repeat("x", 1000+i%7)))
	}
	if ts.file == nil {
		t.Fatal("three times the budget kept in memory")
	}
	for i := range texts {
		check(i)
	}
	for i := len(texts) - 1; i >= 0; i-- {
		check(i)
	}
	put(strings.Repeat("긴 글 ", spillChunk))
	put("last")
	check(len(texts) - 2)
	check(len(texts) - 1)
	check(0)
	ts.close()
	if ts.file != nil {
		t.Error("close left the file open")
	}
}

// A Builder writes the synonyms as the Index does.
func TestBuilderWritesSynonyms(t *testing.T) {
	docs := []Doc{{URL: "/a/", Title: "쇠고기"}, {URL: "/b/", Title: "defense"}}
	syn := Synonyms{{"쇠고기", "소고기"}, {"defence", "defense"}}
	b := NewBuilder()
	b.Synonyms = syn
	var results []Result
	var slots []int
	for _, d := range docs {
		slots = append(slots, b.Add(d))
		results = append(results, ResultOf(d))
	}
	var got bytes.Buffer
	if err := b.WriteJSON(&got, slots, resultsOf(results)); err != nil {
		t.Fatal(err)
	}
	ix := Build(docs)
	ix.Synonyms = syn
	want, _ := ix.JSON()
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("Builder and Index differ:\n got %s\nwant %s", got.Bytes(), want)
	}
	if !bytes.Contains(want, []byte(`"syn":[["쇠고기","소고기"],["defence","defense"]]`)) || !bytes.Contains(want, []byte(`"end":["으로서",`)) {
		t.Errorf("the index lacks its synonyms or endings: %s", want)
	}
}
