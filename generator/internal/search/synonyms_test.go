package search

import (
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"explainer/generator/internal/diag"
)

func TestParseSynonyms(t *testing.T) {
	src := "# readers' words\n- [쇠고기, 소고기를]\n- [GMO, LMO, 유전자 변형]\n-   - Defence\n    - defense\n"
	got, err := ParseSynonyms("content/synonyms.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := Synonyms{{"쇠고기", "소고기"}, {"gmo", "lmo", "유전자변형"}, {"defence", "defense"}}
	if len(got) != len(want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	for i := range want {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("group %d = %q, want %q", i, got[i], want[i])
		}
	}
}

// Every mistake is reported at its line and column, all at once.
func TestSynonymsErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"synonyms: [a, b]\n", "content/synonyms.yaml:1:9: the synonyms file must be a list of groups of words"},
		{"- [쇠고기, 소고기\n", "content/synonyms.yaml:1:3: invalid YAML"},
		{"- 쇠고기\n- [OTT]\n- [ab cd, bc de]\n", strings.Join([]string{
			"content/synonyms.yaml:1:3: each group of synonyms must be a list of words in brackets, like [쇠고기, 소고기], not text",
			"content/synonyms.yaml:2:3: a group of synonyms needs at least two words that readers use for the same thing",
			`content/synonyms.yaml:3:4: "ab cd" is more than one word; search matches a synonym as one word`,
			`content/synonyms.yaml:3:11: "bc de" is more than one word`,
		}, "\n")},
		{"- [쇠고기, 소고기]\n- [beef, 쇠고기를]\n", `content/synonyms.yaml:2:10: "쇠고기를" is already in the group on line 1; a word can be in one group only`},
		{"- [ok, '!!']\n- [xy, {a: b}]\n- [yes, ~]\n- [x, ab]\n", strings.Join([]string{
			`content/synonyms.yaml:1:8: "!!" has no letters or digits to search for`,
			"content/synonyms.yaml:2:8: a synonym must be a word, not a mapping",
			"content/synonyms.yaml:3:9: a synonym must be a word, not empty",
			`content/synonyms.yaml:4:4: "x" is too short to search for`,
		}, "\n")},
		{"\xff\xfe", "content/synonyms.yaml:1:1: file is not valid UTF-8 text"},
	} {
		_, err := ParseSynonyms("content/synonyms.yaml", []byte(tc.src))
		if err == nil {
			t.Errorf("%q: no error, want %s", tc.src, tc.want)
			continue
		}
		got := diag.AsList(err)
		wants := strings.Split(tc.want, "\n")
		if len(got) != len(wants) {
			t.Errorf("%q: got %d errors, want %d:\n%v", tc.src, len(got), len(wants), err)
			continue
		}
		for i, w := range wants {
			if !strings.HasPrefix(got[i].Error(), w) {
				t.Errorf("%q: error %d is\n  %s\nwant it to start with\n  %s", tc.src, i, got[i], w)
			}
		}
	}
}

func TestLoadSynonyms(t *testing.T) {
	syn, err := LoadSynonyms(fstest.MapFS{}, "content")
	if err != nil || syn != nil {
		t.Errorf("no file: got %v, %v; want none and no error", syn, err)
	}
	_, err = LoadSynonyms(fstest.MapFS{SynonymsFile: {Data: []byte("- [a]\n")}}, "content")
	if err == nil || !strings.HasPrefix(err.Error(), "content/synonyms.yaml:1:3: ") {
		t.Errorf("got %v, want an error at content/synonyms.yaml:1:3", err)
	}
	// The site's own file is valid.
	if _, err := LoadSynonyms(os.DirFS("../../../content"), "content"); err != nil {
		t.Errorf("content/synonyms.yaml: %v", err)
	}
}
