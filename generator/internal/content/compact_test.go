package content

import (
	"os"
	"reflect"
	"slices"
	"testing"
	"unsafe"

	"explainer/generator/internal/diag"
)

// Every string of a document's front matter, as loaded, lies in one block
// of its own that holds nothing else: none still points into the text of
// the front matter. The strings are found by reflection, so a field added
// to Meta and left out of eachString fails here.
func TestMetaIsCompact(t *testing.T) {
	set, err := LoadMeta(os.DirFS("../../../content"), "content")
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Docs) < 20 {
		t.Fatalf("%d documents in the real content", len(set.Docs))
	}
	for _, d := range set.Docs {
		var strs []string
		collectStrings(reflect.ValueOf(d.Meta), &strs)
		strs = slices.DeleteFunc(strs, func(s string) bool { return s == "" })
		if len(strs) < 2 {
			t.Fatalf("%s: only %d strings in its front matter", d.Name, len(strs))
		}
		slices.SortFunc(strs, func(a, b string) int {
			return int(uintptr(unsafe.Pointer(unsafe.StringData(a))) - uintptr(unsafe.Pointer(unsafe.StringData(b))))
		})
		for i := 1; i < len(strs); i++ {
			end := uintptr(unsafe.Pointer(unsafe.StringData(strs[i-1]))) + uintptr(len(strs[i-1]))
			if start := uintptr(unsafe.Pointer(unsafe.StringData(strs[i]))); start != end {
				t.Errorf("%s: %q is %d bytes from the end of %q: not in one block of the front matter's strings",
					d.Name, strs[i], int(start-end), strs[i-1])
				break
			}
		}
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
