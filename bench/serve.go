package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// The serve measurement starts "generator serve" on a corpus, waits for its
// first build, then saves one entry several times, each time waiting for
// the build that follows and then asking for the entry's page until it
// shows the edit. The time is from the save to that page: what an editor
// waits for, the file watcher, its debounce and the page's rendering
// included.

// hasServe reports whether the generator has a serve command.
func hasServe(generator string) bool {
	return exec.Command(generator, "serve", "-h").Run() == nil
}

// serveRebuild measures edits rebuilds of the corpus under serve.
func (h *harness) serveRebuild(corpus, templates string, edits int) ([]time.Duration, error) {
	cmd := exec.Command(h.generator, "serve", "-addr", "127.0.0.1:0", "-content", corpus, "-templates", templates)
	// serve prints its builds on stderr and its address on stdout.
	out, w := io.Pipe()
	cmd.Stdout, cmd.Stderr = w, w
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	defer func() {
		cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { cmd.Wait(); w.Close(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			<-done
		}
	}()
	builds := make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if l := sc.Text(); strings.Contains(l, "built in") || strings.Contains(l, "build failed") || strings.HasPrefix(l, "serving ") {
				builds <- l
			}
		}
		close(builds)
	}()
	timeout := h.serveTimeout
	if timeout == 0 {
		timeout = 10 * time.Minute
	}
	// wait waits for a line that contains what, and returns it.
	wait := func(what string) (string, error) {
		for {
			select {
			case l, ok := <-builds:
				switch {
				case !ok:
					return "", errors.New("serve stopped")
				case strings.Contains(l, "build failed"):
					return "", fmt.Errorf("serve: %s", l)
				case strings.Contains(l, what):
					return l, nil
				}
			case <-time.After(timeout):
				return "", fmt.Errorf("serve: no %q within %v", what, timeout)
			}
		}
	}
	// The server watches the folders once it serves the first build; the
	// pause lets the watcher settle before the first save.
	line, err := wait("serving ")
	if err != nil {
		return nil, err
	}
	base, _, _ := strings.Cut(strings.TrimPrefix(line, "serving the site at "), ",")
	if !strings.HasPrefix(base, "http://") {
		return nil, fmt.Errorf("serve: no address in %q", line)
	}
	time.Sleep(500 * time.Millisecond)
	entry := filepath.Join(corpus, "barriers", slugOf(0)+".en.md")
	page := base + "en/barriers/" + slugOf(0) + "/"
	var times []time.Duration
	for i := range edits {
		f, err := os.OpenFile(entry, os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			return nil, err
		}
		start := time.Now()
		_, err = fmt.Fprintf(f, "\nEdited %d.\n", i+1)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return nil, err
		}
		if _, err := wait("built in"); err != nil {
			return nil, err
		}
		if err := waitForPage(page, fmt.Sprintf("Edited %d.", i+1), timeout); err != nil {
			return nil, err
		}
		times = append(times, time.Since(start))
	}
	return times, nil
}

// waitForPage asks for the page at url until it holds text.
func waitForPage(url, text string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		resp, err := http.Get(url)
		if err != nil {
			return err
		}
		b, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			return err
		}
		if strings.Contains(string(b), text) {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("serve: %s does not show %q after %v", url, text, timeout)
		}
		time.Sleep(time.Millisecond)
	}
}
