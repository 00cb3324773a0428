package tmplrun

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"strings"
	"sync"
	"testing"
)

// The tests hold a Set's output to html/template's: each template runs on
// its data through html/template alone and through a Set (whose second
// execution is compiled), and the two must write the same bytes, or fail
// with the same error.

type page struct {
	Title   string
	Kind    kind
	Year    int
	Count   uint
	Draft   bool
	Body    template.HTML
	Link    template.URL
	Tags    []string
	Items   []item
	Ptrs    []*item
	Labels  map[string]string
	ByKind  map[kind]string
	Any     any
	Nil     *item
	NilAny  any
	Next    *page
	private string
}

type kind string

type item struct {
	Name string
	N    int
}

func (i item) Upper() string        { return strings.ToUpper(i.Name) }
func (i *item) Ptr() string         { return "*" + i.Name }
func (p *page) URL(s string) string { return "/" + s + "/" }
func (p *page) T(key string) (string, error) {
	if key == "missing" {
		return "", errors.New("no such string")
	}
	return "t:" + key, nil
}
func (p *page) Join(sep string, parts ...string) string { return strings.Join(parts, sep) }
func (p *page) Joined(sep string, parts ...string) (string, error) {
	if parts == nil {
		return "", errors.New("nil parts")
	}
	return strings.Join(parts, sep), nil
}
func (p *page) Pair(a string, k kind) (string, error) {
	if a == "missing" {
		return "", errors.New("no such pair")
	}
	return a + "=" + string(k), nil
}
func (p *page) Item() item             { return p.Items[0] }
func (p *page) Article() *article      { return &article{Headline: p.Title, Year: p.Year} }
func (p *page) Boom() string           { panic("boom") }
func (p *page) Stringer() fmt.Stringer { return stringer("s") }
func (p *page) HTML() template.HTML    { return p.Body }
func (p *page) Typed(k kind) string    { return string(k) + "!" }
func (p *page) Two() (int, string)     { return 1, "x" }

type article struct {
	Headline string `json:"headline"`
	Year     int    `json:"year,omitempty"`
}

type stringer string

func (s stringer) String() string { return "stringer:" + string(s) }

func testPage() *page {
	return &page{
		Title:  `Tom & "Jerry" <b>'+'</b>`,
		Kind:   "barrier",
		Year:   2025,
		Count:  3,
		Body:   "<p>body &amp; soul</p>",
		Link:   "javascript:alert(1)",
		Tags:   []string{"a b", "c&d", "클라우드"},
		Items:  []item{{"one", 1}, {"two", 2}},
		Ptrs:   []*item{{"p", 3}},
		Labels: map[string]string{"en": "English", "ko": "한국어"},
		ByKind: map[kind]string{"barrier": "B"},
		Any:    item{"any", 4},
		Next:   &page{Title: "next"},
	}
}

type testCase struct {
	name, src   string
	fallback    bool // the compiled execution is expected to fall back
	notCompiled bool // the template is expected not to compile
}

