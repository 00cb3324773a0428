// Package search makes the site's client-side search index: one small JSON
// file per language, written at build time and fetched by static/search.js
// the first time a reader uses the search box.
//
// Korean is written in words with particles attached (클라우드를,
// 클라우드의) and in compounds (보안인증), so whole-word matching finds
// little. The index therefore keeps Hangul (and Chinese characters) as
// overlapping character pairs, bigrams: 클라우드를 is indexed as 클라,
// 라우, 우드, 드를 and its last letter 를. A query is cut the same way and a
// page matches when it holds every pair of the query, so 클라우드 finds
// 클라우드를 and 클라우드의, and 인증 finds 보안인증. A query that ends
// in a particle (클라우드를) and finds nothing is tried again without it.
// A one-letter query matches every pair that starts with it.
//
// Other scripts (English, numbers) are lower-cased words; a query word
// matches every indexed word it is a prefix of, so "certif" finds
// "certification".
//
// A page's score for a term adds up where the term occurs: the title counts
// most, then the summary and the law, then the sector, then the body. The
// index maps each term to its pages and scores; Query is the reference
// implementation of the matching that search.js does in the browser, and
// the browser tests hold the two to the same results.
//
// Build makes an Index of a few documents; a site uses a Builder
// (builder.go), which scores each document as it comes, from several
// goroutines, keeps only its postings, and writes the same JSON. Site
// (site.go) is the index of a site: it gathers every page's text while the
// site is built and writes assets/search.<lang>.<hash>.json, for
// static/search.js, beside the pages.
package search

import (
	"encoding/json"
	"slices"
	"strings"
)

// Doc is a page to be found.
type Doc struct {
	URL     string
	Title   string
	Summary string
	// Section is shown with the result (a barrier's sector) and indexed.
	Section string
	// Extra is indexed like the summary but not shown (a barrier's law).
	Extra string
	// Text is the page's body as plain text.
	Text string
}

// Index is the search index of one language, as written to JSON.
type Index struct {
	Docs []Result `json:"docs"`
	// Terms maps a term to pairs of numbers: a document's place in Docs,
	// then its score.
	Terms map[string][]int `json:"terms"`
}

// Result is what a search shows of a page.
type Result struct {
	URL     string `json:"u"`
	Title   string `json:"t"`
	Summary string `json:"s"`
	Section string `json:"k,omitempty"`
}

// Field weights: where a term occurs says how well a page answers it.
const (
	weightTitle   = 16
	weightSummary = 6
	weightSection = 3
	weightText    = 1
	// maxTextCount caps how often body occurrences count, so a long page
	// does not outrank a page titled with the word.
	maxTextCount = 4
)

// Build indexes docs, in their order. A large site uses a Builder, which
// keeps less in memory; the two give the same index.
func Build(docs []Doc) *Index {
	ix := &Index{Terms: make(map[string][]int)}
	sc := scorers.Get().(*scorer)
	defer scorers.Put(sc)
	for i, d := range docs {
		ix.Docs = append(ix.Docs, Result{URL: d.URL, Title: d.Title, Summary: d.Summary, Section: d.Section})
		for _, ts := range sc.score(d) {
			ix.Terms[ts.term] = append(ix.Terms[ts.term], i, ts.score)
		}
	}
	return ix
}

// JSON is the index as search.js reads it. Map keys are sorted, so the same
// site makes the same bytes (and the same hashed file name).
func (ix *Index) JSON() ([]byte, error) { return json.Marshal(ix) }

// Query returns the places in Docs of the pages matching q, best first.
// It is what search.js does, written in Go to test the approach.
func (ix *Index) Query(q string) []int {
	var total map[int]int
	for _, tok := range Tokens(q) {
		m := ix.matchToken(tok)
		if total == nil {
			total = m
			continue
		}
		for d := range total {
			if s, ok := m[d]; ok {
				total[d] += s
			} else {
				delete(total, d)
			}
		}
	}
	out := make([]int, 0, len(total))
	for d := range total {
		out = append(out, d)
	}
	slices.SortFunc(out, func(a, b int) int {
		if total[a] != total[b] {
			return total[b] - total[a]
		}
		return a - b
	})
	return out
}

// matchToken returns the score of every document matching one query token.
func (ix *Index) matchToken(tok Token) map[int]int {
	if !tok.CJK {
		return ix.prefix(tok.Text, false)
	}
	if len([]rune(tok.Text)) == 1 {
		return ix.prefix(tok.Text, true)
	}
	m := ix.allPairs(tok.Text)
	if len(m) == 0 {
		if stem, ok := StripParticle(tok.Text); ok {
			return ix.matchToken(Token{Text: stem, CJK: true})
		}
	}
	return m
}

// allPairs returns the documents holding every bigram of a CJK word, each
// scored by its weakest bigram.
func (ix *Index) allPairs(word string) map[int]int {
	var m map[int]int
	for _, p := range bigrams([]rune(word)) {
		cur := pairs(ix.Terms[p])
		if m == nil {
			m = cur
			continue
		}
		for d, s := range m {
			if c, ok := cur[d]; !ok {
				delete(m, d)
			} else if c < s {
				m[d] = c
			}
		}
	}
	return m
}

// prefix returns the documents with a term starting with p, each scored by
// its best such term. cjk says which kind of term p can match.
func (ix *Index) prefix(p string, cjk bool) map[int]int {
	m := make(map[int]int)
	for t, ps := range ix.Terms {
		if !strings.HasPrefix(t, p) || isCJK([]rune(t)[0]) != cjk {
			continue
		}
		for d, s := range pairs(ps) {
			m[d] = max(m[d], s)
		}
	}
	return m
}

func pairs(ps []int) map[int]int {
	m := make(map[int]int, len(ps)/2)
	for i := 0; i+1 < len(ps); i += 2 {
		m[ps[i]] = ps[i+1]
	}
	return m
}
