package serve

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"
)

// testSite writes the build package's test site and a copy of the
// repository's templates into a temporary folder, and returns the paths
// of its content and templates folders.
func testSite(t testing.TB) (string, string) {
	t.Helper()
	dir := t.TempDir()
	ar, err := txtar.ParseFile(filepath.Join("..", "build", "testdata", "base.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range ar.Files {
		write(t, filepath.Join(dir, f.Name), string(f.Data))
	}
	from := filepath.Join("..", "..", "..", "templates")
	err = filepath.WalkDir(from, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(from, p)
		write(t, filepath.Join(dir, "templates", rel), string(b))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, "content"), filepath.Join(dir, "templates")
}

func write(t testing.TB, p, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// edit replaces old with new in the file p.
func edit(t *testing.T, p, old, new string) {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("%s does not contain %q", p, old)
	}
	write(t, p, strings.Replace(string(b), old, new, 1))
}

// start runs a server on a free loopback port until the test ends.
func start(t *testing.T, opt Options) *Server {
	t.Helper()
	opt.Addr = "127.0.0.1:0"
	s, err := New(opt)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
		s.Close()
	})
	return s
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

// subscribe opens the event stream as a page's script does and returns its
// events.
func subscribe(t *testing.T, s *Server) <-chan event {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, "GET", s.URL()+"_serve/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events Content-Type %q", ct)
	}
	out := make(chan event, 16)
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		var ev event
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				ev.name = line[len("event: "):]
			case strings.HasPrefix(line, "data: "):
				ev.data = line[len("data: "):]
			case line == "":
				out <- ev
				ev = event{}
			}
		}
	}()
	return out
}

func next(t *testing.T, events <-chan event) event {
	t.Helper()
	select {
	case ev := <-events:
		return ev
	case <-time.After(10 * time.Second):
		t.Fatal("no event within 10s")
	}
	return event{}
}

// TestEditReloads follows an editor through the preview: the page is
// served with the preview's script; a good edit rebuilds the site, sends
// "reload", and the page shows it; a bad edit sends the problems and the
// last good page keeps being served; fixing it reloads again.
func TestEditReloads(t *testing.T) {
	content, templates := testSite(t)
	s := start(t, Options{Content: content, Templates: templates})
	page := s.URL() + "en/barriers/beef/"

	code, body := get(t, page)
	if code != 200 || !strings.Contains(body, "<h1>Beef imports</h1>") {
		t.Fatalf("GET %s: %d\n%s", page, code, body)
	}
	if !strings.Contains(body, `<script src="/_serve/reload.js" data-build="1" defer></script></head>`) {
		t.Error("the page has no reload script")
	}
	if !strings.Contains(body, `href="/en/barriers/cloud/"`) {
		t.Error("the page's links do not point at the server")
	}
	if code, js := get(t, s.URL()+"_serve/reload.js"); code != 200 || !strings.Contains(js, "EventSource") {
		t.Errorf("reload.js: %d", code)
	}

	events := subscribe(t, s)
	if ev := next(t, events); ev != (event{"ready", "1"}) {
		t.Fatalf("first event %+v, want ready 1", ev)
	}

	beef := filepath.Join(content, "barriers", "beef.en.md")
	edit(t, beef, "title: Beef imports", "title: Beef and beef products")
	if ev := next(t, events); ev != (event{"reload", "2"}) {
		t.Fatalf("after an edit: %+v, want reload 2", ev)
	}
	if _, body := get(t, page); !strings.Contains(body, "<h1>Beef and beef products</h1>") {
		t.Fatal("the page does not show the edit")
	}

	// One save with a bad sector and a new body: the last good page
	// shows neither, its body the text it was built from.
	b, err := os.ReadFile(beef)
	if err != nil {
		t.Fatal(err)
	}
	write(t, beef, strings.NewReplacer("sector: agriculture", "sector: agricultur", "Since 2008.", "Since 2009.").Replace(string(b)))
	ev := next(t, events)
	want := filepath.ToSlash(beef) + `:4:9: unknown sector "agricultur"; did you mean "agriculture"? (sectors are listed in site.yaml)`
	if ps := decode(t, ev, "problems"); len(ps) != 1 || ps[0].Text != want {
		t.Fatalf("after a bad edit: %+v, want problems %s", ev, want)
	}
	if code, body := get(t, page); code != 200 || !strings.Contains(body, "<h1>Beef and beef products</h1>") || !strings.Contains(body, "Since 2008.") {
		t.Fatalf("after a bad edit the last good page is not served: %d\n%s", code, body)
	}
	// A page opened now learns of the problems at once.
	if ev := next(t, subscribe(t, s)); ev.name != "problems" || !strings.Contains(ev.data, `unknown sector \"agricultur\"`) {
		t.Errorf("a new page's first event: %+v", ev)
	}

	edit(t, beef, "sector: agricultur", "sector: agriculture")
	if ev := next(t, events); ev != (event{"reload", "3"}) {
		t.Fatalf("after the fix: %+v, want reload 3", ev)
	}
}