var cases = []testCase{
	{name: "text", src: `<p>hello</p>`},
	{name: "field", src: `<p>{{.Title}}</p>`},
	{name: "chain", src: `<p>{{.Next.Title}} {{.Items}}</p>`, fallback: true},
	{name: "named string", src: `<p class="{{.Kind}}">{{.Kind}}</p>`},
	{name: "int uint bool", src: `<p data-n="{{.Year}}">{{.Year}} {{.Count}} {{.Draft}}</p>`},
	{name: "html", src: `<div>{{.Body}}</div>`},
	{name: "html from a method", src: `<div>{{.HTML}}</div>`},
	{name: "html in attribute", src: `<div title="{{.Body}}"></div>`, fallback: true},
	{name: "url filter", src: `<a href="{{.Link}}">x</a><a href="{{.Title}}">y</a>`, fallback: true},
	{name: "url", src: `<a href="{{.URL .Title}}">x</a><a href="https://example.org/{{.Title}}?q={{.Title}}#{{.Title}}">y</a>`},
	{name: "url scheme", src: `<a href="{{"javascript:x"}}">a</a><a href="{{"mailto:a@b"}}">b</a><a href="{{"HTTPS://x/y"}}">c</a><a href="{{"/a:b"}}">d</a>`},
	{name: "rcdata", src: `<title>{{.Title}}</title><textarea>{{.Title}}</textarea>`},
	{name: "json", src: `<script type="application/ld+json">{{.Article}}</script>`},
	{name: "json string", src: `<script>var x = {{.Title}};</script>`},
	{name: "js number", src: `<script>var x = {{.Year}};</script>`, fallback: true},
	{name: "method args", src: `<p>{{.T "a"}} {{$.URL .Kind}} {{.Join ", " "a" "b"}} {{.Join "-"}}</p>`, fallback: true},
	{name: "method string args", src: `<p>{{.T "a"}} {{.Join ", " "a" "b"}} {{.Join "-"}} {{.Typed "k"}}</p>`},
	{name: "method error", src: `<p>{{.T "missing"}}</p>`, fallback: true},
	{name: "two arguments", src: `<p>{{.Pair "a" .Kind}} {{.Kind | .Pair "b"}}</p>`},
	{name: "two arguments error", src: `<p>{{.Pair "missing" .Kind}}</p>`, fallback: true},
	{name: "variadic, more than four", src: `<p>{{.Joined "-" "a" "b" "c" "d" "e"}} {{.Title | .Joined "-" "a" "b" "c" "d"}} {{.Join "-" "a" "b" "c" "d" "e"}}</p>`},
	{name: "variadic", src: `<p>{{.Joined "-"}}|{{.Joined "-" "a"}}|{{.Joined ", " "a" .Title}}|{{.Title | .Joined "+" "x"}}</p>`},
	{name: "method panic", src: `<p>{{.Boom}}</p>`, fallback: true},
	{name: "two results", src: `<p>{{.Two}}</p>`, fallback: true},
	{name: "value method", src: `{{range .Items}}<i>{{.Upper}} {{.Ptr}}</i>{{end}}{{with .Item}}{{.Upper}}{{end}}`},
	{name: "value method not addressable", src: `{{with .Item}}{{.Ptr}}{{end}}`, fallback: true},
	{name: "pointers", src: `{{range .Ptrs}}{{.Name}} {{.Ptr}}{{end}}`},
	{name: "any", src: `{{.Any.Name}} {{with .Any}}{{.Upper}}{{end}}`},
	{name: "nil pointer field", src: `{{.Nil.Name}}`, fallback: true},
	{name: "nil with", src: `{{with .Nil}}yes{{else}}no{{end}}{{with .NilAny}}yes{{else}}no{{end}}`},
	{name: "stringer", src: `<p>{{.Stringer}}</p>`, fallback: true},
	{name: "map", src: `<p>{{.Labels.en}} {{index .Labels "ko"}} {{index .Labels "xx"}} {{.ByKind.barrier}}</p>`, fallback: true},
	{name: "map present", src: `<p>{{.Labels.en}} {{index .Labels "ko"}} {{index .Labels "xx"}}</p>`},
	{name: "map missing", src: `<p>{{.Labels.xx}}</p>`, fallback: true},
	{name: "index", src: `<p>{{index .Tags 1}} {{index .Items 0 | printf "%v"}} {{(index .Items 1).Name}}</p>`},
	{name: "index out of range", src: `<p>{{index .Tags 9}}</p>`, fallback: true},
	{name: "len", src: `<p>{{len .Tags}} {{len .Labels}} {{len .Title}}</p>`},
	{name: "if else", src: `{{if .Draft}}d{{else if .Tags}}t{{else}}n{{end}}{{if not .Draft}}!{{end}}`},
	{name: "and or", src: `{{if and .Title (ne .Kind "root")}}a{{end}}{{or .Nil .Title}} {{and .Title .Year}} {{or "" 0}} {{.Title | or ""}}`},
	{name: "eq", src: `{{if eq .Kind "barrier" "x"}}1{{end}}{{if eq .Year 2025}}2{{end}}{{if eq .Count 3}}3{{end}}{{if eq .Draft false}}4{{end}}{{if ne .Year 1}}5{{end}}`},
	{name: "eq other", src: `{{if eq .Items .Items}}1{{end}}`, fallback: true},
	{name: "eq mixed", src: `{{if eq .Year .Count}}1{{end}}{{if eq .Count 3 -1}}2{{end}}{{if eq -1 .Count}}3{{end}}`},
	{name: "print", src: `<p>{{print .Title 1}} {{printf "%s/%d" .Kind .Year}} {{println "x"}} {{js .Title}}</p>`},
	{name: "printf format from method", src: `<p>{{printf (.T "f") .Year}}</p>`},
	{name: "range vars", src: `{{range $i, $t := .Tags}}{{$i}}={{$t}};{{end}}{{range $t := .Tags}}[{{$t}}]{{end}}`},
	{name: "range else", src: `{{range .Nil}}x{{else}}empty{{end}}{{range .Labels}}{{.}}{{end}}`, fallback: true},
	{name: "range empty", src: `{{range $x := .Items | len | slice .Tags}}{{else}}e{{end}}`, notCompiled: true},
	{name: "range over nil slice", src: `{{range .Next.Tags}}x{{else}}none{{end}}`},
	{name: "variables", src: `{{$t := .Title}}{{$n := 1}}{{with .Next}}{{$t}} {{.Title}} {{$.Year}}{{$t = "re"}}{{$t}}{{end}}{{$t}}`},
	{name: "pipeline final", src: `<p>{{"x" | .URL}} {{.Kind | .Typed}} {{"b" | .Join "-" "a"}} {{.Title | len}}</p>`},
	{name: "parenthesized", src: `<p>{{(.Next).Title}} {{(print "a" "b")}}</p>`},
	{name: "templates", src: `{{define "t"}}<b>{{.Title}}</b>{{end}}{{define "u"}}{{template "t" .}}{{.}}{{end}}{{template "t" .}}{{template "t" .Next}}{{template "u" "s"}}`},
	{name: "template no data", src: `{{define "t"}}[{{.}}]{{end}}{{template "t"}}`, fallback: true},
	{name: "block", src: `{{block "b" .}}<i>{{.Year}}</i>{{end}}`},
	{name: "template in attribute", src: `{{define "t"}}{{.Title}}{{end}}<a title="{{template "t" .}}">x</a>`, notCompiled: true},
	{name: "comment", src: `{{/* c */}}<p>{{- .Year -}} </p>`},
	{name: "range int", src: `{{range 3}}{{.}}{{end}}`, fallback: true},
	{name: "break", src: `{{range .Tags}}{{break}}{{end}}`, notCompiled: true},
	{name: "unexported", src: `{{.private}}`, fallback: true},
	{name: "no such field", src: `{{.Nope}}`, fallback: true},
	{name: "field with args", src: `{{.Title "x"}}`, fallback: true},
	{name: "else with", src: `{{with .Nil}}a{{else with .Next}}{{.Title}}{{end}}`},
	{name: "hex number", src: `{{index .Tags 0x1}}`, notCompiled: true},
	{name: "korean", src: `<p lang="ko">{{index .Tags 2}} {{.Labels.ko}}</p>`},
}

