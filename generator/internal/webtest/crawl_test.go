package webtest

import (
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"path"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// crawler follows every address of a site served on a loopback port.
type crawler struct {
	origin *url.URL // http://127.0.0.1:PORT
	base   string   // the site's path: "/explainer/" or "/"
	// badHost is the host of the content's configured base_url: a build
	// for another address must not point there.
	badHost  string
	client   *http.Client
	seen     map[string]*resource // by address without fragment
	queue    []string
	links    []link
	problems []string
}

// resource is one fetched address.
type resource struct {
	status int
	final  string // after redirects
	ctype  string
	body   []byte
	ids    map[string]bool // fragment targets, for HTML
}

type link struct{ from, to string }

// The crawl stops after this many addresses, so a generator bug that makes
// endless addresses ends the test instead of hanging it.
const maxFetches = 5000

func newCrawler(origin, base, badHost string) *crawler {
	o, _ := url.Parse(origin)
	return &crawler{
		origin: o, base: base, badHost: badHost,
		client: &http.Client{Timeout: 10 * time.Second},
		seen:   make(map[string]*resource),
	}
}

func (c *crawler) problem(format string, args ...any) {
	c.problems = append(c.problems, fmt.Sprintf(format, args...))
}

// ref records that the address from points to raw, and queues raw for the
// crawl if it is on this site.
func (c *crawler) ref(from, raw string) {
	target, ok := c.resolve(from, raw)
	if !ok {
		return
	}
	c.links = append(c.links, link{from, target.String()})
	key := withoutFragment(target)
	if _, ok := c.seen[key]; !ok {
		c.seen[key] = nil
		c.queue = append(c.queue, key)
	}
}

// resolve turns raw, found on page from, into an absolute address on this
// site; ok is false for other sites and for what is not a web address.
func (c *crawler) resolve(from, raw string) (*url.URL, bool) {
	fu, _ := url.Parse(from)
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		c.problem("%s: bad address %q: %v", from, raw, err)
		return nil, false
	}
	abs := fu.ResolveReference(u)
	switch abs.Scheme {
	case "http", "https":
	case "mailto", "tel", "data":
		return nil, false
	default:
		c.problem("%s: address %q has scheme %q", from, raw, abs.Scheme)
		return nil, false
	}
	if abs.Host != c.origin.Host {
		if abs.Hostname() == c.badHost {
			c.problem("%s: %q points to the configured base URL's host, not to the address the site was built for", from, raw)
		}
		return nil, false
	}
	if !strings.HasPrefix(abs.Path, c.base) {
		c.problem("%s: %q is outside the site's path %s", from, raw, c.base)
	}
	return abs, true
}

func withoutFragment(u *url.URL) string {
	v := *u
	v.Fragment, v.RawFragment = "", ""
	return v.String()
}

// crawl fetches every queued address and what it points to.
func (c *crawler) crawl(start ...string) {
	for _, s := range start {
		c.ref(s, s)
	}
	for n := 0; len(c.queue) > 0; n++ {
		if n == maxFetches {
			c.problem("stopped after %d addresses", maxFetches)
			return
		}
		addr := c.queue[0]
		c.queue = c.queue[1:]
		r := c.fetch(addr)
		c.seen[addr] = r
		if r.status != http.StatusOK {
			continue
		}
		for _, raw := range c.refsOf(addr, r) {
			c.ref(r.final, raw)
		}
	}
}

func (c *crawler) fetch(addr string) *resource {
	resp, err := c.client.Get(addr)
	if err != nil {
		c.problem("GET %s: %v", addr, err)
		return &resource{}
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		c.problem("GET %s: %v", addr, err)
	}
	ctype, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	r := &resource{status: resp.StatusCode, final: resp.Request.URL.String(), ctype: ctype, body: body}
	if !strings.HasPrefix(resp.Request.URL.Path, c.base) {
		c.problem("GET %s ended outside the site, at %s", addr, r.final)
	}
	return r
}

// refsOf lists the addresses inside a fetched resource, by its type.
func (c *crawler) refsOf(addr string, r *resource) []string {
	switch r.ctype {
	case "text/html":
		doc, err := parseHTML(r.body)
		if err != nil {
			c.problem("%s: %v", addr, err)
			return nil
		}
		r.ids = elementIDs(doc)
		return htmlRefs(doc)
	case "application/xml":
		refs, err := xmlRefs(r.body)
		if err != nil {
			c.problem("%s: not well-formed XML: %v", addr, err)
		}
		return refs
	case "text/css":
		return cssRefs(r.body)
	case "text/plain":
		if strings.HasSuffix(addr, "/robots.txt") {
			return robotsRefs(r.body)
		}
	}
	return nil
}

