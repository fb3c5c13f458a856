package serve

import (
	"bytes"
	_ "embed"
	"fmt"
	"mime"
	"net/http"
	"path"
	"strings"
)

//go:embed live.js
var liveJS []byte

//go:embed live.css
var liveCSS []byte

// injected goes before </head> of every HTML page served in this mode.
var injected = []byte(`<link rel="stylesheet" href="/_licensure/live.css"><script src="/_licensure/live.js" defer></script>`)

// Handler serves the site and the live-reload endpoints.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /_licensure/events", s.serveEvents)
	mux.HandleFunc("GET /_licensure/live.js", asset("text/javascript; charset=utf-8", liveJS))
	mux.HandleFunc("GET /_licensure/live.css", asset("text/css; charset=utf-8", liveCSS))
	mux.HandleFunc("GET /", s.serveSite)
	return mux
}

func asset(ctype string, data []byte) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", ctype)
		w.Header().Set("Cache-Control", "no-store")
		_, _ = w.Write(data)
	}
}

// serveSite answers from the in-memory site. Paths are looked up as keys,
// never joined to a folder on disk, so "..", encoded dots and symbolic
// links cannot reach anything outside the site.
func (s *Server) serveSite(w http.ResponseWriter, r *http.Request) {
	site := s.site.Load()
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if site == nil {
		http.Error(w, "the site has not built yet: "+s.currentProblem(), http.StatusServiceUnavailable)
		return
	}
	name, ok := sitePath(r.URL.Path)
	if !ok {
		s.notFound(w, site)
		return
	}
	data, found, err := site.Lookup(name)
	if err != nil {
		fmt.Fprintf(s.log, "licensure: %v\n", err)
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	if found {
		s.write(w, name, data, http.StatusOK)
		return
	}
	if _, dir := site.File(name + "/index.html"); dir {
		// From the clean name, not the request's path: "/%2Flicenses"
		// must not become "//licenses/", a link to another host.
		http.Redirect(w, r, "/"+name+"/", http.StatusMovedPermanently)
		return
	}
	s.notFound(w, site)
}

// sitePath maps a URL path to a file of the site: "/" is index.html and
// "/x/" is x/index.html. It refuses anything that does not name a file
// inside the site.
func sitePath(p string) (string, bool) {
	if strings.ContainsAny(p, "\\\x00") || strings.Contains(p, "..") {
		return "", false
	}
	clean := path.Clean("/" + p)
	if strings.HasSuffix(p, "/") {
		clean = strings.TrimSuffix(clean, "/") + "/index.html"
	}
	return strings.TrimPrefix(clean, "/"), true
}

func (s *Server) notFound(w http.ResponseWriter, site interface{ File(string) ([]byte, bool) }) {
	if data, ok := site.File("404.html"); ok {
		s.write(w, "404.html", data, http.StatusNotFound)
		return
	}
	http.NotFound(w, nil)
}

func (s *Server) write(w http.ResponseWriter, name string, data []byte, status int) {
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ctype)
	if strings.HasPrefix(ctype, "text/html") {
		data = inject(data)
	}
	w.WriteHeader(status)
	_, _ = w.Write(data)
}

// inject adds the live-reload script and stylesheet to an HTML page.
func inject(page []byte) []byte {
	i := bytes.Index(page, []byte("</head>"))
	if i < 0 {
		return page
	}
	out := make([]byte, 0, len(page)+len(injected))
	out = append(out, page[:i]...)
	out = append(out, injected...)
	return append(out, page[i:]...)
}
