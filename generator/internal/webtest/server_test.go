package webtest

import (
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
)

// serve serves the output folder out under prefix ("/explainer/" or "/")
// on a loopback port the way GitHub Pages serves a site: a folder's
// index.html for its address, a redirect to add the slash a folder's
// address lacks, and 404.html with status 404 for any address that has no
// file. The listener is opened by the caller first (the build needs its
// port); serve closes it when the test ends.
func serve(t *testing.T, ln net.Listener, out, prefix string) {
	t.Helper()
	srv := &http.Server{Handler: pagesHandler(out, prefix)}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
}

// listen opens a loopback listener on a free port.
func listen(t *testing.T) net.Listener {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	return ln
}

func pagesHandler(out, prefix string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rel, ok := strings.CutPrefix(r.URL.Path, prefix)
		if !ok {
			// Outside the project: another site's address.
			http.Error(w, "not this site", http.StatusNotFound)
			return
		}
		name := filepath.Join(out, filepath.FromSlash(path.Clean("/"+rel)))
		fi, err := os.Stat(name)
		if err == nil && fi.IsDir() {
			if !strings.HasSuffix(r.URL.Path, "/") {
				http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
				return
			}
			name = filepath.Join(name, "index.html")
			_, err = os.Stat(name)
		}
		status := http.StatusOK
		if err != nil {
			name, status = filepath.Join(out, "404.html"), http.StatusNotFound
		}
		data, err := os.ReadFile(name)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		ctype := map[string]string{
			".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
			".js": "text/javascript; charset=utf-8", ".xml": "application/xml",
			".txt": "text/plain; charset=utf-8", ".png": "image/png", ".svg": "image/svg+xml",
		}[path.Ext(name)]
		if ctype != "" {
			w.Header().Set("Content-Type", ctype)
		}
		w.WriteHeader(status)
		w.Write(data)
	})
}
