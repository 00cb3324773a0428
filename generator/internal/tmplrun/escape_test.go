package tmplrun

import (
	"html/template"
	"strings"
	"testing"
)

// escapeSrc puts a value in every context the escapers here cover, and in
// some they leave to html/template.
const escapeSrc = `<p>{{.}}</p>` +
	`<p title="{{.}}" data-x='{{.}}'>` +
	`<a href="{{.}}">a</a><a href="/s/{{.}}?q={{.}}#{{.}}">b</a>` +
	`<title>{{.}}</title><textarea>{{.}}</textarea>` +
	`<script type="application/ld+json">{{.}}</script>`

// escapeCases are values whose escaping differs in some context: markup,
// quotes, NUL, invalid UTF-8, URL schemes, escapes, delimiters, non-ASCII.
var escapeCases = []string{
	"", "plain", `<b>"x" & 'y' + z</b>`, "a\x00b", "\xff\xfe", "클라우드 보안인증(CSAP)",
	"javascript:alert(1)", "JavaScript:x", "HTTP://a/b", "mailto:a@b.c", "ftp://x", "/a:b", "a/b:c",
	"?a=b&c=d#e", "100%", "%41%zz%4", "a b\tc\n", "!#$&*+,/:;=?@[]", "-._~", "\u2028\u2029", "</script>",
}

func TestEscapersAgree(t *testing.T) {
	for _, s := range escapeCases {
		checkEscape(t, s)
	}
}

func FuzzEscapers(f *testing.F) {
	for _, s := range escapeCases {
		f.Add(s)
	}
	f.Fuzz(checkEscape)
}

// checkEscape holds the compiled escapers to html/template's for s as a
// string (which must not fall back), as html/template's typed strings
// (which may), and inside a struct written as JSON.
func checkEscape(t *testing.T, s string) {
	type doc struct {
		Text string `json:"text"`
	}
	for _, data := range []any{s, template.HTML(s), template.URL(s), template.JS(s), template.JSStr(s), template.HTMLAttr(s), doc{s}} {
		want, wantErr := standard(t, escapeSrc, data)
		set := New(template.Must(template.New("x").Parse(escapeSrc)))
		for range 2 {
			var b strings.Builder
			err := set.Execute(&b, "x", data)
			if (err == nil) != (wantErr == nil) {
				t.Fatalf("%T %q: error %v, want %v", data, s, err, wantErr)
			}
			if b.String() != want {
				t.Fatalf("%T %q:\n got %q\nwant %q", data, s, b.String(), want)
			}
		}
		if _, ok := data.(string); ok && set.Fallbacks() > 0 {
			t.Errorf("%q: a string fell back to html/template", s)
		}
	}
}
