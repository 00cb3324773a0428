// Package serve is the editors' live preview: it builds the site into a
// private folder, serves it over HTTP on a loopback address, watches the
// content and templates folders, rebuilds on every change, and tells open
// pages to reload.
//
// How it works:
//
//   - Builds go through build.Run, the same as "generator build", into a
//     folder of its own (a temporary folder unless Options.Out says
//     otherwise), never into public/. The base URL is the server's own
//     address, so every link of the site works locally.
//   - Every change rebuilds the whole site: a rebuild of the real site takes
//     about a tenth of a second (BenchmarkRebuild), less than it takes an
//     editor to look from the text to the browser. Changes within Debounce
//     of each other make one build.
//   - Each HTML page it serves gets two extra tags before </head>: the
//     stylesheet and the script of the preview (/_serve/reload.css and
//     /_serve/reload.js). The built files themselves are the same as
//     "generator build" writes. The script listens to /_serve/events
//     (server-sent events): "reload" after a good build, "problems" with
//     the problems of a failed one, which it shows over the page in the
//     same path:line:col: message form as the command line.
//   - A failed build changes nothing that is served: the last good site
//     stays, under the overlay. Until the first good build, every page is
//     a list of the problems.
//   - Only files inside the output folder are served: paths with ".."
//     are refused, and files are opened through an os.Root, which does not
//     follow links out of it either.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"time"

	"explainer/generator/internal/build"
	"explainer/generator/internal/diag"
)

// Debounce is how long the server waits after a change for more changes
// before it rebuilds: saving a file often makes several events.
const Debounce = 80 * time.Millisecond

// Options say what to serve.
type Options struct {
	Addr      string // host:port to listen on; port 0 picks a free one
	Content   string // the content folder
	Templates string // the templates folder
	Drafts    bool   // show pages marked draft: true
	// Out is the folder the site is built into; "" makes a temporary one,
	// removed by Close.
	Out string
	// Log receives a line per build.
	Log io.Writer
}

// Server is a running preview.
type Server struct {
	opt     Options
	ln      net.Listener
	base    string // the site's base URL: the server's address
	tmp     string // the temporary folder to remove, if any
	http    *http.Server
	mu      sync.Mutex
	state   state
	clients map[chan event]bool
}

// state is the outcome of the latest build.
type state struct {
	build    int      // how many good builds there were
	good     bool     // whether a good site is being served
	problems []string // the latest build's problems; nil if it succeeded
}

// New listens on opt.Addr and builds the site once. The build's problems,
// if any, are shown on every page until an edit fixes them.
func New(opt Options) (*Server, error) {
	if opt.Log == nil {
		opt.Log = io.Discard
	}
	s := &Server{opt: opt, clients: make(map[chan event]bool)}
	if s.opt.Out == "" {
		tmp, err := os.MkdirTemp("", "explainer-serve-")
		if err != nil {
			return nil, err
		}
		s.tmp = tmp
		s.opt.Out = filepath.Join(tmp, "site")
	}
	ln, err := net.Listen("tcp", opt.Addr)
	if err != nil {
		s.removeTemp()
		return nil, err
	}
	s.ln = ln
	s.base = "http://" + ln.Addr().String() + "/"
	s.http = &http.Server{Handler: s.handler(), ReadHeaderTimeout: 10 * time.Second}
	s.rebuild()
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
	defer w.close()
	go s.watch(ctx, w)
	go func() {
		<-ctx.Done()
		s.http.Close()
	}()
	err = s.http.Serve(s.ln)
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}

// Close stops the server and removes its temporary folder.
func (s *Server) Close() error {
	err := s.http.Close()
	s.removeTemp()
	return err
}

func (s *Server) removeTemp() {
	if s.tmp != "" {
		os.RemoveAll(s.tmp)
	}
}

// rebuild builds the site and tells the open pages.
func (s *Server) rebuild() {
	start := time.Now()
	_, err := build.Run(build.Options{
		Content: s.opt.Content, Templates: s.opt.Templates, Out: s.opt.Out,
		BaseURL: s.base, Drafts: s.opt.Drafts,
	})
	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil {
		s.state.problems = problems(err)
		for _, p := range s.state.problems {
			fmt.Fprintln(s.opt.Log, p)
		}
		fmt.Fprintf(s.opt.Log, "build failed; still serving the last good site\n")
		s.broadcast(problemsEvent(s.state.problems))
		return
	}
	s.state.build++
	s.state.good = true
	s.state.problems = nil
	fmt.Fprintf(s.opt.Log, "built in %v\n", time.Since(start).Round(time.Millisecond))
	s.broadcast(reloadEvent(s.state.build))
}

// problems lists a failed build's problems as the command line prints them.
func problems(err error) []string {
	es := diag.AsList(err)
	if es == nil {
		return []string{err.Error()}
	}
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.Error()
	}
	return out
}
