package serve

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
)

// event is one server-sent event.
type event struct {
	name, data string
}

// broker fans events out to every connected browser tab.
type broker struct {
	mu      sync.Mutex
	clients map[chan event]bool
	closed  bool
}

func newBroker() *broker { return &broker{clients: map[chan event]bool{}} }

func (b *broker) subscribe() (chan event, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return nil, false
	}
	c := make(chan event, 4)
	b.clients[c] = true
	return c, true
}

func (b *broker) unsubscribe(c chan event) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.clients[c] {
		delete(b.clients, c)
		close(c)
	}
}

// send delivers e to every client, dropping it for a client too slow to
// take it (it will get the next one).
func (b *broker) send(e event) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for c := range b.clients {
		select {
		case c <- e:
		default:
		}
	}
}

func (b *broker) close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.closed = true
	for c := range b.clients {
		delete(b.clients, c)
		close(c)
	}
}

// serveEvents streams events to one browser tab.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	c, ok := s.events.subscribe()
	if !ok {
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	}
	defer s.events.unsubscribe(c)
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	fmt.Fprint(w, "retry: 500\n\n")
	if s.currentProblem() != "" {
		writeEvent(w, event{name: "problem", data: s.problemJSON()})
	}
	flusher.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case e, ok := <-c:
			if !ok {
				return
			}
			writeEvent(w, e)
			flusher.Flush()
		}
	}
}

func writeEvent(w http.ResponseWriter, e event) {
	fmt.Fprintf(w, "event: %s\ndata: %s\n\n", e.name, e.data)
}

func (s *Server) problemJSON() string {
	b, _ := json.Marshal(map[string]string{"problem": s.currentProblem()})
	return string(b)
}