func TestSetAgrees(t *testing.T) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkAgrees(t, c) })
	}
}

// checkAgrees runs c through html/template and through a Set, four times.
func checkAgrees(t *testing.T, c testCase) {
	want, wantErr := standard(t, c.src, testPage())
	tm := template.Must(template.New("x").Option("missingkey=error").Parse(c.src))
	set := New(tm)
	for run := range 4 { // html/template's run, then compiled ones
		// A bytes.Buffer is written directly, and cut back to
		// what it held if the execution falls back.
		var sb strings.Builder
		var w interface {
			io.Writer
			String() string
		} = &sb
		if run >= 2 {
			w = bytes.NewBufferString("before|")
		}
		err := set.Execute(w, "x", testPage())
		if fmt.Sprint(err) != fmt.Sprint(wantErr) {
			t.Fatalf("run %d: error %v, want %v", run, err, wantErr)
		}
		got, found := strings.CutPrefix(w.String(), "before|")
		if run >= 2 && !found {
			t.Fatalf("run %d: what the buffer held is lost: %q", run, w.String())
		}
		if got != want {
			t.Fatalf("run %d:\n got %q\nwant %q", run, got, want)
		}
		if wantErr != nil {
			return // never escaped, never compiled
		}
	}
	if got := set.Compiled("x"); got == c.notCompiled {
		t.Errorf("compiled: %v, want %v", got, !c.notCompiled)
	}
	if got := set.Fallbacks() > 0; got != c.fallback && !c.notCompiled {
		t.Errorf("fell back: %v, want %v", got, c.fallback)
	}
}

