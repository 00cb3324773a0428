package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// The Hugo comparison builds the same corpus as a Hugo site whose templates
// do the same work as ours: translations linked both ways (hreflang
// alternates and a language switch), the sector taxonomy with a page per
// sector, related pages, a table of contents, previous and next, links to
// markdown files resolved to page addresses, highlighted code with CSS
// classes. Feeds and the sitemap are turned off, as the generator makes
// neither.

const hugoConfig = `baseURL = "https://example.github.io/explainer/"
defaultContentLanguage = "en"
defaultContentLanguageInSubdir = true
disableKinds = ["RSS", "sitemap", "robotsTXT"]
enableGitInfo = false

[languages.en]
  weight = 1
  languageName = "English"
  title = "Synthetic benchmark site"
[languages.ko]
  weight = 2
  languageName = "한국어"
  title = "벤치마크용 합성 사이트"

[taxonomies]
  sector = "sectors"

[markup.highlight]
  noClasses = false
[markup.tableOfContents]
  startLevel = 2
  endLevel = 2
[markup.goldmark.parser]
  autoHeadingIDType = "github"

[related]
  includeNewer = true
  threshold = 1
  toLower = false
  [[related.indices]]
    name = "relkeys"
    weight = 100
`

var hugoLayouts = map[string]string{
	"_default/baseof.html": `<!doctype html>
<html lang="{{ .Language.Lang }}">
<head>
<meta charset="utf-8">
<title>{{ with .Title }}{{ . }} · {{ end }}{{ site.Title }}</title>
<meta name="description" content="{{ .Params.summary }}">
<link rel="canonical" href="{{ .Permalink }}">
{{- range .AllTranslations }}
<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">
{{- end }}
</head>
<body>
<header>
<a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a>
<nav>
{{- with site.GetPage "/barriers" }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{- with site.GetPage "/pages" }}{{ range .Pages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ end }}
</nav>
<nav>{{ range .Translations }}<a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}">{{ .Language.LanguageName }}</a>{{ end }}</nav>
</header>
<main>{{ block "main" . }}{{ end }}</main>
<footer><p>{{ site.Title }}</p></footer>
</body>
</html>
`,
	"_default/single.html": `{{ define "main" }}
<article>
<p>{{ range .GetTerms "sectors" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</p>
<h1>{{ .Title }}</h1>
<p>{{ .Params.summary }}</p>
{{ $rel := site.RegularPages.Related . }}
<dl>
{{ with .Params.law }}<dt>Law</dt><dd>{{ . }}</dd>{{ end }}
{{ with .Params.first_listed }}<dt>Listed</dt><dd>{{ . }}</dd>{{ end }}
{{ with $rel }}<dt>Related</dt><dd><ul>{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></dd>{{ end }}
</dl>
<nav class="toc">{{ .TableOfContents }}</nav>
<div class="prose">{{ .Content }}</div>
{{ with .Params.sources }}<ol>{{ range . }}<li><a href="{{ .url }}">{{ .title }}</a>, {{ .publisher }}, {{ .date }}</li>{{ end }}</ol>{{ end }}
{{ with $rel }}<ul class="cards">{{ range . }}{{ partial "card.html" . }}{{ end }}</ul>{{ end }}
<nav>
{{ with .NextInSection }}<a rel="prev" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{ with .PrevInSection }}<a rel="next" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
</nav>
</article>
{{ end }}
`,
	"_default/list.html": `{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
<ul class="cards">{{ range .Pages }}{{ partial "card.html" . }}{{ end }}</ul>
{{ end }}
`,
	"index.html": `{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ with .Params.numbers }}<ul>{{ range . }}<li>{{ .value }} {{ .label }}</li>{{ end }}</ul>{{ end }}
<div class="prose">{{ .Content }}</div>
{{ range site.Taxonomies.sectors }}
<section><h2><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a></h2>
<ul class="cards">{{ range .Pages }}{{ partial "card.html" . }}{{ end }}</ul>
</section>
{{ end }}
{{ end }}
`,
	"404.html": `{{ define "main" }}<h1>Not found</h1>{{ end }}
`,
	"partials/card.html": `<li class="card"><h3><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3><p>{{ .Params.summary }}</p>{{ with .Params.first_listed }}<p>{{ . }}</p>{{ end }}</li>
`,
	"_default/_markup/render-link.html": `{{- $dest := .Destination -}}
{{- $u := urls.Parse .Destination -}}
{{- if strings.HasSuffix $u.Path ".md" -}}
{{- $name := replaceRE "(\\.(en|ko))?\\.md$" "" $u.Path -}}
{{- with site.GetPage (path.Join "/" .Page.File.Dir $name) -}}
{{- $dest = .RelPermalink -}}{{- with $u.Fragment }}{{ $dest = printf "%s#%s" $dest . }}{{ end -}}
{{- else -}}{{- errorf "%s: link to %q: no such page" $.Page.File.Path $.Destination -}}{{- end -}}
{{- end -}}
<a href="{{ $dest | safeURL }}"{{ with .Title }} title="{{ . }}"{{ end }}>{{ .Text | safeHTML }}</a>
{{- /**/ -}}
`,
}

var (
	sectorLine  = regexp.MustCompile(`(?m)^sector: (\S+)$`)
	relatedLine = regexp.MustCompile(`(?m)^related: \[(.*)\]$`)
)

// WriteHugoSite turns the corpus in content into a Hugo site in dir. Front
// matter differs only where Hugo needs it: the sector becomes a taxonomy
// term, and related slugs become an index shared by the pages that name
// each other.
func WriteHugoSite(content, dir string) error {
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	write := func(name string, data []byte) error {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		return os.WriteFile(p, data, 0o644)
	}
	if err := write("hugo.toml", []byte(hugoConfig)); err != nil {
		return err
	}
	for name, text := range hugoLayouts {
		if err := write("layouts/"+name, []byte(text)); err != nil {
			return err
		}
	}
	// One file at a time: the harness's own peak memory shows in the
	// programs it starts (see measure.go).
	return filepath.WalkDir(content, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		rel, _ := filepath.Rel(content, p)
		rel = filepath.ToSlash(rel)
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if strings.HasPrefix(rel, "summary.") {
			rel = "_index." + strings.TrimPrefix(rel, "summary.")
		}
		if strings.HasPrefix(rel, "barriers/") {
			slug := strings.SplitN(filepath.Base(rel), ".", 2)[0]
			src = sectorLine.ReplaceAll(src, []byte("sectors: [$1]"))
			src = relatedLine.ReplaceAll(src, []byte("relkeys: ["+slug+", $1]"))
		}
		return write("content/"+rel, src)
	})
}
