package browsertest

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"explainer/generator/internal/build"

	"golang.org/x/tools/txtar"
)

var contentFlag = flag.String("content", "", "the content `folder` to build (default $EXPLAINER_CONTENT, then the repository's content/ when complete, then testdata/site.txtar)")

const (
	repoRoot  = "../../.."
	basePath  = "/explainer/"
	templates = repoRoot + "/templates"
)

// The site under test, built once in TestMain.
var (
	server  *httptest.Server
	outDir  string
	result  *build.Result
	fixture bool // built from testdata/site.txtar
)

func TestMain(m *testing.M) {
	flag.Parse()
	// The tests mostly wait for Chromium, whose tabs work in processes of
	// their own: more tabs at once than Go's default (one a core) keep
	// the cores busy. -parallel on the command line still decides.
	parallelSet := false
	flag.Visit(func(f *flag.Flag) { parallelSet = parallelSet || f.Name == "test.parallel" })
	if !parallelSet {
		flag.Set("test.parallel", strconv.Itoa(2*runtime.GOMAXPROCS(0)))
	}
	tmp, err := os.MkdirTemp("", "browsertest-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := 1
	if err := buildSite(tmp); err != nil {
		fmt.Fprintln(os.Stderr, "browsertest: cannot build the site:", err)
	} else {
		code = m.Run()
	}
	stopBrowser()
	if server != nil {
		server.Close()
	}
	os.RemoveAll(tmp)
	os.Exit(code)
}

// buildSite builds the content into tmp/public and serves it below basePath.
func buildSite(tmp string) error {
	dir, err := contentDir(tmp)
	if err != nil {
		return err
	}
	outDir = filepath.Join(tmp, "public")
	server = httptest.NewServer(http.HandlerFunc(serve))
	result, err = build.Run(build.Options{
		Content: dir, Templates: templates, Out: outDir,
		BaseURL: server.URL + basePath,
	})
	return err
}

// contentDir picks the content to build (see the package doc).
func contentDir(tmp string) (string, error) {
	if *contentFlag != "" {
		return *contentFlag, nil
	}
	if d := os.Getenv("EXPLAINER_CONTENT"); d != "" {
		return d, nil
	}
	real := filepath.Join(repoRoot, "content")
	complete := true
	for _, l := range []string{"en", "ko"} {
		if _, err := os.Stat(filepath.Join(real, "summary."+l+".md")); err != nil {
			complete = false
		}
	}
	if complete {
		return real, nil
	}
	fixture = true
	return extract("testdata/site.txtar", filepath.Join(tmp, "content"))
}

func extract(archive, dir string) (string, error) {
	a, err := txtar.ParseFile(archive)
	if err != nil {
		return "", err
	}
	for _, f := range a.Files {
		name := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return "", err
		}
		if err := os.WriteFile(name, f.Data, 0o644); err != nil {
			return "", err
		}
	}
	return dir, nil
}

// serve answers as GitHub Pages does: the files below basePath, a folder by
// its index.html, and 404.html with status 404 for anything else.
//
// It also serves axe-core at axeURL, outside the site, for the axe checks.
func serve(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == axeURL {
		data, err := os.ReadFile(axeFile())
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "max-age=3600")
		w.Write(data)
		return
	}
	rel, ok := strings.CutPrefix(r.URL.Path, basePath)
	if !ok {
		http.NotFound(w, r)
		return
	}
	name := filepath.Join(outDir, filepath.FromSlash(rel))
	if st, err := os.Stat(name); err == nil && st.IsDir() {
		if !strings.HasSuffix(r.URL.Path, "/") {
			http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
			return
		}
		name = filepath.Join(name, "index.html")
	}
	data, err := os.ReadFile(name)
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrInvalid) {
		data, _ = os.ReadFile(filepath.Join(outDir, "404.html"))
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		w.Write(data)
		return
	}
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(data))
}

// pagePaths lists the address (below basePath) of every HTML page built,
// sorted: "", "404.html", "en/", "en/barriers/", ...
func pagePaths(t *testing.T) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(outDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel := filepath.ToSlash(strings.TrimPrefix(p, outDir+string(filepath.Separator)))
		out = append(out, strings.TrimSuffix(rel, "index.html"))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	if len(out) < 10 {
		t.Fatalf("only %d pages built: %v", len(out), out)
	}
	return out
}

// langPages are the pages of one language (below basePath).
func langPages(t *testing.T, lang string) []string {
	var out []string
	for _, p := range pagePaths(t) {
		if strings.HasPrefix(p, lang+"/") {
			out = append(out, p)
		}
	}
	return out
}

func pageURL(path string) string { return server.URL + basePath + path }