// TestTemplateEditReloads checks that templates are watched too, and that
// a template error is shown with its file and line.
func TestTemplateEditReloads(t *testing.T) {
	content, templates := testSite(t)
	s := start(t, Options{Content: content, Templates: templates})
	events := subscribe(t, s)
	next(t, events)
	page := filepath.Join(templates, "page.html")
	src, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	line := 1 + strings.Count(string(src[:strings.Index(string(src), "<h1>{{.Title}}</h1>")]), "\n")
	edit(t, page, "<h1>{{.Title}}</h1>", "<h1>{{.Title}</h1>")
	ev := next(t, events)
	if ev.name != "problems" || !strings.Contains(ev.data, fmt.Sprintf("%s:%d: ", filepath.ToSlash(page), line)) {
		t.Fatalf("after a template error: %+v", ev)
	}
	edit(t, page, "<h1>{{.Title}</h1>", `<h1 class="edited">{{.Title}}</h1>`)
	if ev := next(t, events); ev.name != "reload" {
		t.Fatalf("after the fix: %+v", ev)
	}
	if _, body := get(t, s.URL()+"ko/glossary/"); !strings.Contains(body, `<h1 class="edited">용어 풀이</h1>`) {
		t.Error("the page does not show the template edit")
	}
}

// TestFirstBuildFails checks that problems found before any good build
// are shown on every page, and that fixing them serves the site.
func TestFirstBuildFails(t *testing.T) {
	content, templates := testSite(t)
	cloud := filepath.Join(content, "barriers", "cloud.ko.md")
	edit(t, cloud, "sector: digital", "sector: [digital]")
	s := start(t, Options{Content: content, Templates: templates})
	code, body := get(t, s.URL()+"en/")
	if code != http.StatusServiceUnavailable || !strings.Contains(body, filepath.ToSlash(cloud)+`:4:9: &#34;sector&#34; must be text, not a list`) {
		t.Fatalf("before a good build: %d\n%s", code, body)
	}
	events := subscribe(t, s)
	next(t, events)
	edit(t, cloud, "sector: [digital]", "sector: digital")
	if ev := next(t, events); ev != (event{"reload", "1"}) {
		t.Fatalf("after the fix: %+v", ev)
	}
	if code, _ := get(t, s.URL()+"en/"); code != 200 {
		t.Fatalf("after the fix: %d", code)
	}
}

// TestServesOnlyTheSite sends requests that try to reach files beside the
// content and templates folders (and the working folder), as raw HTTP so
// that no client cleans the path first.
func TestServesOnlyTheSite(t *testing.T) {
	content, templates := testSite(t)
	secret := "TOP SECRET"
	for _, dir := range []string{filepath.Dir(content), filepath.Dir(templates), filepath.Join(filepath.Dir(content), "serve")} {
		write(t, filepath.Join(dir, "secret.txt"), secret)
	}
	s := start(t, Options{Content: content, Templates: templates})
	host := strings.TrimSuffix(strings.TrimPrefix(s.URL(), "http://"), "/")

	for _, p := range []string{
		"/../secret.txt",
		"/../../secret.txt",
		"/%2e%2e/secret.txt",
		"/%2E%2E/%2e%2e/secret.txt",
		"/en/..%2f..%2fsecret.txt",
		"/en/%2e%2e/%2e%2e/secret.txt",
		"/..\\secret.txt",
		"/en/../../serve/secret.txt",
	} {
		status, body := rawGet(t, host, p)
		if strings.Contains(body, secret) || strings.HasPrefix(status, "HTTP/1.1 200") {
			t.Errorf("GET %s: %s, body leaks the file: %v", p, status, strings.Contains(body, secret))
		}
	}
	if status, body := rawGet(t, host, "/en/barriers/beef/"); !strings.HasPrefix(status, "HTTP/1.1 200") || !strings.Contains(body, "Beef imports") {
		t.Errorf("a good path over raw HTTP: %s", status)
	}
	if status, body := rawGet(t, host, "/en/no-such-page/"); !strings.HasPrefix(status, "HTTP/1.1 404") || !strings.Contains(body, "Page not found") {
		t.Errorf("a missing page: %s, want 404 with the site's 404 page", status)
	}
}

