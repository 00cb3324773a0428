package webtest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// head is what a page's <head> tells machines.
type head struct {
	file      string
	lang      string // <html lang>
	canonical string
	noindex   bool
	hreflang  map[string]string // hreflang -> absolute address
	feeds     []string          // rel=alternate Atom links, as written
	meta      map[string][]string
	ldjson    []string // the text of each JSON-LD script
	// inline holds the text of every other <script> without src: code
	// that would run.
	inline []string
}

// readHeads parses the head of every HTML page of the output folder.
func readHeads(t *testing.T, out string) []*head {
	t.Helper()
	var heads []*head
	for _, f := range files(t, out) {
		if !strings.HasSuffix(f, ".html") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(out, f))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := parseHTML(b)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		heads = append(heads, readHead(f, doc))
	}
	return heads
}

func readHead(file string, doc *html.Node) *head {
	h := &head{file: file, hreflang: make(map[string]string), meta: make(map[string][]string)}
	walk(doc, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		get := func(k string) string { v, _ := attr(n, k); return v }
		switch n.Data {
		case "html":
			h.lang = get("lang")
		case "link":
			switch rel := get("rel"); {
			case rel == "canonical":
				h.canonical = get("href")
			case rel == "alternate" && get("type") == "application/atom+xml":
				h.feeds = append(h.feeds, get("href"))
			case rel == "alternate" && get("hreflang") != "":
				h.hreflang[get("hreflang")] = get("href")
			}
		case "meta":
			key := get("property")
			if key == "" {
				key = get("name")
			}
			if key == "robots" && strings.Contains(get("content"), "noindex") {
				h.noindex = true
			}
			if key != "" {
				h.meta[key] = append(h.meta[key], get("content"))
			}
		case "script":
			switch _, src := attr(n, "src"); {
			case get("type") == "application/ld+json":
				h.ldjson = append(h.ldjson, text(n))
			case !src:
				h.inline = append(h.inline, text(n))
			}
		}
	})
	return h
}

// one returns the single value of a meta key, or "" and false when the
// key is missing or repeated.
func (h *head) one(key string) (string, bool) {
	if v := h.meta[key]; len(v) == 1 {
		return v[0], true
	}
	return "", false
}

// article is the JSON-LD a barrier page carries, as a search engine reads
// it.
type article struct {
	Context           string `json:"@context"`
	Type              string `json:"@type"`
	Headline          string `json:"headline"`
	Description       string `json:"description"`
	InLanguage        string `json:"inLanguage"`
	URL               string `json:"url"`
	MainEntityOfPage  string `json:"mainEntityOfPage"`
	Image             string `json:"image"`
	DateModified      string `json:"dateModified"`
	TranslationOfWork *struct {
		ID string `json:"@id"`
	} `json:"translationOfWork"`
	WorkTranslation []struct {
		ID string `json:"@id"`
	} `json:"workTranslation"`
}

// article decodes the page's one JSON-LD block, if it has exactly one.
func (h *head) article(t *testing.T) *article {
	t.Helper()
	if len(h.ldjson) != 1 {
		return nil
	}
	var a article
	var raw map[string]any
	if err := json.Unmarshal([]byte(h.ldjson[0]), &raw); err != nil {
		t.Errorf("%s: JSON-LD is not JSON: %v\n%s", h.file, err, h.ldjson[0])
		return nil
	}
	if err := json.Unmarshal([]byte(h.ldjson[0]), &a); err != nil {
		t.Errorf("%s: JSON-LD: %v", h.file, err)
		return nil
	}
	return &a
}
