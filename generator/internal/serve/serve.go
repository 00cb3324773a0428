// Package serve is the editors' live preview: it keeps the site in memory,
// serves it over HTTP on a loopback address, watches the content and
// templates folders, rebuilds on every change, and tells open pages to
// reload.
//
// How it works:
//
//   - Builds go through the same steps as "generator build" (content,
//     site, render) but write nothing: the pages are rendered when a
//     browser asks for them (Preview), from the model of the last
//     good build. The base URL is the server's own address, so every link
//     of the site works locally.
//   - A rebuild does only what an edit needs: content.LoadMetaCached reads
//     again only the files whose size or time changed, and keeps the text
//     of every file as it read it, so a page shows the body its front
//     matter came from; site.Build parses only their bodies and those that
//     show a picture file whose size or time changed (Options.Reuse), and
//     the templates are parsed again
//     only when something in their folder changed. The checks across
//     files run every time, so the preview reports what a build would.
//     Then the pages of the changed documents are rendered once to find
//     template errors; after a template change, every page is. Changes
//     within Debounce of each other make one rebuild.
//   - Each HTML page it serves gets two extra tags before </head>: the
//     stylesheet and the script of the preview (/_serve/reload.css and
//     /_serve/reload.js). The pages are otherwise the same as "generator
//     build" writes, but for the search index's address, which has no hash
//     (PreviewIndex). The script listens to /_serve/events
//     (server-sent events): "reload" after a good build, "problems" with
//     the problems of a failed one (its warnings too), which it shows
//     over the page in the same path:line:col: message form as the
//     command line, each with the lines of its file around it (problems.go),
//     and "warnings" with a good build's warnings, shown the same way in
//     a quieter panel. The log prints warnings and problems alike.
//   - A failed build changes nothing that is served: the last good site
//     stays, under the overlay. Until the first good build, every page is
//     a list of the problems.
//   - No path of a request is read from disk: every address is looked up
//     among the site's pages and files (the pictures the pages show are
//     read from the content folder with the other files that are not
//     pages, once per build), and paths with ".." are refused rather than
//     cleaned.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"

	"explainer/generator/internal/build"
	"explainer/generator/internal/content"
	"explainer/generator/internal/diag"
	"explainer/generator/internal/markdown"
	"explainer/generator/internal/search"
	"explainer/generator/internal/site"
)

// Debounce is how long the server waits after a change for more changes
// before it rebuilds: saving a file often makes several events, within a
// millisecond or two. A save caught half done is handled by ProblemDelay.
const Debounce = 5 * time.Millisecond

// Options say what to serve.
type Options struct {
	Addr      string // host:port to listen on; port 0 picks a free one
	Content   string // the content folder
	Templates string // the templates folder
	Drafts    bool   // show pages marked draft: true
	// Log receives a line per build, and every problem and warning.
	Log io.Writer
}

// Server is a running preview.
type Server struct {
	opt     Options
	ln      net.Listener
	base    string // the site's base URL: the server's address
	http    *http.Server
	mu      sync.Mutex
	state   state
	pending []problem // the problems of a failed build not shown yet
	clients map[chan event]bool

	// What the next rebuild can reuse; only the rebuilding goroutine
	// touches it.
	reuse    build.Reuse
	texts    *texts                  // every body's text, for the search index
	docs     map[string]*content.Doc // the documents of the last good build
	warnings []*diag.Error           // the last good build's
}

// state is the outcome of the latest build.
type state struct {
	build    int       // how many good builds there were
	site     *Preview  // the site served; nil before the first good build
	problems []problem // the latest build's problems; nil if it succeeded
	warnings []problem // the warnings of the build served
}

// texts keeps the text of every body, by document, for the search index:
// a rebuild parses only the bodies that changed.
type texts struct {
	mu sync.Mutex
	m  map[*content.Doc]string
}

func (t *texts) add(e *site.Entry, text string) {
	s := markdown.CollapseSpace(text) // folded: it is kept
	t.mu.Lock()
	t.m[e.Doc] = s
	t.mu.Unlock()
}

// New listens on opt.Addr and builds the site once. The build's problems,
// if any, are shown on every page until an edit fixes them.
func New(opt Options) (*Server, error) {
	if opt.Log == nil {
		opt.Log = io.Discard
	}
	s := &Server{
		opt: opt, clients: make(map[chan event]bool),
		texts: &texts{m: make(map[*content.Doc]string)},
	}
	ln, err := net.Listen("tcp", opt.Addr)
	if err != nil {
		return nil, err
	}
	s.ln = ln
	s.base = "http://" + ln.Addr().String() + "/"
	s.http = &http.Server{
		Handler: s.handler(),
		// A preview serves small files to one person: a client slower than
		// this is stuck or hostile. The event streams lift the write
		// deadline for themselves (events.go).
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    32 << 10,
	}
	if !s.rebuild(true) {
		s.showProblems()
	}
	return s, nil
}

