package browsertest

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

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
	t.Parallel()
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

// axeFile is axe-core's browser script: $AXE_CORE_JS, else where .ci/run
// installs it.
func axeFile() string {
	if name := os.Getenv("AXE_CORE_JS"); name != "" {
		return name
	}
	return "node_modules/axe-core/axe.min.js"
}

// axeSource reads axe-core's browser script.
func axeSource(t *testing.T) string {
	t.Helper()
	name := axeFile()
	src, err := os.ReadFile(name)
	if err != nil {
		missing(t, "axe-core not found at "+name+" (npm install --no-save --prefix generator/internal/browsertest axe-core, or set AXE_CORE_JS)")
	}
	return string(src)
}

// axeURL is where the test server serves axe-core (site_test.go), outside
// the site's path: from the pages' own origin, so that their
// Content-Security-Policy lets it run, and cacheable, so that Chromium
// compiles it once rather than receiving and compiling 550 KB on every
// page, which took as long as axe's run.
const axeURL = "/_axe-core/axe.min.js"

// loadAxe loads axe-core into the page from axeURL, if not there yet; it
// resolves false when it cannot (a page of another origin).
const loadAxe = `typeof axe === "object" || new Promise(ok => {
	const s = document.createElement("script");
	s.src = "` + axeURL + `";
	s.onload = () => ok(typeof axe === "object");
	s.onerror = () => ok(false);
	document.head.append(s);
})`

type violation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// runAxe loads axe-core into the page, if not there yet, and returns its
// violations: of the rules named in only, or of every rule axe runs by
// default (WCAG 2.0 to 2.2 A and AA, and its best practices). src,
// axeSource's script, is injected only into a page that cannot load it
// from the test server.
func runAxe(t *testing.T, ctx context.Context, src string, only ...string) []violation {
	t.Helper()
	if !eval[bool](t, ctx, loadAxe) {
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](src)); err != nil {
			t.Fatalf("injecting axe-core: %v", err)
		}
	}
	opts := `{resultTypes: ["violations"]}`
	if len(only) > 0 {
		rules, _ := json.Marshal(only)
		opts = `{resultTypes: ["violations"], runOnly: {type: "rule", values: ` + string(rules) + `}}`
	}
	return eval[[]violation](t, ctx, `axe.run(document, `+opts+`).then(r => r.violations.map(v => ({
		id: v.id, impact: v.impact || "", help: v.help,
		nodes: v.nodes.map(n => n.target.join(" ") + ": " + (n.failureSummary || "").replace(/\s+/g, " "))
	})))`)
}

// TestAxeSeesViolations makes sure axe really runs: a page with an image
// without alt text and grey-on-grey text must fail.
func TestAxeSeesViolations(t *testing.T) {
	t.Parallel()
	src := axeSource(t)
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
	var ids []string
	for _, v := range runAxe(t, ctx, src) {
		ids = append(ids, v.ID)
	}
	if !slices.Contains(ids, "image-alt") {
		t.Errorf("axe did not report the image without alt text; it reported %v", ids)
	}

	// The dark theme's run, of the colour rules only, still finds grey on
	// grey, and only that.
	eval[bool](t, ctx, `(() => {
		const p = document.createElement("p");
		p.textContent = "grey on grey";
		p.style.cssText = "color: #777; background: #888";
		document.querySelector("main").append(p);
		return true;
	})()`)
	ids = nil
	for _, v := range runAxe(t, ctx, src, colourRules...) {
		ids = append(ids, v.ID)
	}
	if !slices.Equal(ids, []string{"color-contrast"}) {
		t.Errorf("axe's colour rules reported %v, want [color-contrast]", ids)
	}
}

// colourRules are the axe rules whose results depend on colours. The dark
// theme changes nothing but the colour variables of style.css (its
// @media (prefers-color-scheme: dark) block): a page is checked with every
// rule in the light theme and with these in the dark, where the other
// rules would only repeat the light theme's answers.
var colourRules = []string{"color-contrast", "link-in-text-block"}
