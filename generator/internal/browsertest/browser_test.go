package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// The browser, started by the first test that needs it.
var (
	browserOnce   sync.Once
	browserCtx    context.Context
	browserCancel []context.CancelFunc
	browserErr    error
	browserSkip   string
	profileDir    string
)

// findChromium returns the browser to drive, or "". Chromium's headless
// shell comes first: the same Blink as the browser, without the browser's
// own interface, it runs the tests in about 60% of the CPU time.
func findChromium() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium-headless-shell", "chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// missing skips the test, or fails it when CI is set: CI must run every
// test.
func missing(t *testing.T, what string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("%s; CI must run the browser tests (.ci/run installs what they need)", what)
	}
	t.Skipf("skipping: %s (see .ci/run for what to install)", what)
}

func startBrowser() {
	path := findChromium()
	if path == "" {
		browserSkip = "no Chromium found (install the chromium package, or set CHROMIUM to its path)"
		return
	}
	profileDir, browserErr = os.MkdirTemp("", "browsertest-profile-")
	if browserErr != nil {
		return
	}
	// The flags a root user needs in a container, and none that reach out
	// to the network on their own.
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("lang", "en-US"),
		chromedp.Flag("hide-scrollbars", true),
		// The tests run in several tabs at once (see tab): none of them
		// is in front, and none may be slowed for it.
		chromedp.Flag("disable-background-timer-throttling", true),
		chromedp.Flag("disable-backgrounding-occluded-windows", true),
		chromedp.Flag("disable-renderer-backgrounding", true),
		chromedp.UserDataDir(profileDir),
	}
	actx, acancel := chromedp.NewExecAllocator(context.Background(), opts...)
	bctx, bcancel := chromedp.NewContext(actx)
	browserCancel = []context.CancelFunc{bcancel, acancel}
	// The context of the first Do owns the browser: no timeout on it.
	if err := chromedp.Do(bctx); err != nil {
		browserErr = fmt.Errorf("cannot start %s: %w", path, err)
		return
	}
	browserCtx = bctx
}

func stopBrowser() {
	for _, c := range browserCancel {
		c()
	}
	if profileDir != "" {
		// The browser's helpers may still be writing for a moment.
		for range 20 {
			if os.RemoveAll(profileDir) == nil {
				break
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
}

// tab opens a new tab, with a listener that records every problem a page
// shows: console errors, uncaught exceptions, failed and refused requests
// (a blocked Content-Security-Policy shows here), HTTP errors and requests
// to any other host than the test server.
//
// The browser tests run in parallel (t.Parallel), each in tabs of its own,
// so that Chromium works on a page a core: each tab behaves as the focused
// one, as a reader's only tab would, whichever is in front.
func tab(t *testing.T) (context.Context, *problems) {
	t.Helper()
	browserOnce.Do(startBrowser)
	if browserSkip != "" {
		missing(t, browserSkip)
	}
	if browserErr != nil {
		t.Fatal(browserErr)
	}
	p := &problems{origin: server.URL + "/"}
	ctx, cancel := chromedp.NewContext(browserCtx, chromedp.WithListener(p.listen))
	t.Cleanup(cancel)
	if _, err := chromedp.Call(ctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true}); err != nil {
		t.Fatal(err)
	}
	tctx, tcancel := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(tcancel)
	return tctx, p
}

type problems struct {
	origin string
	mu     sync.Mutex
	list   []string
}

func (p *problems) add(format string, args ...any) {
	p.mu.Lock()
	p.list = append(p.list, fmt.Sprintf(format, args...))
	p.mu.Unlock()
}

func (p *problems) listen(ev any) {
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError {
			var args []string
			for _, a := range ev.Args {
				args = append(args, string(a.Value)+a.Description)
			}
			p.add("console.error: %s", strings.Join(args, " "))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil {
			msg += " " + d.Exception.Description
		}
		p.add("uncaught exception at %s:%d: %s", d.URL, d.LineNumber, msg)
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError {
			p.add("browser error (%s): %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL)
		}
	case *network.EventRequestWillBeSent:
		u := ev.Request.URL
		if !strings.HasPrefix(u, p.origin) && !strings.HasPrefix(u, "data:") {
			p.add("request to another host: %s", u)
		}
	case *network.EventLoadingFailed:
		p.add("request failed: %s (%s) %s", ev.ErrorText, ev.BlockedReason, ev.Type)
	case *network.EventResponseReceived:
		if ev.Response.Status >= 400 {
			p.add("HTTP %d for %s", ev.Response.Status, ev.Response.URL)
		}
	}
}

// take returns the problems seen since the last call.
func (p *problems) take() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	l := p.list
	p.list = nil
	return l
}

// open loads a page below basePath and waits for it to settle.
func open(ctx context.Context, path string) error {
	if err := chromedp.Do(ctx, chromedp.Navigate(pageURL(path))); err != nil {
		return fmt.Errorf("loading %s: %w", path, err)
	}
	// Let deferred scripts and late requests finish. A page that moves on
	// by itself (the root sends the reader to a language) destroys the
	// document being polled; poll the new one.
	var err error
	for range 3 {
		_, err = chromedp.Run(ctx, chromedp.Poll[bool](`document.readyState === "complete"`))
		if err == nil || !strings.Contains(err.Error(), "Cannot find context") {
			break
		}
	}
	return err
}

// theme sets prefers-color-scheme: "light" or "dark".
func theme(ctx context.Context, scheme string) error {
	_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
	})
	return err
}

// eval runs JavaScript in the page and decodes its result.
func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluating %s: %v", js, err)
	}
	return v
}

// eachPage runs check on every page of paths, dealt in turn to parts
// subtests that run in parallel, each in a tab of its own: Chromium then
// works on as many pages at once as the tests may run (go test -parallel,
// the number of cores by default). check reports with the page's path, as
// a loop over the pages in one tab would.
func eachPage(t *testing.T, paths []string, parts int, check func(t *testing.T, ctx context.Context, probs *problems, path string)) {
	t.Helper()
	for i := range parts {
		t.Run(strconv.Itoa(i+1)+"of"+strconv.Itoa(parts), func(t *testing.T) {
			t.Parallel()
			ctx, probs := tab(t)
			for j := i; j < len(paths); j += parts {
				check(t, ctx, probs, paths[j])
			}
		})
	}
}

// waitForResults waits until the search box of the page shows the results
// of the whole query q (search.js marks the list with the query it shows):
// a status alone may be that of a query cut short, shown while the rest
// was still being typed.
func waitForResults(ctx context.Context, q string) error {
	js, _ := json.Marshal(q)
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById("search-results").dataset.q === `+string(js)+` && document.getElementById("search-status").textContent !== ""`))
	return err
}
