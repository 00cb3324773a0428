package render

import (
	"explainer/generator/internal/seo"
	"explainer/generator/internal/theme"
)

// The template functions of a page's head: feeds, link previews (Open
// Graph and Twitter cards) and a barrier's JSON-LD.

// FeedLink is a page's link to one language's feed; no hreflang, which
// search engines would read as a language version of the page.
type FeedLink struct {
	Lang  string
	Title string
	URL   string // root-relative
}

// Feeds lists the page's language's feed, or every language's on the
// root and 404 pages.
func (p *Page) Feeds() ([]FeedLink, error) {
	langs := []string{p.Lang}
	if p.Kind == theme.KindRoot || p.Kind == theme.KindNotFound {
		langs = p.Site.Langs
	}
	var out []FeedLink
	for _, l := range langs {
		title, err := p.In(l, "feed_title")
		if err != nil {
			return nil, err
		}
		out = append(out, FeedLink{Lang: l, Title: title, URL: p.URL(seo.FeedPath(l))})
	}
	return out, nil
}

// AbsAsset is the absolute address of a static file, for link previews.
func (p *Page) AbsAsset(name string) (string, error) {
	rel, err := p.assetPath(name)
	return p.Site.AbsURL(rel), err
}

// SocialImage is the absolute address of the link-preview picture: the
// page's own, with its title (pictures.go), or the theme's one picture.
func (p *Page) SocialImage() (string, error) {
	if pic, ok := p.picture(); ok {
		return p.Site.AbsURL(p.pictureName(pic)), nil
	}
	return p.AbsAsset(theme.SocialImageName)
}

// SocialImageSize is the link-preview picture's width and height.
func (p *Page) SocialImageSize() [2]int { return [2]int{seo.SocialWidth, seo.SocialHeight} }

// OtherLocales are the other languages' locales, for og:locale:alternate.
func (p *Page) OtherLocales() []string {
	var out []string
	for _, l := range p.Site.Config.Languages {
		if l.Code != p.Lang {
			out = append(out, l.Locale)
		}
	}
	return out
}

// Article is a barrier page's JSON-LD, nil on other pages.
func (p *Page) Article() (*seo.Article, error) {
	if p.Kind != theme.KindBarrier || p.Entry == nil {
		return nil, nil
	}
	img, err := p.SocialImage()
	if err != nil {
		return nil, err
	}
	e := p.Entry
	a := seo.NewArticle()
	a.Headline = e.Meta.Title
	a.Description = e.Meta.Summary
	a.InLanguage = p.Lang
	a.URL = p.Abs(e.PagePath)
	a.MainEntityOfPage = a.URL
	a.Image = img
	a.DateModified = e.Meta.Updated
	if p.Sector != nil {
		a.ArticleSection = p.Sector.Name[p.Lang]
	}
	a.IsPartOf = &seo.Thing{Type: "WebSite", Name: p.Site.Config.Title[p.Lang], URL: p.Abs(p.Lang + "/")}
	// The default language's page is the original, the others translations.
	def := p.Site.Config.Default()
	for _, l := range p.Site.Langs {
		t := e.Translations[l]
		if t == nil || l == p.Lang {
			continue
		}
		switch {
		case l == def:
			a.TranslationOfWork = &seo.Ref{ID: p.Abs(t.PagePath)}
		case p.Lang == def:
			a.WorkTranslation = append(a.WorkTranslation, seo.Ref{ID: p.Abs(t.PagePath)})
		}
	}
	return a, nil
}
