package site

import (
	"os"
	"reflect"
	"slices"
	"testing"
	"unsafe"

	"explainer/generator/internal/content"
	"explainer/generator/internal/diag"
	"explainer/generator/internal/markdown"
)

// Every string an entry keeps of its body lies in one block of its own,
// for every page of the real site. The strings are found by reflection,
// so a field added to Heading or markdown.Link, or to what an entry keeps,
// and left out of eachString fails here.
func TestEntryStringsCompact(t *testing.T) {
	set, err := content.LoadMeta(os.DirFS("../../../content"), "content")
	if err != nil {
		t.Fatal(err)
	}
	s, err := Build(set, markdown.New(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	links := 0
	for _, e := range s.byName {
		var strs []string
		for _, v := range []any{e.Headings, e.IDs, e.Links} {
			collectStrings(reflect.ValueOf(v), &strs)
		}
		links += len(e.Links)
		strs = slices.DeleteFunc(strs, func(s string) bool { return s == "" })
		slices.SortFunc(strs, func(a, b string) int {
			return int(uintptr(unsafe.Pointer(unsafe.StringData(a))) - uintptr(unsafe.Pointer(unsafe.StringData(b))))
		})
		for i := 1; i < len(strs); i++ {
			end := uintptr(unsafe.Pointer(unsafe.StringData(strs[i-1]))) + uintptr(len(strs[i-1]))
			if start := uintptr(unsafe.Pointer(unsafe.StringData(strs[i]))); start != end {
				t.Errorf("%s: %q is not right after %q: not in one block", e.Name, strs[i], strs[i-1])
				break
			}
		}
	}
	if links < 20 {
		t.Errorf("only %d links in the real site", links)
	}
}

// collectStrings appends the strings in v, but for those of positions.
func collectStrings(v reflect.Value, out *[]string) {
	switch v.Kind() {
	case reflect.String:
		*out = append(*out, v.String())
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[diag.Pos]() {
			return
		}
		for i := range v.NumField() {
			collectStrings(v.Field(i), out)
		}
	case reflect.Slice:
		for i := range v.Len() {
			collectStrings(v.Index(i), out)
		}
	}
}