// rawGet sends a request line as written and returns the status line and
// the rest of the response.
func rawGet(t *testing.T, host, target string) (string, string) {
	t.Helper()
	c, err := net.Dial("tcp", host)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	io.WriteString(c, "GET "+target+" HTTP/1.1\r\nHost: "+host+"\r\nConnection: close\r\n\r\n")
	b, _ := io.ReadAll(c)
	status, rest, _ := strings.Cut(string(b), "\r\n")
	return status, rest
}

// TestDrafts checks that drafts are served with Drafts only.
func TestDrafts(t *testing.T) {
	content, templates := testSite(t)
	edit(t, filepath.Join(content, "barriers", "cloud.en.md"), "sector: digital", "sector: digital\ndraft: true")
	edit(t, filepath.Join(content, "barriers", "cloud.ko.md"), "sector: digital", "sector: digital\ndraft: true")
	edit(t, filepath.Join(content, "barriers", "beef.en.md"), "related: [cloud]", "")
	edit(t, filepath.Join(content, "barriers", "beef.ko.md"), "related: [cloud]", "")
	edit(t, filepath.Join(content, "summary.en.md"), " and [cloud](barriers/cloud.en.md)", "")
	edit(t, filepath.Join(content, "summary.ko.md"), "와 [클라우드](barriers/cloud.ko.md)", "")
	for _, drafts := range []bool{false, true} {
		s := start(t, Options{Content: content, Templates: templates, Drafts: drafts})
		code, _ := get(t, s.URL()+"en/barriers/cloud/")
		if want := map[bool]int{false: 404, true: 200}[drafts]; code != want {
			t.Errorf("Drafts %v: the draft's page answers %d, want %d", drafts, code, want)
		}
	}
}

// TestHalfSavedFileIsNotShown checks that a file caught in the middle of a
// save (emptied, then written a moment later) makes no problems flash on
// the open pages: the build of the empty file fails, the next change comes
// within ProblemDelay, and the pages just reload.
func TestHalfSavedFileIsNotShown(t *testing.T) {
	content, templates := testSite(t)
	s := start(t, Options{Content: content, Templates: templates})
	events := subscribe(t, s)
	next(t, events)
	beef := filepath.Join(content, "barriers", "beef.en.md")
	text, err := os.ReadFile(beef)
	if err != nil {
		t.Fatal(err)
	}
	write(t, beef, "")
	time.Sleep(4 * Debounce) // long enough for the empty file to be built
	write(t, beef, strings.Replace(string(text), "title: Beef imports", "title: Beef, saved in two steps", 1))
	if ev := next(t, events); ev.name != "reload" {
		t.Fatalf("after a save in two steps: %+v, want reload", ev)
	}
	if _, body := get(t, s.URL()+"en/barriers/beef/"); !strings.Contains(body, "<h1>Beef, saved in two steps</h1>") {
		t.Error("the page does not show the save")
	}
}

// TestTemplateErrorFoundAfterAFailedBuild checks that a template edit made
// while the content does not build is still checked on every page once the
// content is fixed: the fixed build renders every page, not only the pages
// of the file that changed, and finds the error in a page of another kind.
func TestTemplateErrorFoundAfterAFailedBuild(t *testing.T) {
	content, templates := testSite(t)
	s := start(t, Options{Content: content, Templates: templates})
	events := subscribe(t, s)
	next(t, events)
	beef := filepath.Join(content, "barriers", "beef.en.md")
	edit(t, beef, "sector: agriculture", "sector: agricultur")
	if ev := next(t, events); ev.name != "problems" || !strings.Contains(ev.data, "unknown sector") {
		t.Fatalf("after a bad edit: %+v", ev)
	}
	page := filepath.Join(templates, "page.html")
	edit(t, page, "<h1>{{.Title}}</h1>", `<h1>{{.Title}} {{.T "no_such_string"}}</h1>`)
	if ev := next(t, events); ev.name != "problems" || !strings.Contains(ev.data, "unknown sector") {
		t.Fatalf("after the template edit: %+v", ev)
	}
	edit(t, beef, "sector: agricultur", "sector: agriculture")
	ev := next(t, events)
	if ev.name != "problems" || !strings.Contains(ev.data, filepath.ToSlash(page)) || !strings.Contains(ev.data, "no_such_string") || strings.Contains(ev.data, "unknown sector") {
		t.Fatalf("after fixing the content: %+v, want the template's problem", ev)
	}
}
