package serve

import (
	"fmt"
	"net/http"
	"strconv"
	"time"
)

// maxClients bounds the open event streams: each holds a goroutine and a
// connection, and a preview has a handful of tabs, not hundreds.
const maxClients = 256

// event is one server-sent event.
type event struct {
	name, data string
}

// broadcast sends ev to every open page. s.mu must be held. A page too slow
// to take it misses it; it gets the state again when it reconnects.
func (s *Server) broadcast(ev event) {
	for c := range s.clients {
		select {
		case c <- ev:
		default:
		}
	}
}

// events streams the build events to one open page. It starts with the
// current state: "ready" with the number of the good build being served
// (the script reloads its page if that is not the build the page came
// from), followed by "warnings" if that build had any, or "problems".
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming is not supported", http.StatusInternalServerError)
		return
	}
	c := make(chan event, 16)
	s.mu.Lock()
	if len(s.clients) >= maxClients {
		s.mu.Unlock()
		w.Header().Set("Retry-After", "5")
		http.Error(w, "too many open pages", http.StatusServiceUnavailable)
		return
	}
	s.clients[c] = true
	evs := []event{{"ready", strconv.Itoa(s.state.build)}}
	if s.state.problems != nil {
		evs[0] = problemsEvent("problems", s.state.problems)
	} else if s.state.warnings != nil {
		evs = append(evs, problemsEvent("warnings", s.state.warnings))
	}
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.clients, c)
		s.mu.Unlock()
	}()

	// The stream lasts as long as the page is open: no write deadline. A
	// page that goes away ends it through the request's context.
	if err := http.NewResponseController(w).SetWriteDeadline(time.Time{}); err != nil {
		http.Error(w, "streaming is not supported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	send := func(ev event) bool {
		_, err := fmt.Fprintf(w, "event: %s\ndata: %s\n\n", ev.name, ev.data)
		flusher.Flush()
		return err == nil
	}
	for _, ev := range evs {
		if !send(ev) {
			return
		}
	}
	for {
		select {
		case <-r.Context().Done():
			return
		case ev := <-c:
			if !send(ev) {
				return
			}
		}
	}
}
