package serve

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/licensure/licensure/internal/netlify"
)

// TestServeChecksHost sends requests over loopback with the Host headers
// a browser would send, from the preview's own address and from a page
// of another site whose name resolves to this machine.
func TestServeChecksHost(t *testing.T) {
	base, _ := start(t, site(t))
	port := base[strings.LastIndex(base, ":")+1:]
	for _, tc := range []struct {
		host string
		want int
	}{
		{"127.0.0.1:" + port, 200},
		{"localhost:" + port, 200},
		{"LOCALHOST:" + port, 200},
		{"[::1]:" + port, 200},
		{"127.0.0.1", 200},
		{"evil.example:" + port, 403},
		{"evil.example", 403},
		{"localhost.evil.example:" + port, 403},
		{"192.168.1.20:" + port, 403},
	} {
		t.Run(tc.host, func(t *testing.T) {
			req, err := http.NewRequest("GET", base+"/licenses/oh-rcp/", nil)
			if err != nil {
				t.Fatal(err)
			}
			req.Host = tc.host
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tc.want {
				t.Fatalf("Host %q: %d, want %d", tc.host, resp.StatusCode, tc.want)
			}
			if tc.want == 403 && strings.Contains(string(body), "Respiratory") {
				t.Error("a refused request got the page")
			}
			for _, h := range netlify.SecurityHeaders() {
				if got := resp.Header.Get(h.Name); got != h.Value {
					t.Errorf("%s: %q, want %q", h.Name, got, h.Value)
				}
			}
			if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors 'none'") {
				t.Errorf("CSP %q lets other sites frame the preview", csp)
			}
		})
	}
}

// TestServeRedirectsOnlyWithinSite asks for folders without their final
// slash, with the slash encoded in front: the redirect must stay on the
// site, never name another host as "//licenses/" would.
func TestServeRedirectsOnlyWithinSite(t *testing.T) {
	base, _ := start(t, site(t))
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for path, want := range map[string]string{
		"/%2Flicenses":        "/licenses/",
		"/%2F%2Flicenses":     "/licenses/",
		"/licenses/oh-rcp":    "/licenses/oh-rcp/",
		"/%2Flicenses/oh-rcp": "/licenses/oh-rcp/",
	} {
		resp, err := client.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if loc := resp.Header.Get("Location"); resp.StatusCode/100 == 3 && loc != want {
			t.Errorf("GET %s redirects to %q, want %q", path, loc, want)
		}
	}
}

// TestServeClosesIdleConnections opens a connection, makes one request
// and then says nothing: the server must close it.
func TestServeClosesIdleConnections(t *testing.T) {
	prev := idleTimeout
	idleTimeout = 200 * time.Millisecond
	t.Cleanup(func() { idleTimeout = prev })
	base, _ := start(t, site(t))
	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := io.WriteString(conn, "GET /robots.txt HTTP/1.1\r\nHost: localhost\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	r := bufio.NewReader(conn)
	resp, err := http.ReadResponse(r, nil)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	conn.SetReadDeadline(time.Now().Add(30 * time.Second))
	if _, err := r.ReadByte(); err != io.EOF {
		t.Errorf("idle connection: read %v, want the server to close it", err)
	}
}
