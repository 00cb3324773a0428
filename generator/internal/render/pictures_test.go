package render

import (
	"bytes"
	"fmt"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"explainer/generator/internal/theme"
)

// mapWriter keeps the files written to it; as a Writer must, it takes
// them from several goroutines at once.
type mapWriter struct {
	mu    *sync.Mutex
	files map[string][]byte
}

func newMapWriter() mapWriter {
	return mapWriter{new(sync.Mutex), map[string][]byte{}}
}

func (m mapWriter) WriteFile(name string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files[name] = bytes.Clone(data)
	return nil
}

func (m mapWriter) Stream(name string, write func(io.Writer) error) error {
	var b bytes.Buffer
	err := write(&b)
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files[name] = b.Bytes()
	return err
}

func (m mapWriter) Rename(from, to string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files[to] = m.files[from]
	delete(m.files, from)
	return nil
}

// TestEveryPageHasItsPicture writes the pictures of the real site and
// checks that every page but the 404 page points at a picture of its own
// title, which was written, and that pages of different titles do not
// share one.
func TestEveryPageHasItsPicture(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	pages := realPages(t)
	w := newMapWriter()
	if err := writePictures(pages[0].theme, pages, w); err != nil {
		t.Fatal(err)
	}
	byTitle := map[string]string{}
	for _, p := range pages {
		if p.Kind == theme.KindNotFound {
			if _, ok := p.picture(); ok {
				t.Errorf("the 404 page, which has no link preview, has a picture")
			}
			continue
		}
		img, err := p.SocialImage()
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimPrefix(img, p.Site.AbsURL(""))
		data, ok := w.files[name]
		if !ok {
			t.Errorf("%s: its picture %s was not written", p.Path, name)
			continue
		}
		if _, err := png.Decode(bytes.NewReader(data)); err != nil {
			t.Errorf("%s: its picture is not a PNG: %v", p.Path, err)
		}
		alt, _ := p.SocialImageAlt()
		if alt == "" || (p.Title != "" && alt != p.Title) {
			t.Errorf("%s: picture text %q, want the title %q", p.Path, alt, p.Title)
		}
		key := p.Lang + "\x00" + alt
		if other, ok := byTitle[key]; ok && other != name {
			t.Errorf("%s: the same title drawn twice (%s, %s)", p.Path, other, name)
		}
		byTitle[key] = name
	}
	if len(w.files) != len(byTitle) {
		t.Errorf("%d pictures written for %d titles", len(w.files), len(byTitle))
	}
}

// TestTitleTheFontCannotWrite is an error at the page's file, naming the
// letters, in a check as in a build.
func TestTitleTheFontCannotWrite(t *testing.T) {
	pages := realPages(t)
	var bad *Page
	for _, p := range pages {
		if p.Kind == theme.KindBarrier && p.Lang == "ko" {
			bad = p
			break
		}
	}
	bad.Title = "漢字로 쓴 제목"
	for _, w := range []Writer{Discard{}, newMapWriter()} {
		err := writePictures(bad.theme, pages, w)
		if err == nil {
			t.Fatalf("a title in Chinese characters was drawn with a Korean font")
		}
		msg := err.Error()
		if !strings.HasPrefix(msg, bad.Entry.Meta.Start.String()+": ") || !strings.Contains(msg, "lacks: 漢字") {
			t.Errorf("error = %q, want it at %s naming 漢字", msg, bad.Entry.Meta.Start)
		}
	}
}

// linkMap links the files it can: it keeps the source's name of each, and
// refuses any link when refuse is set.
type linkMap struct {
	mapWriter
	links  map[string]string
	refuse bool
}

func (l linkMap) LinkFile(rel, src string) error {
	if _, err := os.Stat(src); err != nil || l.refuse {
		return fmt.Errorf("cannot link %s (%v)", src, err)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.links[rel] = src
	return nil
}

// TestCachedPicturesLinked: a FileLinker gets the bytes of every picture
// the cache does not hold yet, and then, once it does, a link to the
// cache's file of each, holding the same bytes; where it cannot link, it
// gets the bytes again.
func TestCachedPicturesLinked(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	pages := realPages(t)
	first := linkMap{newMapWriter(), map[string]string{}, false}
	if err := writePictures(pages[0].theme, pages, first); err != nil {
		t.Fatal(err)
	}
	if len(first.links) != 0 || len(first.files) < 4 {
		t.Fatalf("with an empty cache: %d links, %d files; want none, and a file a title", len(first.links), len(first.files))
	}
	again := linkMap{newMapWriter(), map[string]string{}, false}
	if err := writePictures(pages[0].theme, pages, again); err != nil {
		t.Fatal(err)
	}
	if len(again.files) != 0 || len(again.links) != len(first.files) {
		t.Errorf("with every picture cached: %d files, %d links; want none, and %d", len(again.files), len(again.links), len(first.files))
	}
	for rel, src := range again.links {
		data, err := os.ReadFile(src)
		if err != nil || !bytes.Equal(data, first.files[rel]) {
			t.Errorf("%s: linked to %s, which does not hold the picture drawn (%v)", rel, src, err)
		}
	}
	refused := linkMap{newMapWriter(), map[string]string{}, true}
	if err := writePictures(pages[0].theme, pages, refused); err != nil {
		t.Fatal(err)
	}
	if len(refused.files) != len(first.files) {
		t.Errorf("links refused: %d pictures written, want %d", len(refused.files), len(first.files))
	}
}

// lazyMap takes the pictures' makers, as the preview does.
type lazyMap struct {
	mapWriter
	makers map[string]func() ([]byte, error)
}

func (l lazyMap) WriteLazy(name string, mk func() ([]byte, error)) error {
	l.makers[name] = mk
	return nil
}

// TestPreviewDrawsPicturesOnRequest: a LazyWriter is handed a maker per
// picture and nothing is drawn until one is called.
func TestPreviewDrawsPicturesOnRequest(t *testing.T) {
	cache := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", cache)
	pages := realPages(t)
	w := lazyMap{newMapWriter(), map[string]func() ([]byte, error){}}
	if err := writePictures(pages[0].theme, pages, w); err != nil {
		t.Fatal(err)
	}
	if len(w.files) != 0 || len(w.makers) < 4 {
		t.Fatalf("%d files written, %d makers; want none and one a title", len(w.files), len(w.makers))
	}
	if drawn, _ := filepath.Glob(filepath.Join(cache, "*", "*", "*.png")); len(drawn) != 0 {
		t.Fatalf("pictures drawn before any was asked for: %v", drawn)
	}
	img, _ := pages[len(pages)-1].SocialImage()
	name := strings.TrimPrefix(img, pages[0].Site.AbsURL(""))
	mk := w.makers[name]
	if mk == nil {
		t.Fatalf("no maker for %s", name)
	}
	data, err := mk()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := png.Decode(bytes.NewReader(data)); err != nil {
		t.Errorf("the maker made no PNG: %v", err)
	}
}

// BenchmarkWritePicturesCached is what the pictures add to a build of the
// real site once they are in the cache: checking the titles' letters,
// reading every picture back and handing it to the writer.
func BenchmarkWritePicturesCached(b *testing.B) {
	b.Setenv("XDG_CACHE_HOME", b.TempDir())
	pages := realPages(b)
	if err := writePictures(pages[0].theme, pages, newMapWriter()); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := writePictures(pages[0].theme, pages, newMapWriter()); err != nil {
			b.Fatal(err)
		}
	}
}
