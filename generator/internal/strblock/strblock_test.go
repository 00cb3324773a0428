package strblock

import (
	"reflect"
	"strings"
	"testing"
)

type doc struct {
	Title string
	Tags  []string
	Where struct{ Path string }
}

func (d *doc) each(f func(*string)) {
	f(&d.Title)
	for i := range d.Tags {
		f(&d.Tags[i])
	}
}

// Compact keeps every string's value and puts them in one block; Check
// tells a compacted value from one with a string left out, and skips the
// type it is told to.
func TestCompactAndCheck(t *testing.T) {
	text := strings.Repeat("x", 100) + "title tag1 tag2"
	d := &doc{Title: text[100:105], Tags: []string{text[106:110], text[111:115]}}
	d.Where.Path = strings.Clone("path")
	pathType := reflect.TypeOf(d.Where)
	// Substrings of one text, with gaps between them: not one block.
	if err := Check(pathType, d.Title, d.Tags); err == nil {
		t.Error("Check passed strings with gaps between them")
	}
	Compact(d.each)
	if d.Title != "title" || d.Tags[0] != "tag1" || d.Tags[1] != "tag2" {
		t.Fatalf("Compact changed the values: %+v", d)
	}
	if err := Check(pathType, *d); err != nil {
		t.Errorf("after Compact: %v", err)
	}
	if err := Check(nil, *d); err == nil {
		t.Error("Check passed a string Compact left out (the path)")
	}
}
