// Package serve is the editor's live preview: it builds the site in
// memory, serves it on loopback, watches content/, templates/ and static/,
// and after every save brings the site up to date (package live renders
// only the affected pages) and tells open browser tabs to reload, through
// server-sent events and a small script injected into HTML responses in
// this mode only.
//
// A content error is printed to the terminal and shown over the page in
// the browser, with its file:line:col; the last good build keeps being
// served until the content is fixed. Only files of the built site are
// served: the site lives in memory, so no request can reach the disk.
package serve

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/licensure/licensure/internal/build"
	"github.com/licensure/licensure/internal/diag"
	"github.com/licensure/licensure/internal/live"
)

// Server serves the last good build and pushes reloads to browsers.
type Server struct {
	builder *live.Builder
	site    atomic.Pointer[live.Site]
	events  *broker
	log     io.Writer

	mu      sync.Mutex
	problem string // the diagnostics of a failed update, or ""

	building sync.Mutex // one update at a time: the builder is not concurrent

	public bool // answer requests for any host name
}

// New builds the site once and returns a server for it. The error is
// non-nil when the first build fails for another reason than content
// errors; with content errors, the server starts and shows them.
func New(ctx context.Context, opts build.Options, log io.Writer) (*Server, error) {
	s := &Server{builder: live.New(opts), events: newBroker(), log: log}
	res, err := s.builder.Full(ctx)
	if err := s.apply(res, err); err != nil {
		return nil, err
	}
	return s, nil
}

// apply records the outcome of a build: the new site, or the problem.
func (s *Server) apply(res *live.Result, err error) error {
	if res != nil && res.Diags != nil {
		_ = res.Diags.Print(s.log, "text")
	}
	switch {
	case err == nil:
		s.site.Store(res.Site)
		s.setProblem("")
		how := "graph resolved"
		if res.Patched {
			how = "license patched in place"
		}
		fmt.Fprintf(s.log, "updated in %s, %s (%d rendered pages kept; the rest render on request)\n", res.Duration.Round(time.Microsecond), how, res.Kept)
		s.events.send(event{name: "reload", data: "{}"})
	case res != nil && res.Diags != nil && res.Diags.Errors() > 0:
		s.setProblem(errorsText(res.Diags))
		s.events.send(event{name: "problem", data: s.problemJSON()})
	default:
		s.setProblem(err.Error())
		s.events.send(event{name: "problem", data: s.problemJSON()})
		if s.site.Load() == nil {
			return err
		}
		fmt.Fprintf(s.log, "licensure: %v\n", err)
	}
	return nil
}

func errorsText(l *diag.List) string {
	var b []byte
	for _, d := range l.Items() {
		if d.Severity == diag.Error {
			b = append(b, d.String()...)
			b = append(b, '\n')
		}
	}
	return string(b)
}

func (s *Server) setProblem(p string) {
	s.mu.Lock()
	s.problem = p
	s.mu.Unlock()
}

func (s *Server) currentProblem() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.problem
}

// Update rebuilds after the files changed (paths relative to the site
// root) and notifies the browsers.
func (s *Server) Update(ctx context.Context, changed []string) {
	s.building.Lock()
	defer s.building.Unlock()
	res, err := s.builder.Update(ctx, changed)
	if aerr := s.apply(res, err); aerr != nil {
		fmt.Fprintf(s.log, "licensure: %v\n", aerr)
	}
}

// ListenAndServe serves on addr until ctx is done, watching root for
// changes. It refuses an address that is not on loopback unless public is
// set.
func (s *Server) ListenAndServe(ctx context.Context, addr, root string, public bool) error {
	ln, err := Listen(addr, public)
	if err != nil {
		return err
	}
	s.public = public
	fmt.Fprintf(s.log, "serving on http://%s/ (Ctrl-C to stop)\n", ln.Addr())
	return s.Run(ctx, ln, root)
}

// Run serves on ln and rebuilds on every change below root, until ctx is
// done.
func (s *Server) Run(ctx context.Context, ln net.Listener, root string) error {
	w, err := watch(root)
	if err != nil {
		ln.Close()
		return err
	}
	defer w.Close()
	go w.loop(ctx, func(changed []string) { s.Update(ctx, changed) })
	return s.Serve(ctx, ln)
}

// Listen opens addr, which must be on loopback unless public is set.
func Listen(addr string, public bool) (net.Listener, error) {
	if err := CheckAddr(addr, public); err != nil {
		return nil, err
	}
	return net.Listen("tcp", addr)
}

// Serve serves HTTP on ln until ctx is done. Unless the server is public,
// it answers only requests addressed to localhost or to ln's host.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           guard(ln.Addr(), s.public, s.Handler()),
		ReadHeaderTimeout: readHeaderTimeout,
		IdleTimeout:       idleTimeout,
	}
	go func() {
		<-ctx.Done()
		s.events.close()
		shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdown)
	}()
	if err := srv.Serve(ln); err != http.ErrServerClosed {
		return err
	}
	return nil
}
