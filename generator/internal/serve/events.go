package serve

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
)

// event is one server-sent event.
type event struct {
	name, data string
}

func reloadEvent(build int) event { return event{"reload", strconv.Itoa(build)} }

func problemsEvent(problems []string) event {
	data, _ := json.Marshal(problems)
	return event{"problems", string(data)}
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
// from), or "problems".
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming is not supported", http.StatusInternalServerError)
		return
	}
	c := make(chan event, 16)
	s.mu.Lock()
	s.clients[c] = true
	first := event{"ready", strconv.Itoa(s.state.build)}
	if s.state.problems != nil {
		first = problemsEvent(s.state.problems)
	}
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.clients, c)
		s.mu.Unlock()
	}()

	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	send := func(ev event) bool {
		_, err := fmt.Fprintf(w, "event: %s\ndata: %s\n\n", ev.name, ev.data)
		flusher.Flush()
		return err == nil
	}
	if !send(first) {
		return
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
