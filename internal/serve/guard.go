package serve

import (
	"fmt"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/licensure/licensure/internal/netlify"
)

// Timeouts of the preview's connections: a client that sends no request
// header, or keeps an idle connection open, is cut off.
var (
	readHeaderTimeout = 10 * time.Second
	idleTimeout       = 60 * time.Second
)

// CheckAddr returns why addr cannot be served on, or nil: it must be a
// host and port, and on loopback unless public is set.
func CheckAddr(addr string, public bool) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("address %q: %w", addr, err)
	}
	if ip := net.ParseIP(host); !public && host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("address %q is not on loopback; pass --public to serve on other interfaces", addr)
	}
	return nil
}

// guard refuses, with 403, a request whose Host header names neither
// localhost nor the address the server listens on, unless public is set:
// a page on another site whose name has been made to resolve to this
// machine (DNS rebinding) cannot read the preview. Every response carries
// the published site's security headers.
func guard(listen net.Addr, public bool, next http.Handler) http.Handler {
	own, _, _ := net.SplitHostPort(listen.String())
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for _, h := range netlify.SecurityHeaders() {
			w.Header().Set(h.Name, h.Value)
		}
		if !public && !allowedHost(r.Host, own) {
			http.Error(w, "this preview answers only requests for localhost or "+listen.String(), http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// allowedHost reports whether the Host header host names localhost, a
// loopback address, or the host own the server listens on.
func allowedHost(host, own string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if strings.EqualFold(host, "localhost") || host == own {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
