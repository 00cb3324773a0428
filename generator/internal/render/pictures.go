package render

import (
	"fmt"
	"sort"

	"explainer/generator/internal/diag"
	"explainer/generator/internal/seo"
	"explainer/generator/internal/theme"
)

// pictureDir is where each page's link-preview picture is written, named
// by the key of what it shows (seo.PagePicture.Key): a page whose title
// does not change keeps its address, and two pages alike share one file.
// The key is a hash of everything that decides the pixels, not of the
// pixels, so the pictures are not among the assets, which are named by
// the hash of their content; they can be cached as long.
const pictureDir = "previews/"

// picture is what the page's link-preview picture says; ok is false when
// the theme has no title font (every page then has the theme's one
// picture) and for the 404 page, which has no preview.
func (p *Page) picture() (pic seo.PagePicture, ok bool) {
	if p.theme == nil || p.theme.TitleFont == nil || p.Kind == theme.KindNotFound {
		return seo.PagePicture{}, false
	}
	site := p.Site.Config.Title[p.Lang]
	title := p.Title
	if title == "" {
		title = site
	}
	return seo.PagePicture{Title: title, Site: site, Lang: p.Lang}, true
}

// pictureName is the file of the page's picture below the output folder.
func (p *Page) pictureName(pic seo.PagePicture) string {
	return pictureFile(pic.Key(p.theme.Palette, p.theme.TitleFont))
}

// pictureFile is the file of the picture of key below the output folder.
func pictureFile(key string) string { return pictureDir + key + ".png" }

// SocialImageAlt is the text of the link-preview picture: the page's
// title where the picture carries it, or the theme's words for its one
// picture.
func (p *Page) SocialImageAlt() (string, error) {
	if pic, ok := p.picture(); ok {
		return pic.Title, nil
	}
	return p.T("social_image_alt")
}

// LazyWriter is a Writer that takes a file's maker rather than its bytes
// and makes the file only when it is asked for: the preview, whose pages
// never load their link-preview pictures.
type LazyWriter interface {
	Writer
	WriteLazy(rel string, mk func() ([]byte, error)) error
}

// FileLinker is a Writer that can put a file already on disk into the site
// without copying it (output.Dir, by a hard link): a picture the cache
// holds is linked, not read and written again.
type FileLinker interface {
	Writer
	// LinkFile puts the file src, which never changes in place, at rel;
	// where it fails, the file's bytes are written instead.
	LinkFile(rel, src string) error
}

// writePictures draws the link-preview picture of every page, or takes it
// from the cache of earlier builds, and writes it (a FileLinker links the
// cache's file); a LazyWriter gets how to draw it instead. A check
// (Discard) draws nothing but still reports a title the font cannot write.
func writePictures(t *theme.Theme, pages []*Page, w Writer) error {
	if t.TitleFont == nil {
		return nil
	}
	jobs, err := pictureJobs(t, pages)
	if _, check := w.(Discard); check || err != nil {
		return err
	}
	cache := seo.DefaultPictureCache()
	draw := func(j pictureJob) func() ([]byte, error) {
		return func() ([]byte, error) {
			return cache.Picture(j.key, func() ([]byte, error) { return seo.PageImage(t.Palette, t.TitleFont, j.pic) })
		}
	}
	if lw, ok := w.(LazyWriter); ok {
		for _, j := range jobs {
			if err := lw.WriteLazy(j.name, draw(j)); err != nil {
				return err
			}
		}
		return nil
	}
	// Drawn (or read from the cache) and written on every core, as pages
	// are: held until all were drawn, the pictures of N = 10,000 barriers
	// took 150 MiB.
	linker, _ := w.(FileLinker)
	return joinProblems(onAllCores(len(jobs), func(i int) error {
		j := jobs[i]
		if linker != nil && cache.Dir != "" && linker.LinkFile(j.name, cache.File(j.key)) == nil {
			return nil
		}
		data, err := draw(j)()
		if err != nil {
			return err
		}
		return w.WriteFile(j.name, data)
	}))
}

// pictureJob is a picture to write: its file, its key in the cache and
// what it shows.
type pictureJob struct {
	name, key string
	pic       seo.PagePicture
}

// pictureJobs lists the pictures of the pages, each once, by name; it is
// an error at the page's file when a title has letters the font lacks.
func pictureJobs(t *theme.Theme, pages []*Page) ([]pictureJob, error) {
	seen := map[string]bool{}
	var jobs []pictureJob
	var errs diag.List
	for _, p := range pages {
		pic, ok := p.picture()
		if !ok {
			continue
		}
		key := pic.Key(t.Palette, t.TitleFont)
		if seen[key] {
			continue
		}
		seen[key] = true
		jobs = append(jobs, pictureJob{name: pictureFile(key), key: key, pic: pic})
		missing, err := t.TitleFont.Missing(pic.Title + " " + pic.Site)
		if err != nil {
			return nil, fmt.Errorf("the font of the link-preview pictures: %w", err)
		}
		if len(missing) > 0 {
			var pos diag.Pos
			if p.Entry != nil {
				pos = p.Entry.Meta.Start
			}
			errs.Addf(pos, "the title %q has letters that the font of the link-preview pictures (%s) lacks: %s; write them otherwise, or add them to the font (see its README.md)",
				pic.Title, theme.TitleFontName, string(missing))
		}
	}
	sort.Slice(jobs, func(a, b int) bool { return jobs[a].name < jobs[b].name })
	return jobs, errs.Err()
}
