package serve

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestReloadConnectionsDoNotLeak opens and drops hundreds of event streams,
// as closing and reopening many tabs would, and checks that every one of
// them is let go: the open streams return to none and the goroutine count
// to where it was.
func TestReloadConnectionsDoNotLeak(t *testing.T) {
	content, templates := testSite(t)
	s := start(t, Options{Content: content, Templates: templates})
	host := strings.TrimSuffix(strings.TrimPrefix(s.URL(), "http://"), "/")
	get(t, s.URL()+"en/") // warm the server's own goroutines up
	base := settledGoroutines(0)

	const rounds, perRound = 3, 100
	for range rounds {
		var wg sync.WaitGroup
		conns := make(chan net.Conn, perRound)
		for range perRound {
			wg.Go(func() {
				c, err := net.Dial("tcp", host)
				if err != nil {
					t.Error(err)
					return
				}
				c.SetDeadline(time.Now().Add(10 * time.Second))
				io.WriteString(c, "GET /_serve/events HTTP/1.1\r\nHost: "+host+"\r\n\r\n")
				// Wait for the first event, so the stream is really open.
				r := bufio.NewReader(c)
				for {
					line, err := r.ReadString('\n')
					if err != nil {
						t.Errorf("stream ended before its first event: %v", err)
						c.Close()
						return
					}
					if strings.HasPrefix(line, "event: ") {
						break
					}
				}
				conns <- c
			})
		}
		wg.Wait()
		close(conns)
		if n := openStreams(s); n != perRound {
			t.Fatalf("%d streams open, want %d", n, perRound)
		}
		for c := range conns {
			c.Close()
		}
		// The server learns of a closed stream a moment later, when the
		// request's context ends; wait for this round's streams to go
		// before counting the next round's.
		if n := waitStreams(s, 0); n != 0 {
			t.Fatalf("%d streams still registered after every page went away", n)
		}
	}
	if n := settledGoroutines(base); n > base+5 {
		t.Errorf("%d goroutines after %d streams came and went, %d before", n, rounds*perRound, base)
	}
}

// settledGoroutines waits for the goroutine count to come down to want (or
// to stop changing) and returns it.
func settledGoroutines(want int) int {
	n := runtime.NumGoroutine()
	for range 100 {
		time.Sleep(20 * time.Millisecond)
		m := runtime.NumGoroutine()
		if m <= want || (want == 0 && m == n) {
			return m
		}
		n = m
	}
	return n
}

// waitStreams waits up to ten seconds for the open streams to come to want
// and returns their number.
func waitStreams(s *Server, want int) int {
	deadline := time.Now().Add(10 * time.Second)
	for openStreams(s) != want && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	return openStreams(s)
}

func openStreams(s *Server) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.clients)
}

// TestTooManyStreams checks that the server refuses event streams beyond
// its bound rather than holding a goroutine for each.
func TestTooManyStreams(t *testing.T) {
	content, templates := testSite(t)
	s := start(t, Options{Content: content, Templates: templates})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	for range maxClients {
		subscribeCtx(t, ctx, s)
	}
	resp, err := http.Get(s.URL() + "_serve/events")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("stream %d: status %d, want 503", maxClients+1, resp.StatusCode)
	}
	if code, _ := get(t, s.URL()+"en/"); code != http.StatusOK {
		t.Errorf("pages must still be served with every stream taken: status %d", code)
	}
}

func subscribeCtx(t *testing.T, ctx context.Context, s *Server) {
	t.Helper()
	req, _ := http.NewRequestWithContext(ctx, "GET", s.URL()+"_serve/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	go func() { io.Copy(io.Discard, resp.Body); resp.Body.Close() }()
}

// TestConcurrentRequests fetches pages from many clients at once.
func TestConcurrentRequests(t *testing.T) {
	content, templates := testSite(t)
	s := start(t, Options{Content: content, Templates: templates})
	var wg sync.WaitGroup
	for i := range 200 {
		wg.Go(func() {
			page := []string{"en/", "ko/", "en/barriers/beef/", "404-nothing/"}[i%4]
			resp, err := http.Get(s.URL() + page)
			if err != nil {
				t.Error(err)
				return
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if want := map[bool]int{true: 404, false: 200}[page == "404-nothing/"]; resp.StatusCode != want {
				t.Errorf("GET %s: %d, want %d", page, resp.StatusCode, want)
			}
		})
	}
	wg.Wait()
}

// TestRefusesOddPaths checks what cannot be read through the preview:
// NUL bytes, absolute file paths, and names of files in the content
// folder, which is not served as files.
func TestRefusesOddPaths(t *testing.T) {
	content, templates := testSite(t)
	dir := filepath.Dir(content)
	secret := "TOP SECRET"
	write(t, filepath.Join(dir, "secret.txt"), secret)
	s := start(t, Options{Content: content, Templates: templates})
	host := strings.TrimSuffix(strings.TrimPrefix(s.URL(), "http://"), "/")
	for _, p := range []string{
		"/site.yaml",
		"/barriers/beef.en.md",
		"/en/%00/../../secret.txt",
		"/secret.txt%00.html",
		"//" + filepath.ToSlash(filepath.Join(dir, "secret.txt")),
		"/" + filepath.ToSlash(filepath.Join(dir, "secret.txt")),
		"http://" + host + "/../secret.txt",
	} {
		status, body := rawGet(t, host, p)
		if strings.Contains(body, secret) || strings.HasPrefix(status, "HTTP/1.1 200") {
			t.Errorf("GET %s: %s; leaks the file: %v", p, status, strings.Contains(body, secret))
		}
	}
}

// TestSlowHeadersAreCut checks that a client that never finishes its
// request header is disconnected rather than held forever.
func TestSlowHeadersAreCut(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for the header timeout")
	}
	// Five seconds of waiting, spent beside the browser test's instead of
	// after it.
	t.Parallel()
	content, templates := testSite(t)
	s := start(t, Options{Content: content, Templates: templates})
	c, err := net.Dial("tcp", strings.TrimSuffix(strings.TrimPrefix(s.URL(), "http://"), "/"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	io.WriteString(c, "GET / HTTP/1.1\r\nHost: x\r\n") // and never the blank line
	c.SetReadDeadline(time.Now().Add(s.http.ReadHeaderTimeout + 5*time.Second))
	start := time.Now()
	_, err = io.ReadAll(c)
	if err != nil {
		t.Fatalf("the connection was still open after %v: %v", time.Since(start), err)
	}
}