// URL is the address of the site's root.
func (s *Server) URL() string { return s.base }

// Serve serves HTTP and rebuilds on changes until ctx is done or the
// server is closed.
func (s *Server) Serve(ctx context.Context) error {
	w, err := newWatcher(s.opt.Content, s.opt.Templates)
	if err != nil {
		return err
	}
	defer w.Close()
	// Serve returns only once the watcher has stopped, so a rebuild in
	// progress is never cut short by Close.
	var watching sync.WaitGroup
	defer watching.Wait()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	watching.Go(func() { s.watch(ctx, w) })
	context.AfterFunc(ctx, func() { s.http.Close() })
	err = s.http.Serve(s.ln)
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}

// Close stops the server. Call it after Serve has returned, or instead
// of Serve.
func (s *Server) Close() error {
	return s.http.Close()
}

// ProblemDelay is how long the problems of a failed rebuild wait for
// another change before they are shown. An editor's save can be caught
// half done (a file emptied and not yet written), which fails to build
// and is followed within milliseconds by the change that completes it; a
// good build is shown at once.
const ProblemDelay = 150 * time.Millisecond

// rebuild builds the site; themeChanged says that something in the
// templates folder changed. A good build is served and the open pages
// reload at once; a failed one's problems wait in pending for
// showProblems. It reports whether the build was good.
func (s *Server) rebuild(themeChanged bool) bool {
	start := time.Now()
	s.reuse.ThemeChanged = s.reuse.ThemeChanged || themeChanged
	pv, err := s.build()
	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil {
		s.pending = problems(err)
		return false
	}
	s.pending = nil
	s.state = state{build: s.state.build + 1, site: pv}
	if len(s.warnings) > 0 {
		s.state.warnings = withContext(s.warnings)
	}
	for _, w := range s.state.warnings {
		fmt.Fprintln(s.opt.Log, w.Text)
	}
	fmt.Fprintf(s.opt.Log, "built in %v\n", time.Since(start).Round(time.Millisecond))
	s.broadcast(event{"reload", strconv.Itoa(s.state.build)})
	return true
}

// showProblems shows the problems of the last build, if it failed, on the
// open pages (and on every page, before the first good build).
func (s *Server) showProblems() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.pending == nil {
		return
	}
	s.state.problems, s.pending = s.pending, nil
	for _, p := range s.state.problems {
		fmt.Fprintln(s.opt.Log, p.Text)
	}
	fmt.Fprintf(s.opt.Log, "build failed; still serving the last good site\n")
	s.broadcast(problemsEvent("problems", s.state.problems))
}

// build makes the site from what changed since the last build, through
// the same stages as "generator build" (build.Load), and keeps it in
// memory: the pages are made when they are asked for.
func (s *Server) build() (*Preview, error) {
	m, err := build.Load(build.LoadOptions{
		Content: s.opt.Content, Templates: s.opt.Templates, BaseURL: s.base, Drafts: s.opt.Drafts,
		Text: s.texts.add, Reuse: &s.reuse,
	})
	if err != nil {
		return nil, err
	}
	st, set := m.Site, m.Set
	texts := s.texts.snapshot(set)
	pv := NewPreview(st, m.Theme, m.Markdown, func() *search.Site {
		x := search.NewSite(st.Config, m.Synonyms)
		st.Each(func(e *site.Entry) { x.Add(e, texts[e.Doc]) })
		return x
	})
	changed, docs := s.changed(set)
	if s.reuse.ThemeUnchecked {
		changed = nil // every page
	}
	if err := pv.Check(changed); err != nil {
		return nil, err
	}
	s.docs, s.reuse.ThemeUnchecked = docs, false
	s.warnings = st.Warnings
	return pv, nil
}

// changed returns the names of the documents that are new or changed since
// the last good build, and set's documents by name.
func (s *Server) changed(set *content.Set) (map[string]bool, map[string]*content.Doc) {
	out := make(map[string]bool)
	docs := make(map[string]*content.Doc, len(set.Docs))
	for _, d := range set.Docs {
		docs[d.Name] = d
		if s.docs[d.Name] != d {
			out[d.Name] = true
		}
	}
	return out, docs
}

// snapshot returns the texts of set's documents, and forgets the others.
func (t *texts) snapshot(set *content.Set) map[*content.Doc]string {
	t.mu.Lock()
	defer t.mu.Unlock()
	keep := make(map[*content.Doc]string, len(set.Docs))
	for _, d := range set.Docs {
		if text, ok := t.m[d]; ok {
			keep[d] = text
		}
	}
	t.m = keep
	return maps.Clone(keep)
}