// checkLinks reports every link to an address that did not load, and
// every #fragment its page does not have.
func (c *crawler) checkLinks() {
	reported := make(map[string]bool)
	for _, l := range c.links {
		u, _ := url.Parse(l.to)
		r := c.seen[withoutFragment(u)]
		switch {
		case r == nil:
			// Not fetched: the crawl was cut short, already reported.
		case r.status != http.StatusOK:
			if !reported[l.to] {
				c.problem("%s: link to %s: status %d", l.from, l.to, r.status)
				reported[l.to] = true
			}
		case u.Fragment != "" && !r.ids[u.Fragment]:
			c.problem("%s: link to %s: the page has no element with id %q", l.from, l.to, u.Fragment)
		}
	}
}

// checkAllReached reports every file of the output folder that no link
// led to. 404.html is reached through a missing address instead, and
// hidden files (.nojekyll) are for GitHub Pages and tools, not for readers.
func (c *crawler) checkAllReached(t *testing.T, out string) {
	site := c.origin.String() + c.base
	for _, f := range files(t, out) {
		if f == "404.html" || strings.HasPrefix(path.Base(f), ".") {
			continue
		}
		addr := site + strings.TrimSuffix(f, "index.html")
		if r := c.seen[addr]; r == nil || r.status != http.StatusOK {
			c.problem("%s: no link leads to it (%s)", f, addr)
		}
	}
}

// checkNotFound requests a missing address and checks that the server
// answers 404 with the site's 404 page, and that everything that page
// points to loads from that address.
func (c *crawler) checkNotFound(addr string) {
	r := c.fetch(addr)
	if r.status != http.StatusNotFound || r.ctype != "text/html" {
		c.problem("GET %s: status %d, type %q; want 404 and the 404 page", addr, r.status, r.ctype)
		return
	}
	doc, err := parseHTML(r.body)
	if err != nil {
		c.problem("%s: %v", addr, err)
		return
	}
	var stylesheets int
	walk(doc, func(n *html.Node) {
		if rel, _ := attr(n, "rel"); n.Data == "link" && rel == "stylesheet" {
			stylesheets++
		}
	})
	if stylesheets == 0 {
		c.problem("%s: the 404 page has no stylesheet", addr)
	}
	ids := elementIDs(doc)
	for _, raw := range htmlRefs(doc) {
		if frag, ok := strings.CutPrefix(raw, "#"); ok {
			if !ids[frag] {
				c.problem("404 page at %s: no element with id %q", addr, frag)
			}
			continue
		}
		u, ok := c.resolve(addr, raw)
		if !ok {
			continue
		}
		if got := c.fetch(withoutFragment(u)); got.status != http.StatusOK {
			c.problem("404 page at %s: %q resolves to %s: status %d", addr, raw, u, got.status)
		}
	}
}

func (c *crawler) report(t *testing.T) {
	t.Helper()
	slices.Sort(c.problems)
	for _, p := range slices.Compact(c.problems) {
		t.Error(p)
	}
}

// crawlSite builds the site for the base path prefix, serves it there the
// way GitHub Pages would, and crawls it.
func crawlSite(t *testing.T, dir, prefix string) {
	ln := listen(t)
	origin := "http://" + ln.Addr().String()
	out := buildSite(t, dir, origin+prefix)
	serve(t, ln, out, prefix)

	c := newCrawler(origin, prefix, configuredHost(t, dir))
	site := origin + prefix
	c.crawl(site, site+"robots.txt")
	c.checkLinks()
	c.checkAllReached(t, out)
	for _, missing := range []string{"no/such/page/", "en/barriers/no-such-barrier/deeper/", "missing.html"} {
		c.checkNotFound(site + missing)
	}
	if r := c.fetch(site + ".nojekyll"); r.status != http.StatusOK {
		c.problem("%s.nojekyll: status %d", site, r.status)
	}
	c.report(t)

	pages := 0
	for _, r := range c.seen {
		if r != nil && r.ctype == "text/html" {
			pages++
		}
	}
	if pages < 10 {
		t.Errorf("crawled only %d pages; the site has more", pages)
	}
	t.Logf("%s: crawled %d addresses, %d pages, %d links", site, len(c.seen), pages, len(c.links))
}

// TestCrawlSubpath serves the site as a GitHub Pages project site, under
// /explainer/, and follows every link, asset and #fragment.
func TestCrawlSubpath(t *testing.T) {
	eachContent(t, func(t *testing.T, dir string) { crawlSite(t, dir, "/explainer/") })
}

// TestCrawlRoot serves the site at the root of its host, as on a custom
// domain.
func TestCrawlRoot(t *testing.T) {
	eachContent(t, func(t *testing.T, dir string) { crawlSite(t, dir, "/") })
}
