package render

import (
	"bytes"
	"image/png"
	"io"
	"strings"
	"testing"

	"explainer/generator/internal/theme"
)

// mapWriter keeps the files written to it.
type mapWriter map[string][]byte

func (m mapWriter) WriteFile(name string, data []byte) error {
	m[name] = bytes.Clone(data)
	return nil
}

func (m mapWriter) Stream(name string, write func(io.Writer) error) error {
	var b bytes.Buffer
	err := write(&b)
	m[name] = b.Bytes()
	return err
}

func (m mapWriter) Rename(from, to string) error {
	m[to] = m[from]
	delete(m, from)
	return nil
}

// TestEveryPageHasItsPicture writes the pictures of the real site and
// checks that every page but the 404 page points at a picture of its own
// title, which was written, and that pages of different titles do not
// share one.
func TestEveryPageHasItsPicture(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	pages := realPages(t)
	w := map[string][]byte{}
	if err := writePictures(pages[0].theme, pages, mapWriter(w)); err != nil {
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
		data, ok := w[name]
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
	if len(w) != len(byTitle) {
		t.Errorf("%d pictures written for %d titles", len(w), len(byTitle))
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
	for _, w := range []Writer{Discard{}, mapWriter(map[string][]byte{})} {
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
