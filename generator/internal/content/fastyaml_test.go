package content

import (
	"fmt"
	"io/fs"
	"maps"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"explainer/generator/internal/diag"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// These tests hold parseFast to its promise: whatever it accepts, it reads
// as goccy does. Each text is compared twice: as trees (every node's type,
// token value, line and column, which is all the decoders look at) and as
// decoded front matter (Meta and every problem, for each kind of document).

// dumpYAML prints what the decoders can observe of a tree, one node a line.
func dumpYAML(b *strings.Builder, n ast.Node, indent string) {
	if n == nil {
		fmt.Fprintf(b, "%s<nil>\n", indent)
		return
	}
	fmt.Fprintf(b, "%s%T", indent, n)
	if tk := n.GetToken(); tk != nil {
		fmt.Fprintf(b, " %q@%d:%d", tk.Value, tk.Position.Line, tk.Position.Column)
	}
	switch n := n.(type) {
	case *ast.StringNode:
		fmt.Fprintf(b, " %q\n", n.Value)
	case *ast.LiteralNode:
		fmt.Fprintf(b, " %q\n", n.Value.Value)
	case *ast.BoolNode:
		fmt.Fprintf(b, " %v\n", n.Value)
	case *ast.IntegerNode:
		fmt.Fprintf(b, " %#v\n", n.Value)
	case *ast.FloatNode:
		fmt.Fprintf(b, " %v\n", n.Value)
	case *ast.MappingNode:
		fmt.Fprintf(b, " flow=%v\n", n.IsFlowStyle)
		for _, mv := range n.Values {
			dumpYAML(b, mv, indent+"  ")
		}
	case *ast.MappingValueNode:
		b.WriteString("\n")
		dumpYAML(b, n.Key, indent+"  key ")
		dumpYAML(b, n.Value, indent+"  value ")
	case *ast.SequenceNode:
		fmt.Fprintf(b, " flow=%v\n", n.IsFlowStyle)
		for _, v := range n.Values {
			dumpYAML(b, v, indent+"  - ")
		}
	default:
		b.WriteString("\n")
	}
}

func dumpTree(n ast.Node) string {
	var b strings.Builder
	dumpYAML(&b, n, "")
	return b.String()
}

// goccyTree is the tree goccy builds for src, or why it builds none that
// parseFast could have matched.
func goccyTree(src []byte) string {
	f, err := parser.ParseBytes(src, 0)
	switch {
	case err != nil:
		return "error: " + err.Error()
	case len(f.Docs) != 1:
		return fmt.Sprintf("%d documents", len(f.Docs))
	}
	return dumpTree(f.Docs[0].Body)
}

// decoded is what decoding a front matter gives: its Meta and problems.
type decoded struct {
	Meta     Meta
	Problems []string
}

// decode decodes text as the front matter of a document of kind k, with or
// without parseFast.
func decode(text []byte, k Kind, translation, goccyOnly bool) decoded {
	var errs diag.List
	d := &yamlDoc{path: "content/x.en.md", line: 1, errs: &errs, goccyOnly: goccyOnly}
	start := diag.Pos{Path: d.path, Line: 1, Col: 1}
	m := decodeMeta(d, d.parse(text), k, translation, start)
	var out decoded
	out.Meta = m
	for _, e := range errs.All() {
		out.Problems = append(out.Problems, e.Error())
	}
	return out
}

// checkAgrees fails t if parseFast accepts text but reads it otherwise
// than goccy. It reports whether parseFast accepted it.
func checkAgrees(t *testing.T, name string, text []byte) bool {
	t.Helper()
	fast, ok := parseFast(text)
	if ok {
		if got, want := dumpTree(fast), goccyTree(text); got != want {
			t.Errorf("%s: parseFast builds\n%s\ngoccy builds\n%s\ntext:\n%s", name, got, want, text)
			return ok
		}
	}
	for _, k := range []Kind{Summary, Barrier, Page} {
		for _, tr := range []bool{false, true} {
			got, want := decode(text, k, tr, false), decode(text, k, tr, true)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s as a %s (translation %v): with parseFast\n%+v\nwith goccy only\n%+v\ntext:\n%s", name, k, tr, got, want, text)
			}
		}
	}
	return ok
}

