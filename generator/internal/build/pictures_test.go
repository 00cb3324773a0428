package build

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"explainer/generator/internal/picture"

	"golang.org/x/net/html"
)

// TestPicturesPublished builds testdata/ok/pictures.txtar and checks the
// output as a browser would get it: each picture a page shows is one file
// under assets/pictures/, named by the hash of its content, holding the
// source's bytes; each <img> points at it, with the file's own width and
// height, lazy loading and its language's alt text; a picture no page
// shows is not published; and the pages still allow pictures from their
// own site only.
func TestPicturesPublished(t *testing.T) {
	ar := cases(t, "ok")["pictures"]
	dir := writeSite(t, ar)
	t.Chdir(dir)
	if _, err := Run(Options{Content: "content", Templates: "templates", Out: "public"}); err != nil {
		t.Fatalf("build failed:\n%v", err)
	}
	published := make(map[string]string) // address -> source file
	for _, src := range []string{"herd.png", "charts/map.avif", "map.webp"} {
		data, err := os.ReadFile(filepath.Join("content", "pictures", filepath.FromSlash(src)))
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		base := filepath.Base(src)
		ext := filepath.Ext(base)
		name := strings.TrimSuffix(base, ext) + "." + hex.EncodeToString(sum[:5]) + ext
		out, err := os.ReadFile(filepath.Join("public", "assets", "pictures", name))
		if err != nil || !bytes.Equal(out, data) {
			t.Errorf("content/pictures/%s: published as assets/pictures/%s: %v (same bytes: %v)", src, name, err, bytes.Equal(out, data))
		}
		published["/site/assets/pictures/"+name] = src
	}
	files, _ := os.ReadDir(filepath.Join("public", "assets", "pictures"))
	if len(files) != len(published) {
		var got []string
		for _, f := range files {
			got = append(got, f.Name())
		}
		t.Errorf("assets/pictures/ holds %q, want only the %d pictures shown (herd.png once for both languages)", got, len(published))
	}

	want := map[string]string{ // page -> alt text of its one picture
		"en/barriers/beef/index.html":  "Cattle at the border",
		"ko/barriers/beef/index.html":  "국경의 소 떼",
		"en/barriers/cloud/index.html": "A map of data centres",
		"ko/barriers/cloud/index.html": "데이터센터 지도",
	}
	for page, alt := range want {
		imgs, csp := readPage(t, filepath.Join("public", filepath.FromSlash(page)))
		if !slices.Contains(strings.Split(csp, ";"), " img-src 'self' data:") {
			t.Errorf("%s: Content-Security-Policy %q, want img-src 'self' data: (no other site)", page, csp)
		}
		if len(imgs) != 1 {
			t.Errorf("%s: %d <img> elements, want 1", page, len(imgs))
			continue
		}
		img := imgs[0]
		src, ok := published[img["src"]]
		if !ok {
			t.Errorf("%s: <img src=%q>, not a published picture", page, img["src"])
			continue
		}
		info, _, err := picture.Read(os.DirFS("content/pictures"), src)
		if err != nil {
			t.Fatal(err)
		}
		if img["width"] != strconv.Itoa(info.Width) || img["height"] != strconv.Itoa(info.Height) {
			t.Errorf("%s: width %q and height %q, want the file's %d×%d", page, img["width"], img["height"], info.Width, info.Height)
		}
		if img["alt"] != alt || img["loading"] != "lazy" || img["decoding"] != "async" {
			t.Errorf("%s: alt %q, loading %q, decoding %q; want %q, lazy, async", page, img["alt"], img["loading"], img["decoding"], alt)
		}
	}
}

// readPage returns the attributes of every <img> of the page file, and its
// Content-Security-Policy.
func readPage(t *testing.T, file string) (imgs []map[string]string, csp string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		attrs := make(map[string]string)
		for _, a := range n.Attr {
			attrs[a.Key] = a.Val
		}
		switch {
		case n.Data == "img":
			imgs = append(imgs, attrs)
		case n.Data == "meta" && attrs["http-equiv"] == "Content-Security-Policy":
			csp = attrs["content"]
		}
	}
	return imgs, csp
}
