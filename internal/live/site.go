package live

import (
	"maps"
	"sync"
)

// Site is an immutable snapshot of a built site in memory, keyed by
// slash-separated path such as "licenses/x/index.html".
type Site struct {
	files map[string][]byte
}

// File returns the file at path.
func (s *Site) File(path string) ([]byte, bool) {
	b, ok := s.files[path]
	return b, ok
}

// Len counts the files.
func (s *Site) Len() int { return len(s.files) }

// Paths returns every path, in no particular order.
func (s *Site) Paths() []string {
	out := make([]string, 0, len(s.files))
	for p := range s.files {
		out = append(out, p)
	}
	return out
}

// memWriter collects files as the renderer writes them; it is safe for
// concurrent use.
type memWriter struct {
	mu    sync.Mutex
	files map[string][]byte
}

func newMemWriter(base map[string][]byte) *memWriter {
	files := maps.Clone(base)
	if files == nil {
		files = map[string][]byte{}
	}
	return &memWriter{files: files}
}

func (w *memWriter) WriteFile(name string, data []byte) error {
	b := make([]byte, len(data))
	copy(b, data)
	w.mu.Lock()
	w.files[name] = b
	w.mu.Unlock()
	return nil
}

func (w *memWriter) site() *Site { return &Site{files: w.files} }
