package theme

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"path"
	"strings"

	"explainer/generator/internal/seo"
)

// Pictures the generator draws itself, in the colours of style.css, and
// adds to the theme's assets beside the files of static/. A file of the
// same name in static/ wins, so a designer can replace any of them.
const (
	SocialImageName = "social.png"           // the link-preview picture
	IconPNGName     = "favicon.png"          // 32×32, beside favicon.svg
	TouchIconName   = "apple-touch-icon.png" // 180×180, for home screens
)

// addGenerated draws the pictures and names them by content, like the
// static files.
func (t *Theme) addGenerated() error {
	var css []byte
	if h, ok := t.Assets["style.css"]; ok {
		css = t.Files[h]
	}
	pal := seo.PaletteFromCSS(css)
	t.Palette = pal
	draw := []struct {
		name string
		make func() ([]byte, error)
	}{
		{SocialImageName, func() ([]byte, error) { return seo.SocialImage(pal) }},
		{IconPNGName, func() ([]byte, error) { return seo.Icon(pal, 32) }},
		{TouchIconName, func() ([]byte, error) { return seo.Icon(pal, 180) }},
	}
	for _, d := range draw {
		if _, ok := t.Assets[d.name]; ok {
			continue
		}
		// With a title font every page has a picture of its own, and
		// the one picture would be a file no page names.
		if d.name == SocialImageName && t.TitleFont != nil {
			continue
		}
		data, err := d.make()
		if err != nil {
			return err
		}
		t.addAsset(d.name, data)
	}
	return nil
}

// addAsset adds a file to the theme's assets under its hashed name.
func (t *Theme) addAsset(name string, data []byte) {
	sum := sha256.Sum256(data)
	ext := path.Ext(name)
	hashed := strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:5]) + ext
	t.Assets[name] = hashed
	t.Files[hashed] = data
}

// TitleFontName is the font, in the theme folder, that the link-preview
// picture of each page writes the page's title in (fonts/README.md says
// where it comes from). A theme without it gives every page the one
// picture of SocialImageName.
const TitleFontName = "fonts/title-gothic-bold.ttf"

// loadTitleFont reads the title font, if the theme has one. It is parsed
// only when a picture is drawn.
func (t *Theme) loadTitleFont(fsys fs.FS) error {
	data, err := fs.ReadFile(fsys, TitleFontName)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	t.TitleFont = seo.NewFont(data)
	return nil
}
