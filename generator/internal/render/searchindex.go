package render

import (
	"crypto/sha256"
	"encoding/hex"

	"explainer/generator/internal/search"
	"explainer/generator/internal/site"
)

// searchFile is the search index of one language: assets/<Name>.
type searchFile struct {
	Name string // search.en.0123456789.json, named by its content
	Data []byte
}

// searchIndexes builds the search index of every language: its barriers,
// then its other pages (package search).
func searchIndexes(s *site.Site) (map[string]searchFile, error) {
	out := make(map[string]searchFile)
	for _, l := range s.Langs {
		var docs []search.Doc
		for _, e := range s.Barriers[l] {
			sec := ""
			if c := s.Config.Sector(e.Meta.Sector); c != nil {
				sec = c.Name[l]
			}
			docs = append(docs, searchDoc(s, e, sec))
		}
		for _, e := range s.Pages[l] {
			docs = append(docs, searchDoc(s, e, ""))
		}
		data, err := search.Build(docs).JSON()
		if err != nil {
			return nil, err
		}
		sum := sha256.Sum256(data)
		out[l] = searchFile{Name: "search." + l + "." + hex.EncodeToString(sum[:5]) + ".json", Data: data}
	}
	return out, nil
}

func searchDoc(s *site.Site, e *site.Entry, section string) search.Doc {
	return search.Doc{
		URL: s.URL(e.PagePath), Title: e.Meta.Title, Summary: e.Meta.Summary,
		Section: section, Extra: e.Meta.Law, Text: e.Text,
	}
}
