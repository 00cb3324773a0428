package content

import (
	"testing"

	"explainer/generator/internal/diag"
)

// TestKeyPos: Meta.KeyPos gives where each key set is, and marks a key
// whose value could not be decoded (its problem is already reported).
func TestKeyPos(t *testing.T) {
	var errs diag.List
	d := &yamlDoc{path: casePath, line: 1, errs: &errs}
	text := "title: T\nsummary: S\nsector: agriculture\nweight: heavy\nsources:\n  - title: R\n"
	m := decodeMeta(d, d.parse([]byte(text)), Barrier, false, diag.Pos{Path: casePath, Line: 1, Col: 1})
	if pos, ok, bad := m.KeyPos("sector"); !ok || bad || pos != (diag.Pos{Path: casePath, Line: 4, Col: 1}) {
		t.Errorf("KeyPos(sector) = %v, %v, %v; want line 4, column 1, good", pos, ok, bad)
	}
	if _, ok, bad := m.KeyPos("weight"); !ok || !bad {
		t.Errorf("KeyPos(weight) = %v, %v; want a key with a bad value", ok, bad)
	}
	if _, ok, _ := m.KeyPos("related"); ok {
		t.Error("KeyPos(related) found a key that is not set")
	}
}
