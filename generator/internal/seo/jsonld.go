package seo

// Article is the schema.org description of one barrier page, written into
// the page as JSON-LD. html/template turns it into JSON inside
// <script type="application/ld+json"> and escapes what could end the
// script element, so a title may hold any text.
type Article struct {
	Context          string `json:"@context"`
	Type             string `json:"@type"`
	Headline         string `json:"headline"`
	Description      string `json:"description,omitempty"`
	InLanguage       string `json:"inLanguage"`
	URL              string `json:"url"`
	MainEntityOfPage string `json:"mainEntityOfPage"`
	Image            string `json:"image,omitempty"`
	// DateModified is the entry's updated date (YYYY-MM-DD), when set.
	DateModified   string `json:"dateModified,omitempty"`
	ArticleSection string `json:"articleSection,omitempty"`
	IsPartOf       *Thing `json:"isPartOf,omitempty"`
	Publisher      *Thing `json:"publisher,omitempty"`
	// TranslationOfWork points a translation to the page in the default
	// language; WorkTranslation points the other way.
	TranslationOfWork *Ref  `json:"translationOfWork,omitempty"`
	WorkTranslation   []Ref `json:"workTranslation,omitempty"`
}

// Thing is a named schema.org object: the web site, the publisher.
type Thing struct {
	Type string `json:"@type"`
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

// Ref points to another schema.org object by its address.
type Ref struct {
	ID string `json:"@id"`
}

// NewArticle returns an Article with the schema.org context and type set.
func NewArticle() *Article {
	return &Article{Context: "https://schema.org", Type: "Article"}
}
