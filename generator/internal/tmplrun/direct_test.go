package tmplrun

import (
	"reflect"
	"sync/atomic"
	"testing"
)

// With page's methods registered as Directs, every case must still agree
// with html/template, and the Directs must be what ran.
func TestDirectAgrees(t *testing.T) {
	ds := []Direct{
		Method1Err((*page).T),
		Method1((*page).URL),
		Method1((*page).Typed),
		Method((*page).HTML),
		Method((*page).Item),
		Method((*page).Article),
		Method2Err((*page).Pair),
		Variadic1Err((*page).Joined),
	}
	calls := make([]atomic.Int64, len(ds))
	for i := range ds {
		inner := ds[i].call
		ds[i].call = func(r reflect.Value, args directArgs) (reflect.Value, error) {
			calls[i].Add(1)
			return inner(r, args)
		}
	}
	Register(ds...)
	t.Cleanup(func() {
		for _, d := range ds {
			directs.Delete(directKey{d.recv, d.name})
		}
	})
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkAgrees(t, c) })
	}
	for i, d := range ds {
		if calls[i].Load() == 0 {
			t.Errorf("%s was never called directly", d.name)
		}
	}
}

func TestDirectOnlyForMethods(t *testing.T) {
	for name, f := range map[string]func(){
		"closure":           func() { Method1(func(p *page, s string) string { return p.URL(s) }) },
		"function":          func() { Method1(standardURL) },
		"method of a value": func() { Method(item.Upper); Method((*page).Item); Method((*item).Ptr) },
	} {
		func() {
			defer func() {
				if r := recover(); (r != nil) != (name != "method of a value") {
					t.Errorf("%s: panic %v", name, r)
				}
			}()
			f()
		}()
	}
	if d := Method1((*page).URL); d.name != "URL" || d.recv != reflect.TypeFor[*page]() || d.nargs != 1 {
		t.Errorf("Method1((*page).URL) = %s of %v with %d arguments", d.name, d.recv, d.nargs)
	}
}

func standardURL(p *page, s string) string { return s }
