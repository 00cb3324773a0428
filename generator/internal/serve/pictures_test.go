package serve

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"explainer/generator/internal/picture/picturetest"
)

// hashedPicture is the address the preview serves a picture of data,
// named stem.ext, at.
func hashedPicture(stem, ext string, data []byte) string {
	sum := sha256.Sum256(data)
	return "assets/pictures/" + stem + "." + hex.EncodeToString(sum[:5]) + ext
}

// TestPictureServed checks that the preview serves a picture a page shows,
// at the address the page gives, and that a change of the picture file
// alone (the page's text unchanged) reloads the page with the new file,
// its new address and size; a change that makes it bad shows the problem.
func TestPictureServed(t *testing.T) {
	content, templates := testSite(t)
	herd := filepath.Join(content, "pictures", "herd.png")
	first := picturetest.PNG(40, 30)
	write(t, herd, string(first))
	edit(t, filepath.Join(content, "barriers", "beef.en.md"), "## History {#history}\n", "## History {#history}\n\n![Cattle at the border](../pictures/herd.png)\n")
	s := start(t, Options{Content: content, Templates: templates})
	page := s.URL() + "en/barriers/beef/"

	addr := hashedPicture("herd", ".png", first)
	_, body := get(t, page)
	if !strings.Contains(body, `<img src="/`+addr+`" alt="Cattle at the border" width="40" height="30" loading="lazy" decoding="async">`) {
		t.Fatalf("the page does not show the picture at /%s:\n%s", addr, body)
	}
	checkPicture(t, s.URL()+addr, first)

	events := subscribe(t, s)
	next(t, events)
	second := picturetest.PNG(80, 60)
	write(t, herd, string(second))
	waitReload(t, events)
	newAddr := hashedPicture("herd", ".png", second)
	if _, body := get(t, page); !strings.Contains(body, `<img src="/`+newAddr+`" alt="Cattle at the border" width="80" height="60"`) {
		t.Fatalf("after the picture changed, the page does not show it at /%s:\n%s", newAddr, body)
	}
	checkPicture(t, s.URL()+newAddr, second)
	if code, _ := get(t, s.URL()+addr); code != http.StatusNotFound {
		t.Errorf("the old picture's address answers %d, want 404", code)
	}

	write(t, herd, string(picturetest.JPEG(8, 8)))
	ev := next(t, events)
	want := filepath.ToSlash(filepath.Join(content, "barriers", "beef.en.md")) + `:11:1: picture \"../pictures/herd.png\": the file is a JPEG picture, not PNG as its name says; give it the extension .jpg`
	if ev.name != "problems" || !strings.Contains(ev.data, want) {
		t.Errorf("after the picture went bad: %+v, want the problem %s", ev, want)
	}
}

// checkPicture gets url and checks that it is the picture data.
func checkPicture(t *testing.T, url string, data []byte) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	_, got := get(t, url)
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "image/png" || got != string(data) {
		t.Errorf("GET %s: %d, %s, %d bytes; want 200, image/png and the file's %d bytes", url, resp.StatusCode, resp.Header.Get("Content-Type"), len(got), len(data))
	}
}

// waitReload waits for the next reload, past the problems of a file
// caught half written.
func waitReload(t *testing.T, events <-chan event) {
	t.Helper()
	for range 5 {
		if ev := next(t, events); ev.name == "reload" {
			return
		}
	}
	t.Fatal("no reload after five events")
}
