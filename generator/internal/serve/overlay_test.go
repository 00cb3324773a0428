package serve

import (
	"bytes"
	"encoding/json"
	"net/http"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"explainer/generator/internal/diag"
)

// decode reads the problems of an event named name.
func decode(t *testing.T, ev event, name string) []problem {
	t.Helper()
	if ev.name != name {
		t.Fatalf("event %+v, want %s", ev, name)
	}
	var ps []problem
	if err := json.Unmarshal([]byte(ev.data), &ps); err != nil {
		t.Fatalf("event %s: %v", ev.name, err)
	}
	return ps
}

// TestOverlayShowsContextAndWarnings follows the problems from a build to
// an open page, over HTTP: a good build's warnings are logged and sent
// after "ready"; a failed build sends its errors and warnings together,
// each with the lines of its file around it, its own marked.
func TestOverlayShowsContextAndWarnings(t *testing.T) {
	content, templates := testSite(t)
	beef := filepath.Join(content, "barriers", "beef.en.md")
	edit(t, beef, "Since 2008.", "Since 2008. <span style=\"color: red\">Red.</span>")
	var log syncBuffer
	s := start(t, Options{Content: content, Templates: templates, Log: &log})
	warning := filepath.ToSlash(beef) + `:11:13: warning: attribute "style" removed from raw HTML <span>`
	if !strings.Contains(log.String(), warning+"\n") {
		t.Errorf("the log does not show the warning:\n%s", log.String())
	}
	events := subscribe(t, s)
	if ev := next(t, events); ev != (event{"ready", "1"}) {
		t.Fatalf("first event %+v, want ready 1", ev)
	}
	ws := decode(t, next(t, events), "warnings")
	wantLines := []diag.Line{
		{Num: 9, Text: "## History {#history}"},
		{Num: 10, Text: ""},
		{Num: 11, Text: `Since 2008. <span style="color: red">Red.</span> See the [glossary](../pages/glossary.en.md#offset).`, Mark: true},
	}
	if len(ws) != 1 || ws[0].Text != warning || !ws[0].Warning || !reflect.DeepEqual(ws[0].Lines, wantLines) {
		t.Fatalf("warnings %+v, want %s with lines %v", ws, warning, wantLines)
	}

	edit(t, beef, "sector: agriculture", "sector: agricultur")
	ps := decode(t, next(t, events), "problems")
	if len(ps) != 2 || ps[1].Text != warning || !ps[1].Warning {
		t.Fatalf("problems %+v: want the error, then the warning", ps)
	}
	wantLines = []diag.Line{
		{Num: 2, Text: "title: Beef imports"},
		{Num: 3, Text: "summary: Beef from cattle over 30 months old."},
		{Num: 4, Text: "sector: agricultur", Mark: true},
		{Num: 5, Text: "related: [cloud]"},
		{Num: 6, Text: "sources:"},
	}
	if ps[0].Warning || !strings.Contains(ps[0].Text, ":4:9: unknown sector") || !reflect.DeepEqual(ps[0].Lines, wantLines) {
		t.Errorf("error %+v, want lines %v", ps[0], wantLines)
	}
	if !strings.Contains(log.String(), warning+"\nbuild failed") {
		t.Errorf("the log does not show the warning with the error:\n%s", log.String())
	}
}

// TestProblemPageShowsContext checks the page served before the first good
// build: each problem with its lines, marked and escaped.
func TestProblemPageShowsContext(t *testing.T) {
	content, templates := testSite(t)
	beef := filepath.Join(content, "barriers", "beef.en.md")
	edit(t, beef, "sector: agriculture", "sector: <b>agri</b>")
	s := start(t, Options{Content: content, Templates: templates})
	code, body := get(t, s.URL()+"en/")
	if code != http.StatusServiceUnavailable {
		t.Fatalf("before a good build: %d", code)
	}
	for _, want := range []string{
		`unknown sector &#34;&lt;b&gt;agri&lt;/b&gt;&#34;`,
		"<pre class=\"serve-context\">     2 | title: Beef imports\n" +
			"     3 | summary: Beef from cattle over 30 months old.\n" +
			"&gt;    4 | sector: &lt;b&gt;agri&lt;/b&gt;\n" +
			"     5 | related: [cloud]\n",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the problem page lacks %q:\n%s", want, body)
		}
	}
}

// syncBuffer is a bytes.Buffer that the server's goroutine may write while
// the test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
