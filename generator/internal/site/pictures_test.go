package site

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"explainer/generator/internal/content"
	"explainer/generator/internal/diag"
	"explainer/generator/internal/markdown"
	"explainer/generator/internal/picture/picturetest"
)

// The two packages name the same folder: content lets it be, markdown
// sends images to it.
func TestPictureDir(t *testing.T) {
	if content.PictureDir != markdown.PictureDir {
		t.Errorf("content.PictureDir = %q, markdown.PictureDir = %q", content.PictureDir, markdown.PictureDir)
	}
}

// hashedOut is where a picture of data, named name, is published.
func hashedOut(name string, data []byte) string {
	sum := sha256.Sum256(data)
	ext := filepath.Ext(name)
	return PicturePath + strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:5]) + ext
}

// withPicture is the reuse folder with a picture that both languages of
// barrier a show, each with its own alt text.
func withPicture(t *testing.T, data []byte) *reuseFolder {
	f := newReuseFolder(t)
	f.writeAt("pictures/chart.png", string(data), t0)
	f.writeAt("barriers/a.en.md", "---\ntitle: A\nsummary: S.\nsector: defense\nsources: [{title: R}]\n---\n\n## Why {#why}\n\n![Tariffs by year](../pictures/chart.png)\n", t0)
	f.writeAt("barriers/a.ko.md", "---\ntitle: 가\nsummary: 요약.\nsector: defense\nsources: [{title: R}]\n---\n\n## 왜 {#why}\n\n![연도별 관세](../pictures/chart.png)\n", t0)
	return f
}

func TestPictureShownAndListed(t *testing.T) {
	png := picturetest.PNG(40, 30)
	f := withPicture(t, png)
	s, _ := f.mustBuild(Options{})

	out := hashedOut("chart.png", png)
	es := entries(s)
	for name, alt := range map[string]string{"barriers/a.en.md": "Tariffs by year", "barriers/a.ko.md": "연도별 관세"} {
		want := fmt.Sprintf(`<img src="/x/%s" alt="%s" width="40" height="30" loading="lazy" decoding="async">`, out, alt)
		if b := body(t, s, es[name]); !strings.Contains(b, want) {
			t.Errorf("%s: body\n%s\nwant it to hold %s", name, b, want)
		}
	}
	pics := s.Pictures()
	if len(pics) != 1 || pics[0].Out != out || pics[0].Name != "pictures/chart.png" {
		t.Fatalf("Pictures() = %+v, want one, %s", pics, out)
	}
	data, err := s.ReadPicture(pics[0])
	if err != nil || string(data) != string(png) {
		t.Errorf("ReadPicture: %d bytes, %v; want the file", len(data), err)
	}
	f.writeAt("pictures/chart.png", string(picturetest.PNG(41, 30)), t0)
	if _, err := s.ReadPicture(pics[0]); err == nil || err.Error() != "content/pictures/chart.png: the picture changed during the build; build again" {
		t.Errorf("ReadPicture of a changed file: %v", err)
	}
}

// A picture changed between two builds of the preview makes the bodies
// that show it converted again, with its new address and size; the other
// bodies are kept.
func TestReusePictureChanged(t *testing.T) {
	f := withPicture(t, picturetest.PNG(40, 30))
	s1, _ := f.mustBuild(Options{})
	s2, conv := f.mustBuild(Options{Reuse: s1})
	if len(conv) != 0 {
		t.Errorf("nothing changed, but the build converted %q", names(conv))
	}
	if len(s2.Pictures()) != 1 {
		t.Errorf("a build that kept every body lists %d pictures, want 1", len(s2.Pictures()))
	}
	jpeg := picturetest.JPEG(64, 48)
	f.remove("pictures/chart.png")
	f.edit("pictures/chart.png", string(jpeg))
	_, _, err := f.build(Options{Reuse: s2})
	var want []string
	for _, l := range []string{"en", "ko"} {
		want = append(want, fmt.Sprintf(`content/barriers/a.%s.md:10:1: picture "../pictures/chart.png": the file is a JPEG picture, not PNG as its name says; give it the extension .jpg`, l))
	}
	if got := problemLines(err); !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	png := picturetest.PNG(64, 48)
	f.edit("pictures/chart.png", string(png))
	s3, conv := f.mustBuild(Options{Reuse: s2})
	if got := names(conv); !slices.Equal(got, []string{"barriers/a.en.md", "barriers/a.ko.md"}) {
		t.Errorf("converted %q, want the two bodies that show the picture", got)
	}
	if b := body(t, s3, entries(s3)["barriers/a.ko.md"]); !strings.Contains(b, `src="/x/`+hashedOut("chart.png", png)+`" alt="연도별 관세" width="64" height="48"`) {
		t.Errorf("body after the change:\n%s", b)
	}
}

// A missing picture fails the build at the image; the build after the
// file is added shows it.
func TestReusePictureAdded(t *testing.T) {
	png := picturetest.PNG(8, 8)
	f := withPicture(t, png)
	s1, _ := f.mustBuild(Options{})
	f.edit("barriers/b.en.md", "---\ntitle: B\nsummary: S.\nsector: defense\nrelated: [a]\nsources: [{title: R}]\n---\n\n## How {#how}\n\nText ![A map](../pictures/map.webp).\n")
	_, _, err := f.build(Options{Reuse: s1})
	want := []string{
		`content/barriers/b.en.md:11:6: picture "../pictures/map.webp": there is no file content/pictures/map.webp`,
	}
	if got := problemLines(err); !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	f.edit("pictures/map.webp", string(picturetest.WebP(300, 200)))
	s2, _ := f.mustBuild(Options{Reuse: s1})
	if b := body(t, s2, entries(s2)["barriers/b.en.md"]); !strings.Contains(b, `alt="A map" width="300" height="200"`) {
		t.Errorf("body after the picture was added:\n%s", b)
	}
}

func problemLines(err error) []string {
	var out []string
	for _, e := range diag.AsList(err) {
		out = append(out, e.Error())
	}
	if out == nil && err != nil {
		out = append(out, err.Error())
	}
	return out
}
