// Package strblock copies the strings a large build keeps to its end into
// one allocation per document. Made one by one, or pointing into the text
// they were read from, they are many small objects for the collector to
// mark on every cycle, or they keep that whole text alive; packages
// content and site compact what each document keeps with Compact.
package strblock

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"unsafe"
)

// Compact copies the strings each reaches into one allocation of their
// own and points them there. each calls its argument with a pointer to
// every string to keep, in the same order on every call.
func Compact(each func(f func(*string))) {
	n := 0
	each(func(s *string) { n += len(*s) })
	var b strings.Builder
	b.Grow(n)
	each(func(s *string) { b.WriteString(*s) })
	all := b.String()
	each(func(s *string) {
		*s, all = all[:len(*s)], all[len(*s):]
	})
}

// Check reports a string found in vs (by reflection, through structs and
// slices, but not into values of type skip) that does not lie in one block
// with the others: what a test of a Compact caller uses to find a string
// field its each leaves out.
func Check(skip reflect.Type, vs ...any) error {
	var strs []string
	for _, v := range vs {
		collect(reflect.ValueOf(v), skip, &strs)
	}
	strs = slices.DeleteFunc(strs, func(s string) bool { return s == "" })
	start := func(s string) uintptr { return uintptr(unsafe.Pointer(unsafe.StringData(s))) }
	slices.SortFunc(strs, func(a, b string) int {
		switch {
		case start(a) < start(b):
			return -1
		case start(a) > start(b):
			return 1
		}
		return 0
	})
	for i := 1; i < len(strs); i++ {
		if start(strs[i]) != start(strs[i-1])+uintptr(len(strs[i-1])) {
			return fmt.Errorf("%q is not right after %q: not in one block", strs[i], strs[i-1])
		}
	}
	return nil
}

func collect(v reflect.Value, skip reflect.Type, out *[]string) {
	if v.Type() == skip {
		return
	}
	switch v.Kind() {
	case reflect.String:
		*out = append(*out, v.String())
	case reflect.Struct:
		for i := range v.NumField() {
			collect(v.Field(i), skip, out)
		}
	case reflect.Slice:
		for i := range v.Len() {
			collect(v.Index(i), skip, out)
		}
	}
}
