package browsertest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/licensure/licensure/internal/build"
)

// root is the repository, seen from this package's folder.
const root = "../.."

// axePath is the axe-core script that `npm ci --prefix .ci/browser` installs.
var axePath = filepath.Join(root, ".ci", "browser", "node_modules", "axe-core", "axe.min.js")

const enableHint = "to run them: apt-get install chromium; npm ci --prefix .ci/browser"

// tabTimeout bounds everything one tab does, so that a hung page fails its
// test instead of the whole binary's timeout.
const tabTimeout = 90 * time.Second

// suite is what every browser test shares: one build of the site, one
// server and one browser. It is made on first use and closed by TestMain.
type suite struct {
	site    string // the built site's folder
	baseURL string // the server's address, http://127.0.0.1:PORT
	axe     string // the axe-core source

	server        *httptest.Server
	browser       context.Context // a chromedp context whose browser is started
	cancelBrowser context.CancelFunc
	cancelAlloc   context.CancelFunc
	tmp           string
}

var (
	shared     *suite
	sharedErr  error
	sharedOnce sync.Once
)

func TestMain(m *testing.M) {
	code := m.Run()
	if shared != nil {
		shared.close()
	}
	os.Exit(code)
}

// chromiumPath finds the browser: LICENSURE_CHROMIUM, then
// /usr/bin/chromium, then chromium on PATH.
func chromiumPath() (string, error) {
	if p := os.Getenv("LICENSURE_CHROMIUM"); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("LICENSURE_CHROMIUM=%s: %w", p, err)
		}
		return p, nil
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium", nil
	}
	p, err := exec.LookPath("chromium")
	if err != nil {
		return "", errors.New("no Chromium: /usr/bin/chromium is missing and chromium is not on PATH (or set LICENSURE_CHROMIUM)")
	}
	return p, nil
}

// requirements reports what the browser tests lack, or nil.
func requirements() (chromium string, err error) {
	var missing []string
	chromium, cerr := chromiumPath()
	if cerr != nil {
		missing = append(missing, cerr.Error())
	}
	if _, err := os.Stat(axePath); err != nil {
		missing = append(missing, "no axe-core: "+filepath.ToSlash(axePath)+" is missing")
	}
	if len(missing) > 0 {
		return "", errors.New(strings.Join(missing, "; "))
	}
	return chromium, nil
}

// setup returns the shared suite. When Chromium or axe-core is missing it
// skips the test, or fails it when the environment variable CI is set.
func setup(t testing.TB) *suite {
	t.Helper()
	chromium, err := requirements()
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("browser tests cannot run on CI: %v; %s", err, enableHint)
		}
		t.Skipf("browser tests skipped: %v; %s", err, enableHint)
	}
	sharedOnce.Do(func() { shared, sharedErr = newSuite(chromium) })
	if sharedErr != nil {
		t.Fatal(sharedErr)
	}
	return shared
}

func newSuite(chromium string) (_ *suite, err error) {
	s := &suite{}
	defer func() {
		if err != nil {
			s.close()
		}
	}()
	s.tmp, err = os.MkdirTemp("", "licensure-browsertest-")
	if err != nil {
		return nil, err
	}
	axe, err := os.ReadFile(axePath)
	if err != nil {
		return nil, err
	}
	s.axe = string(axe)

	// Build the shipped site once.
	s.site = filepath.Join(s.tmp, "public")
	res, err := build.Build(context.Background(), build.Dirs(root, "", s.site))
	if err != nil {
		var diags strings.Builder
		if res != nil && res.Diags != nil && len(res.Diags.Items()) > 0 {
			diags.WriteString("\n")
			res.Diags.Print(&diags, "text")
		}
		return nil, fmt.Errorf("building the shipped site: %v%s", err, diags.String())
	}

	// httptest listens on 127.0.0.1:0.
	s.server = httptest.NewServer(siteHandler(s.site))
	s.baseURL = s.server.URL

	// One browser for every test; each test opens its own tabs. chromedp
	// gives the browser a fresh --user-data-dir of its own and removes it
	// when the allocator is cancelled. The proxy is a closed loopback
	// port: Chrome never proxies loopback addresses, so the site loads,
	// while a request to anywhere else fails at once instead of leaving
	// the machine (the tests still see it in the network events and
	// fail); no host name but localhost resolves either.
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.ProxyServer("http://127.0.0.1:9"),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"),
		chromedp.WindowSize(1280, 800),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	s.cancelAlloc = cancelAlloc
	s.browser, s.cancelBrowser = chromedp.NewContext(allocCtx)
	start, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	started := make(chan error, 1)
	go func() { started <- chromedp.Do(s.browser) }()
	select {
	case err = <-started:
	case <-start.Done():
		err = start.Err()
	}
	if err != nil {
		return nil, fmt.Errorf("starting %s: %w", chromium, err)
	}
	return s, nil
}

func (s *suite) close() {
	if s.cancelBrowser != nil {
		s.cancelBrowser()
	}
	if s.cancelAlloc != nil {
		s.cancelAlloc()
	}
	if s.server != nil {
		s.server.Close()
	}
	if s.tmp != "" {
		os.RemoveAll(s.tmp)
	}
}

// siteHandler serves the built site as a static host would, with 404.html
// for paths that are not there.
func siteHandler(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := filepath.Join(dir, filepath.FromSlash(path.Clean("/"+r.URL.Path)))
		fi, err := os.Stat(name)
		if err == nil && fi.IsDir() {
			_, err = os.Stat(filepath.Join(name, "index.html"))
		}
		if err != nil {
			body, rerr := os.ReadFile(filepath.Join(dir, "404.html"))
			if rerr != nil {
				http.NotFound(w, r)
				return
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			w.Write(body)
			return
		}
		files.ServeHTTP(w, r)
	})
}

