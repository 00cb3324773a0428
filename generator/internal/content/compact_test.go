package content

import (
	"os"
	"reflect"
	"testing"

	"explainer/generator/internal/diag"
	"explainer/generator/internal/strblock"
)

// Every string of a document's front matter, as loaded, lies in one block
// of its own that holds nothing else: none still points into the text of
// the front matter. strblock.Check finds the strings by reflection, so a
// field added to Meta and left out of eachString fails here.
func TestMetaIsCompact(t *testing.T) {
	set, err := LoadMeta(os.DirFS("../../../content"), "content")
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Docs) < 20 {
		t.Fatalf("%d documents in the real content", len(set.Docs))
	}
	for _, d := range set.Docs {
		if d.Meta.Title == "" || d.Meta.Summary == "" {
			t.Fatalf("%s: no title or summary", d.Name)
		}
		if err := strblock.Check(reflect.TypeFor[diag.Pos](), d.Meta); err != nil {
			t.Errorf("%s: %v", d.Name, err)
		}
	}
}
