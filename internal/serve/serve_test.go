package serve

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/licensure/licensure/internal/build"
	"github.com/licensure/licensure/internal/sitetest"
)

// site writes the small test site, with the repository's templates and
// static files, into a temporary root.
func site(t testing.TB) string {
	t.Helper()
	root := t.TempDir()
	for name, data := range sitetest.Base() {
		write(t, filepath.Join(root, "content", name), data)
	}
	for _, dir := range []string{"templates", "static"} {
		if err := os.CopyFS(filepath.Join(root, dir), os.DirFS(filepath.Join("../..", dir))); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func write(t testing.TB, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// start serves root on a loopback port and returns its base URL.
func start(t testing.TB, root string) (string, *Server) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	srv, err := New(ctx, build.Dirs(root, "", ""), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := Listen("127.0.0.1:0", false)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- srv.Run(ctx, ln, root) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
	})
	return "http://" + ln.Addr().String(), srv
}

func get(t testing.TB, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// events connects to the event stream and returns a function that waits
// for the next event of a name and returns its data.
func events(t testing.TB, base string) func(name string) string {
	t.Helper()
	resp, err := http.Get(base + "/_licensure/events")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	lines := make(chan string, 64)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	return func(name string) string {
		timeout := time.After(10 * time.Second)
		for {
			select {
			case l, ok := <-lines:
				if !ok {
					t.Fatalf("event stream closed waiting for %q", name)
				}
				if l == "event: "+name {
					return strings.TrimPrefix(<-lines, "data: ")
				}
			case <-timeout:
				t.Fatalf("no %q event", name)
			}
		}
	}
}

func TestServeReloadsAndShowsErrors(t *testing.T) {
	root := site(t)
	base, _ := start(t, root)
	next := events(t, base)
	page := base + "/licenses/oh-rcp/"
	code, body := get(t, page)
	if code != 200 || !strings.Contains(body, "Respiratory Care Professional") || !strings.Contains(body, `<script src="/_licensure/live.js" defer></script></head>`) {
		t.Fatalf("first page: %d\n%s", code, body)
	}
	lic := filepath.Join(root, "content", "licenses", "oh-rcp.yaml")
	src, _ := os.ReadFile(lic)
	write(t, lic, strings.Replace(string(src), "Respiratory Care Professional", "Respiratory Care Practitioner", 1))
	next("reload")
	if _, body := get(t, page); !strings.Contains(body, "Respiratory Care Practitioner") {
		t.Error("the edit is not served after the reload event")
	}

	write(t, lic, strings.Replace(string(src), "board: oh-board", "board: oh-bord", 1))
	problem := next("problem")
	if !strings.Contains(problem, `content/licenses/oh-rcp.yaml:4:8: unknown board \"oh-bord\"`) {
		t.Errorf("problem event %s", problem)
	}
	if code, body := get(t, page); code != 200 || !strings.Contains(body, "Respiratory Care Practitioner") {
		t.Errorf("the last good build is not served: %d", code)
	}
	if _, js := get(t, base+"/_licensure/live.js"); !strings.Contains(js, "licensure-problem") {
		t.Error("the live script does not show problems")
	}
	write(t, lic, string(src))
	next("reload")
}

func TestServeOnlySiteFiles(t *testing.T) {
	base, _ := start(t, site(t))
	for _, tc := range []struct {
		path string
		want int
	}{
		{"/", 200},
		{"/licenses/oh-rcp/", 200},
		{"/licenses/nope/", 404},
		{"/../../../../etc/passwd", 404},
		{"/%2e%2e/%2e%2e/etc/passwd", 404},
		{"/licenses/%2e%2e%2f%2e%2e%2fetc/passwd", 404},
		{"/licenses/..%5c..%5cetc/passwd", 404},
		{"/content/site.yaml", 404},
		{"/templates/base.html", 404},
	} {
		t.Run(tc.path, func(t *testing.T) {
			resp, err := http.Get(base + tc.path)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tc.want {
				t.Errorf("GET %s: %d, want %d", tc.path, resp.StatusCode, tc.want)
			}
		})
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(base + "/licenses/oh-rcp")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != "/licenses/oh-rcp/" {
		t.Errorf("no redirect to the pretty URL: %d %q", resp.StatusCode, resp.Header.Get("Location"))
	}
}

// TestServeUnderLoadDuringRebuild sends 200 concurrent requests while the
// site rebuilds; every one must get the page.
func TestServeUnderLoadDuringRebuild(t *testing.T) {
	base, srv := start(t, site(t))
	var wg sync.WaitGroup
	errs := make(chan string, 200)
	for i := range 200 {
		wg.Go(func() {
			paths := []string{"/", "/licenses/oh-rcp/", "/states/oh/", "/boards/oh-board/"}
			resp, err := http.Get(base + paths[i%len(paths)])
			if err != nil {
				errs <- err.Error()
				return
			}
			resp.Body.Close()
			if resp.StatusCode != 200 {
				errs <- resp.Status
			}
		})
		if i%50 == 0 {
			wg.Go(func() { srv.Update(context.Background(), []string{"templates/base.html"}) })
		}
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestListenRefusesOtherInterfaces(t *testing.T) {
	if _, err := Listen("0.0.0.0:0", false); err == nil || !strings.Contains(err.Error(), "not on loopback") {
		t.Errorf("Listen on all interfaces: %v", err)
	}
	ln, err := Listen("[::1]:0", false)
	if err != nil {
		// A machine without IPv6 cannot listen on ::1 at all; that failure
		// comes from the system, not from the loopback check.
		var opErr *net.OpError
		noIPv6 := errors.Is(err, syscall.EADDRNOTAVAIL) || errors.Is(err, syscall.EAFNOSUPPORT)
		if !errors.As(err, &opErr) || opErr.Op != "listen" || !noIPv6 {
			t.Errorf("Listen on ::1: %v", err)
		}
		return
	}
	ln.Close()
}