// standard is src executed on data by html/template alone.
func standard(t *testing.T, src string, data any) (string, error) {
	t.Helper()
	tm := template.Must(template.New("x").Option("missingkey=error").Parse(src))
	var b strings.Builder
	err := tm.ExecuteTemplate(&b, "x", data)
	return b.String(), err
}

// other has some of page's names, so a field's lookup flips between the
// two types when goroutines run one template on both.
type other struct {
	Title string
	Items []item
}

func (o other) URL(s string) string { return "other:" + s }

func TestSetConcurrent(t *testing.T) {
	const src = `<a href="{{.URL .Title}}">{{.Title}}</a>{{range .Items}}{{.Upper}}{{end}}`
	datas := []any{testPage(), other{Title: "o", Items: []item{{"x", 1}}}, &other{Title: "p"}}
	var wants []string
	for _, d := range datas {
		want, err := standard(t, src, d)
		if err != nil {
			t.Fatal(err)
		}
		wants = append(wants, want)
	}
	set := New(template.Must(template.New("x").Parse(src)))
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for g := range 8 {
		wg.Go(func() {
			for i := range 200 {
				k := (g + i) % len(datas)
				var b bytes.Buffer
				if err := set.Execute(&b, "x", datas[k]); err != nil {
					errs <- err
					return
				}
				if b.String() != wants[k] {
					errs <- fmt.Errorf("%T: got %q, want %q", datas[k], b.String(), wants[k])
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if !set.Compiled("x") || set.Fallbacks() > 0 {
		t.Errorf("compiled %v, %d fallbacks; want compiled, none", set.Compiled("x"), set.Fallbacks())
	}
}

// A template whose compiled executions keep falling back is left to
// html/template: each of them costs both.
func TestFallingBackStops(t *testing.T) {
	const src = `<p title="{{.Body}}">{{.Title}}</p>` // HTML in an attribute falls back
	want, err := standard(t, src, testPage())
	if err != nil {
		t.Fatal(err)
	}
	set := New(template.Must(template.New("x").Parse(src)))
	for run := range 3 * maxFallbacks {
		var b strings.Builder
		if err := set.Execute(&b, "x", testPage()); err != nil || b.String() != want {
			t.Fatalf("run %d: %q, %v; want %q", run, b.String(), err, want)
		}
	}
	if set.Compiled("x") || set.Fallbacks() != maxFallbacks {
		t.Errorf("compiled %v after %d fallbacks; want html/template's after %d", set.Compiled("x"), set.Fallbacks(), maxFallbacks)
	}
}