// realFrontMatter returns the front matter of every document in the
// repository's content folder, by file name.
func realFrontMatter(t testing.TB) map[string][]byte {
	t.Helper()
	fsys := os.DirFS("../../../content")
	out := make(map[string][]byte)
	err := fs.WalkDir(fsys, ".", func(name string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(name, ".md") || name == "README.md" {
			return err
		}
		raw, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		text, _, has, closed := splitFrontMatter(normalize(raw))
		if !has || !closed {
			t.Fatalf("%s: no front matter", name)
		}
		out[name] = text
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) < 20 {
		t.Fatalf("found only %d documents in ../../../content", len(out))
	}
	return out
}

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
	"page.en": `title: "about en"
summary: "Screening standard pharmaceutical security technology while notice transfer because review."
weight: 10
`,
}

func TestFastYAMLAgreesOnRealContent(t *testing.T) {
	for name, text := range realFrontMatter(t) {
		checkAgrees(t, name, text)
	}
	for name, text := range corpusFrontMatter {
		checkAgrees(t, name, []byte(text))
	}
	// The other YAML files go through the same parse; without their
	// comments, parseFast reads them too.
	for _, name := range []string{"../../../content/site.yaml", "../../../templates/strings.yaml"} {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		checkAgrees(t, name, src)
		var kept []string
		for line := range strings.Lines(string(src)) {
			if !strings.HasPrefix(line, "#") {
				kept = append(kept, line)
			}
		}
		if !checkAgrees(t, name+" without comments", []byte(strings.Join(kept, ""))) {
			t.Errorf("%s without comments: parseFast gave up on it", name)
		}
	}
}

func TestFastYAMLAgreesOnTrickyCases(t *testing.T) {
	for _, text := range fastTaken {
		checkAgrees(t, text, []byte(text))
	}
	for _, text := range fastRefused {
		checkAgrees(t, text, []byte(text))
	}
}

// TestFastYAMLTakesFrontMatter makes sure the fast path is the one that
// runs on real front matter, and that it gives up on what it must.
func TestFastYAMLTakesFrontMatter(t *testing.T) {
	for name, text := range realFrontMatter(t) {
		if _, ok := parseFast(text); !ok {
			t.Errorf("%s: parseFast gave up on it", name)
		}
	}
	for name, text := range corpusFrontMatter {
		if _, ok := parseFast([]byte(text)); !ok {
			t.Errorf("corpus %s: parseFast gave up on it", name)
		}
	}
	for _, text := range fastTaken {
		if _, ok := parseFast([]byte(text)); !ok {
			t.Errorf("parseFast gave up on %q", text)
		}
	}
	for _, text := range fastRefused {
		if _, ok := parseFast([]byte(text)); ok {
			t.Errorf("parseFast took %q", text)
		}
	}
}

func FuzzFastFrontMatter(f *testing.F) {
	for _, text := range realFrontMatter(f) {
		f.Add(text)
	}
	for _, text := range corpusFrontMatter {
		f.Add([]byte(text))
	}
	for _, text := range fastTaken {
		f.Add([]byte(text))
	}
	for _, text := range fastRefused {
		f.Add([]byte(text))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		checkAgrees(t, "fuzzed text", text)
	})
}

func BenchmarkFrontMatter(b *testing.B) {
	text := []byte(corpusFrontMatter["barrier.en"])
	for _, bench := range []struct {
		name      string
		goccyOnly bool
	}{{"goccy", true}, {"fast", false}} {
		b.Run(bench.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				var errs diag.List
				d := &yamlDoc{path: "content/barriers/b-00001.en.md", line: 1, errs: &errs, goccyOnly: bench.goccyOnly}
				decodeMeta(d, d.parse(text), Barrier, false, diag.Pos{Path: d.path, Line: 1, Col: 1})
				if errs.Len() > 0 {
					b.Fatal(errs.Err())
				}
			}
		})
	}
}

// A parser's memory is reused from one document to the next (see
// yamlDoc.release): what each document decoded to must stay as it was
// while the next ones are parsed.
func TestFastParserReused(t *testing.T) {
	real := realFrontMatter(t)
	names := slices.Sorted(maps.Keys(real))
	kept := make([]decoded, len(names))
	for i, name := range names {
		var errs diag.List
		d := &yamlDoc{path: "content/x.en.md", line: 1, errs: &errs}
		kept[i].Meta = decodeMeta(d, d.parse(real[name]), Barrier, false, diag.Pos{Path: d.path, Line: 1, Col: 1})
		d.release()
		for _, e := range errs.All() {
			kept[i].Problems = append(kept[i].Problems, e.Error())
		}
	}
	for i, name := range names {
		if want := decode(real[name], Barrier, false, true); !reflect.DeepEqual(kept[i], want) {
			t.Errorf("%s, decoded before the other files were parsed:\n%+v\nwant\n%+v", name, kept[i], want)
		}
	}
}
