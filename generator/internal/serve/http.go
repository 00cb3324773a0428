package serve

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"slices"
	"strings"
)

//go:embed reload.js
var reloadJS []byte

//go:embed reload.css
var reloadCSS []byte

// Prefix is the folder of the preview's own addresses, which no page of
// the site uses.
const Prefix = "/_serve/"

func (s *Server) handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+Prefix+"reload.js", static(reloadJS, "text/javascript; charset=utf-8"))
	mux.HandleFunc("GET "+Prefix+"reload.css", static(reloadCSS, "text/css; charset=utf-8"))
	mux.HandleFunc("GET "+Prefix+"events", s.events)
	files := http.HandlerFunc(s.serveFile)
	// Not through the mux for site files: it would clean "/../x" into
	// "/x" and redirect, hiding what was asked.
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, Prefix) {
			mux.ServeHTTP(w, r)
			return
		}
		files.ServeHTTP(w, r)
	})
}

func static(data []byte, ctype string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", ctype)
		w.Header().Set("Cache-Control", "no-store")
		w.Write(data)
	}
}

// serveFile serves a file of the site, a folder's index.html, and the
// site's 404.html for anything else.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	s.mu.Lock()
	st := s.state
	s.mu.Unlock()
	if st.site == nil {
		s.problemPage(w, st, http.StatusServiceUnavailable)
		return
	}
	name, ok := siteName(r.URL.Path)
	if !ok {
		s.notFound(w, st)
		return
	}
	data, isDir, found, err := st.site.File(name)
	switch {
	case err != nil:
		st.problems = problems(err)
		s.problemPage(w, st, http.StatusInternalServerError)
		return
	case !found:
		s.notFound(w, st)
		return
	case isDir && !strings.HasSuffix(r.URL.Path, "/"):
		http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
		return
	}
	if isDir {
		name = path.Join(name, "index.html")
	}
	s.write(w, http.StatusOK, name, data, st)
}

// siteName turns a URL path into the name of a file of the site. It
// refuses any path with a ".." segment (%2e%2e arrives here decoded) or a
// backslash, rather than cleaning it into another path.
func siteName(p string) (string, bool) {
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return "", false
	}
	if slices.Contains(strings.Split(p, "/"), "..") {
		return "", false
	}
	name := strings.TrimPrefix(path.Clean(p), "/")
	if name == "" {
		name = "."
	}
	return name, fs.ValidPath(name)
}

func (s *Server) notFound(w http.ResponseWriter, st state) {
	data, _, found, err := st.site.File("404.html")
	if err != nil || !found {
		http.NotFound(w, nil)
		return
	}
	s.write(w, http.StatusNotFound, "404.html", data, st)
}

// write sends a file, with the preview's tags in an HTML page.
func (s *Server) write(w http.ResponseWriter, code int, name string, data []byte, st state) {
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = http.DetectContentType(data)
	}
	if strings.HasPrefix(ctype, "text/html") {
		data = inject(data, st.build)
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	w.Write(data)
}

// inject puts the preview's stylesheet and script into an HTML page, before
// </head>. The script is a file of the site's own origin, which the
// pages' Content-Security-Policy (script-src 'self') allows.
func inject(page []byte, build int) []byte {
	tags := fmt.Sprintf(`<link rel="stylesheet" href="%sreload.css"><script src="%sreload.js" data-build="%d" defer></script>`, Prefix, Prefix, build)
	i := bytes.Index(page, []byte("</head>"))
	if i < 0 {
		return page
	}
	return slices.Concat(page[:i], []byte(tags), page[i:])
}

var problemTmpl = template.Must(template.New("problems").Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Build failed · 빌드 실패</title>
</head>
<body>
<h1>The site could not be built · 사이트를 만들지 못했습니다</h1>
<p>Fix these problems; this page reloads by itself. · 아래 문제를 고치면 이 페이지가 저절로 다시 열립니다.</p>
{{range .}}<section class="serve-problem{{if .Warning}} serve-warning{{end}}">
<pre>{{.Text}}</pre>
{{if .Lines}}<pre class="serve-context">{{range .Lines}}{{if .Mark}}&gt;{{else}} {{end}}{{printf "%5d" .Num}} | {{.Text}}
{{end}}</pre>{{end}}
</section>
{{end}}</body>
</html>
`))

// problemPage is every page until the first good build, and a page that
// could not be made.
func (s *Server) problemPage(w http.ResponseWriter, st state, code int) {
	var b bytes.Buffer
	if err := problemTmpl.Execute(&b, st.problems); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	w.Write(inject(b.Bytes(), st.build))
}
