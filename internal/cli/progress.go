package cli

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// progressDelay is how long a build runs before it shows progress: short
// builds stay quiet.
const progressDelay = time.Second

// progress prints the build's stage and page count on one terminal line,
// redrawn at most ten times a second, once the build has run for a second.
type progress struct {
	w     io.Writer
	start time.Time
	mu    sync.Mutex
	last  time.Time
	shown bool
}

// newProgress returns a progress printer for stderr, or nil when stderr is
// not a terminal or the build runs in CI, where a redrawn line only
// clutters the log.
func newProgress(stderr io.Writer) *progress {
	f, ok := stderr.(*os.File)
	if !ok || os.Getenv("CI") != "" {
		return nil
	}
	if info, err := f.Stat(); err != nil || info.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	return &progress{w: stderr, start: time.Now()}
}

// report is the build's progress callback.
func (p *progress) report(stage string, done, total int) {
	now := time.Now()
	p.mu.Lock()
	defer p.mu.Unlock()
	if now.Sub(p.start) < progressDelay || now.Sub(p.last) < 100*time.Millisecond {
		return
	}
	p.last, p.shown = now, true
	if total > 0 {
		fmt.Fprintf(p.w, "\r\033[K%s: %d of %d pages", stage, done, total)
	} else {
		fmt.Fprintf(p.w, "\r\033[K%s", stage)
	}
}

// clear erases the progress line before the summary is printed.
func (p *progress) clear() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
