package content

import (
	"flag"
	"fmt"
	"maps"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"explainer/generator/internal/diag"
)

var update = flag.Bool("update", false, "rewrite testdata/frontmatter.golden")

// corpusFrontMatter is front matter as the benchmark corpus writes it
// (go run ./bench corpus).
var corpusFrontMatter = map[string]string{
	"barrier.en": `title: "Synthetic barrier 1"
summary: "Export favors agency pharmaceutical process because amendment their beef these allows transfer within firms."
sector: agriculture
law: "Market supports practice."
first_listed: 2021
updated: 2025-04-01
weight: 1
related: [b-00030, b-00029, b-00045]
sources:
  - title: "2025 National Trade Estimate Report on Foreign Trade Barriers"
    url: https://ustr.gov/
    publisher: Office of the US Trade Representative
    date: 2025-03-31
`,
	"barrier.ko": `title: "합성 무역장벽 1"
summary: "수입 모두 기관 보안 심사 한국의 고시 시장에서 데이터 규정에 또한 자동차 개정 평가했다."
sector: agriculture
law: "시장 각각 밝혔다."
first_listed: 2021
updated: 2025-04-01
weight: 1
related: [b-00030, b-00029, b-00045]
sources:
  - title: "2025 National Trade Estimate Report on Foreign Trade Barriers"
    url: https://ustr.gov/
    publisher: Office of the US Trade Representative
    date: 2025-03-31
`,
	"summary.en": `title: "These raises period exporters testing practice."
summary: "Review on treatment offset comment covers its transparency approval after pricing practice."
numbers:
  - {value: "21", label: "practices"}
  - {value: "7", label: "pages"}
`,
}

// casePath is the file every case is decoded as: a barrier in the
// default language, the kind with the most keys.
const casePath = "content/barriers/x.en.md"

// decodeCase decodes text as the front matter of casePath and prints what
// it gives: the text, every field of Meta that is set, and every problem.
func decodeCase(text string) string {
	var errs diag.List
	d := &yamlDoc{path: casePath, line: 1, errs: &errs}
	start := diag.Pos{Path: casePath, Line: 1, Col: 1}
	m := decodeMeta(d, d.parse([]byte(text)), Barrier, false, start)
	var b strings.Builder
	fmt.Fprintf(&b, "== %q\n", text)
	v := reflect.ValueOf(m)
	for i := range v.NumField() {
		f := v.Field(i)
		// The positions of the keys (unexported) are tested through KeyPos.
		if sf := v.Type().Field(i); sf.Name != "Start" && sf.IsExported() && !f.IsZero() {
			name := sf.Name
			b.WriteString(graphic(fmt.Sprintf("%s: %+v", name, f.Interface())))
		}
	}
	for _, e := range errs.All() {
		b.WriteString(graphic(e.Error()))
	}
	return b.String()
}

// graphic returns line and a line end, the line quoted if it holds a
// character that does not show (a line end, a tab, U+FEFF, U+FFFD), so
// that the golden file is plain text and every difference is seen.
func graphic(line string) string {
	if strings.ContainsFunc(line, func(r rune) bool { return !unicode.IsGraphic(r) || r == utf8.RuneError }) {
		line = strconv.QuoteToGraphic(line)
	}
	return line + "\n"
}

// TestFrontMatterCases holds the decoding of every case in
// frontmatter_cases_test.go and of the corpus's front matter to
// testdata/frontmatter.golden: the values decoded, and every problem's
// message and position. After a deliberate change, rewrite the file and
// review the diff: go test ./generator/internal/content -run
// FrontMatterCases -args -update.
func TestFrontMatterCases(t *testing.T) {
	var got strings.Builder
	for _, text := range frontMatterCases {
		got.WriteString(decodeCase(text))
	}
	for _, name := range slices.Sorted(maps.Keys(corpusFrontMatter)) {
		got.WriteString(decodeCase(corpusFrontMatter[name]))
	}
	const golden = "testdata/frontmatter.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(got.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	gotCases, wantCases := splitCases(got.String()), splitCases(string(want))
	for i := range max(len(gotCases), len(wantCases)) {
		g, w := "(none)\n", "(none)\n"
		if i < len(gotCases) {
			g = gotCases[i]
		}
		if i < len(wantCases) {
			w = wantCases[i]
		}
		if g != w {
			t.Errorf("case %d decodes to\n%swant\n%s", i, g, w)
		}
	}
}

// splitCases cuts the text of decodeCase's results into one per case.
func splitCases(s string) []string {
	var out []string
	for line := range strings.Lines(s) {
		if strings.HasPrefix(line, "== ") || out == nil {
			out = append(out, "")
		}
		out[len(out)-1] += line
	}
	return out
}

func BenchmarkFrontMatter(b *testing.B) {
	text := []byte(corpusFrontMatter["barrier.en"])
	b.ReportAllocs()
	for b.Loop() {
		var errs diag.List
		d := &yamlDoc{path: "content/barriers/b-00001.en.md", line: 1, errs: &errs}
		decodeMeta(d, d.parse(text), Barrier, false, diag.Pos{Path: d.path, Line: 1, Col: 1})
		if errs.Len() > 0 {
			b.Fatal(errs.Err())
		}
	}
}
