package site

import (
	"reflect"
	"testing"

	"explainer/generator/internal/diag"
	"explainer/generator/internal/strblock"
)

// Every string an entry keeps of its body lies in one block of its own,
// for every page of the real site. strblock.Check finds the strings by
// reflection, so a field added to Heading or markdown.Link, or to what an
// entry keeps, and left out of eachString fails here.
func TestEntryStringsCompact(t *testing.T) {
	s := realSite(t)
	links := 0
	for _, e := range s.byName {
		links += len(e.Links)
		if err := strblock.Check(reflect.TypeFor[diag.Pos](), e.Headings, e.IDs, e.Links); err != nil {
			t.Errorf("%s: %v", e.Name, err)
		}
	}
	if links < 20 {
		t.Errorf("only %d links in the real site", links)
	}
}