// onSite reports whether a URL the page requested stays on this machine:
// an http(s) URL on a loopback host, or a URL with no host at all (data:,
// blob:, about:).
func onSite(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	switch u.Scheme {
	case "data", "blob", "about":
		return true
	case "http", "https", "ws", "wss":
		host := u.Hostname()
		if host == "localhost" {
			return true
		}
		ip := net.ParseIP(host)
		return ip != nil && ip.IsLoopback()
	}
	return false
}

// tab is one browser tab with a watch on what its pages do: every request
// that leaves the site, every uncaught JavaScript exception and every
// failed subresource is recorded and fails the test that opened it.
type tab struct {
	s   *suite
	ctx context.Context // bounded by tabTimeout

	mu       sync.Mutex
	urls     map[network.RequestID]string // of the requests seen, for messages
	offsite  []string
	problems []string
}

// scheme is a colour scheme to emulate: "light" or "dark".
type scheme string

const (
	light scheme = "light"
	dark  scheme = "dark"
)

// newTab opens a tab in the shared browser, emulating the colour scheme,
// and closes it when the test ends.
func (s *suite) newTab(t testing.TB, cs scheme) *tab {
	t.Helper()
	tb := &tab{s: s, urls: map[network.RequestID]string{}}
	ctx, cancel := chromedp.NewContext(s.browser, chromedp.WithListener(tb.listen))
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	tctx, tcancel := context.WithTimeout(ctx, tabTimeout)
	t.Cleanup(tcancel)
	tb.ctx = tctx
	if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: string(cs)}},
	}); err != nil {
		t.Fatalf("emulating prefers-color-scheme: %s: %v", cs, err)
	}
	if !eval[bool](t, tb, fmt.Sprintf(`matchMedia('(prefers-color-scheme: %s)').matches`, cs)) {
		t.Fatalf("the tab does not prefer the %s colour scheme", cs)
	}
	t.Cleanup(func() { tb.check(t) })
	return tb
}

// listen runs in the tab's event loop: it must be quick and send nothing.
func (tb *tab) listen(ev any) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		if ev.Request != nil {
			tb.urls[ev.RequestID] = ev.Request.URL
		}
		if ev.Request != nil && !onSite(ev.Request.URL) {
			tb.offsite = append(tb.offsite, fmt.Sprintf("%s (from %s)", ev.Request.URL, ev.DocumentURL))
		}
	case *network.EventResponseReceived:
		// A document's status is the test's to check (404.html is meant
		// to be one); a subresource must load.
		if ev.Response != nil && ev.Response.Status >= 400 && ev.Type != network.ResourceTypeDocument {
			tb.problems = append(tb.problems, fmt.Sprintf("%s: HTTP %d", ev.Response.URL, ev.Response.Status))
		}
	case *network.EventLoadingFailed:
		if !ev.Canceled {
			tb.problems = append(tb.problems, fmt.Sprintf("%s: %s", tb.urls[ev.RequestID], ev.ErrorText))
		}
	case *runtime.EventExceptionThrown:
		if d := ev.ExceptionDetails; d != nil {
			text := d.Text
			if d.Exception != nil && d.Exception.Description != "" {
				text += " " + d.Exception.Description
			}
			tb.problems = append(tb.problems, fmt.Sprintf("uncaught exception at %s:%d:%d: %s", d.URL, d.LineNumber+1, d.ColumnNumber+1, text))
		}
	}
}

// check fails t for what the tab recorded since the last check.
func (tb *tab) check(t testing.TB) {
	t.Helper()
	tb.mu.Lock()
	offsite, problems := tb.offsite, tb.problems
	tb.offsite, tb.problems = nil, nil
	clear(tb.urls)
	tb.mu.Unlock()
	for _, u := range offsite {
		t.Errorf("a request left the site: %s", u)
	}
	for _, p := range problems {
		t.Errorf("page problem: %s", p)
	}
}

// visit loads a path of the site and returns the HTTP status of the
// document.
func (tb *tab) visit(t testing.TB, p string) int64 {
	t.Helper()
	resp, err := chromedp.Run(tb.ctx, chromedp.NavigateResponse(tb.s.baseURL+p))
	if err != nil {
		t.Fatalf("loading %s: %v", p, err)
	}
	if resp == nil {
		t.Fatalf("loading %s: no response", p)
	}
	return resp.Status
}

// mustVisit loads a path and requires HTTP 200.
func (tb *tab) mustVisit(t testing.TB, p string) {
	t.Helper()
	if status := tb.visit(t, p); status != http.StatusOK {
		t.Fatalf("%s: HTTP %d, want 200", p, status)
	}
}

// eval evaluates JavaScript in the tab's page and decodes its value.
func eval[T any](t testing.TB, tb *tab, js string, opts ...chromedp.EvaluateOption) T {
	t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](js, opts...))
	if err != nil {
		t.Fatalf("evaluating %.80q: %v", js, err)
	}
	return v
}

// do runs actions in the tab.
func (tb *tab) do(t testing.TB, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(tb.ctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// waitFor polls a JavaScript predicate until it is true.
func (tb *tab) waitFor(t testing.TB, what, predicate string) {
	t.Helper()
	_, err := chromedp.Run(tb.ctx, chromedp.Poll[chromedp.Void](predicate,
		chromedp.WithPollingInterval(25*time.Millisecond), chromedp.WithPollingTimeout(10*time.Second)))
	if err != nil {
		t.Fatalf("waiting for %s: %v", what, err)
	}
}
