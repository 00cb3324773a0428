package browsertest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestPagesLoadCleanly fails on any console error, exception, failed
// request or request to another host while a page loads and is looked at
// (see walk_test.go), and on Korean text in an English page that is not
// marked as Korean.
func TestPagesLoadCleanly(t *testing.T) {
	for _, v := range visits(t) {
		for _, p := range v.problems {
			t.Errorf("%s: %s", v.path, p)
		}
		for _, text := range v.unmarked {
			t.Errorf("%s: Korean text without lang=\"ko\": %q", v.path, text)
		}
	}
}

// unmarkedKorean lists the visible texts with Hangul whose language, by
// the nearest lang attribute, is not Korean: a screen reader would read
// them with the wrong voice.
const unmarkedKorean = `(() => {
	const out = [], w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	for (let n; (n = w.nextNode()); ) {
		if (/\p{Script=Hangul}/u.test(n.data) && !n.parentElement.closest("svg, script")
			&& n.parentElement.closest("[lang]").lang !== "ko") out.push(n.data.trim().slice(0, 60));
	}
	return out;
})()`

// TestProblemsAreSeen holds the listener to account: a page that breaks
// every rule must be reported, or the test above proves nothing.
func TestProblemsAreSeen(t *testing.T) {
	ctx, probs := tab(t)
	bad := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(`<!doctype html><html lang="en"><head>
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'">
<title>bad</title></head><body>
<script>console.log("inline, blocked")</script>
<img src="/missing.png" alt="">
<img src="http://127.0.0.2:9/elsewhere.png" alt="">
</body></html>`))
	}))
	defer bad.Close()
	probs.origin = bad.URL + "/"
	if err := chromedp.Do(ctx, chromedp.Navigate(bad.URL+"/")); err != nil {
		t.Fatal(err)
	}
	eval[bool](t, ctx, `new Promise(r => setTimeout(() => r(true), 300))`)
	got := strings.Join(probs.take(), "\n")
	for _, want := range []string{"Content Security Policy", "HTTP 404", "request to another host: http://127.0.0.2:9/elsewhere.png"} {
		if !strings.Contains(got, want) {
			t.Errorf("problem %q not seen; saw:\n%s", want, got)
		}
	}
}

// axeURL is where the test server serves axe-core, outside the site's
// path: from the pages' own origin, so their Content-Security-Policy lets
// it run, and cacheable, so Chromium compiles it once rather than on every
// page.
const axeURL = "/_axe-core/axe.min.js"

// axeFile is axe-core's browser script: $AXE_CORE_JS, else where .ci/run
// installs it.
func axeFile() string {
	if name := os.Getenv("AXE_CORE_JS"); name != "" {
		return name
	}
	return "node_modules/axe-core/axe.min.js"
}

func axeInstalled() bool {
	_, err := os.Stat(axeFile())
	return err == nil
}

// needAxe skips the test (or fails it, when CI is set) without axe-core.
func needAxe(t *testing.T) {
	t.Helper()
	if !axeInstalled() {
		missing(t, "axe-core not found at "+axeFile()+" (npm install --no-save --prefix generator/internal/browsertest axe-core, or set AXE_CORE_JS)")
	}
}

type violation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// loadAxe is a script that loads axe-core into the page, if not there yet.
const loadAxe = `typeof axe === "object" || new Promise((ok, fail) => {
	const s = document.createElement("script");
	s.src = "` + axeURL + `";
	s.onload = () => ok(true);
	s.onerror = () => fail(new Error("cannot load axe-core from ` + axeURL + `"));
	document.head.append(s);
})`

// runAxe loads axe-core into the page, if not there yet, and returns its
// violations: every rule axe runs by default (WCAG 2.0 to 2.2 A and AA,
// and its best practices).
func runAxe(ctx context.Context) ([]violation, error) {
	if _, err := evalErr[bool](ctx, loadAxe); err != nil {
		return nil, err
	}
	return evalErr[[]violation](ctx, `axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations.map(v => ({
		id: v.id, impact: v.impact || "", help: v.help,
		nodes: v.nodes.map(n => n.target.join(" ") + ": " + (n.failureSummary || "").replace(/\s+/g, " "))
	})))`)
}

// TestAccessibility reports what axe-core found on every page (see
// walk_test.go), in the light and the dark theme. The root page only sends
// the reader on, so it is left out.
func TestAccessibility(t *testing.T) {
	needAxe(t)
	for _, v := range visits(t) {
		if v.path == "" {
			continue
		}
		if len(v.axe) != 2 {
			t.Errorf("%s: axe-core ran in %d color schemes, want 2", v.path, len(v.axe))
		}
		for _, r := range v.axe {
			if r.dark != (r.scheme == "dark") {
				t.Errorf("%s: prefers-color-scheme dark is %v in the %s theme", v.path, r.dark, r.scheme)
			}
			for _, x := range r.violations {
				t.Errorf("%s (%s): %s [%s, %s]\n\t%s", v.path, r.scheme, x.Help, x.ID, x.Impact, strings.Join(x.Nodes, "\n\t"))
			}
		}
	}
}

// TestAxeSeesViolations makes sure axe really runs: a page with an image
// without alt text and grey-on-grey text must fail.
func TestAxeSeesViolations(t *testing.T) {
	needAxe(t)
	ctx, _ := tab(t)
	if err := open(ctx, "en/"); err != nil {
		t.Fatal(err)
	}
	eval[bool](t, ctx, `(() => {
		const img = document.createElement("img");
		img.src = "data:image/gif;base64,R0lGODlhAQABAAAAACw=";
		document.querySelector("main").append(img);
		document.querySelector("h1").classList.add("visually-hidden-not");
		document.querySelector("h1").setAttribute("lang", "");
		return true;
	})()`)
	found, err := runAxe(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, v := range found {
		ids = append(ids, v.ID)
	}
	if !slices.Contains(ids, "image-alt") {
		t.Errorf("axe did not report the image without alt text; it reported %v", ids)
	}
}
