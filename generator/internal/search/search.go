// Package search makes the site's client-side search index: one small JSON
// file per language, written at build time and fetched by static/search.js
// the first time a reader uses the search box.
//
// Korean is written in words with particles attached (클라우드를,
// 클라우드의) and in compounds (보안인증), so whole-word matching finds
// little. The index therefore keeps Hangul (and Chinese characters) as
// overlapping character pairs, bigrams: 클라우드를 is indexed as 클라,
// 라우, 우드, 드를 and its last letter 를. A query word loses its particles
// and endings (Normalize: 클라우드를 → 클라우드) and is cut the same way;
// a page matches when it holds every pair, so 클라우드, 클라우드를 and
// 클라우드의 are one query, and 인증 finds 보안인증. Two Korean words
// apart (망 사용료) are also indexed by the pair across the space (망사),
// so a compound is found written either way. A one-letter query matches
// every pair that starts with it.
//
// Other scripts (English, numbers) are lower-cased words; a query word
// matches every indexed word it is a prefix of, so "certif" finds
// "certification". A query word that editors list among synonyms
// (content/synonyms.yaml, see synonyms.go) matches any word of its group.
//
// Each page is indexed in parts: its lead and a part for each heading, so
// that a result links to the heading (a glossary term, a timeline entry)
// where it matched. A part's score for a term adds up where the term
// occurs: the page's title counts most, then a heading, the summary and
// the law, then the sector, then the text. The index maps each term to its
// parts and scores; Query is the reference implementation of the matching
// that search.js does in the browser, and the browser tests hold the two
// to the same results.
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

// Doc is a part of a page to be found: the page's lead (what comes before
// its first heading, with its title, summary, law and sector) or one of its
// sections (a heading and the text under it, up to the next heading). A
// result links to the part where the query matched best.
type Doc struct {
	// URL is the part's address: the page's, and #anchor for a section.
	URL string
	// Title is the page's title, indexed with the lead only and shown
	// with every part.
	Title string
	// Heading is a section's heading, indexed and shown; "" for the lead.
	Heading string
	// Summary is indexed with the lead.
	Summary string
	// Section is shown with the result (a barrier's sector) and indexed
	// with the lead.
	Section string
	// Extra is indexed like the summary but not shown (a barrier's law).
	Extra string
	// Text is the part's body as plain text.
	Text string
}

// Index is the search index of one language, as written to JSON.
type Index struct {
	Docs []Result `json:"docs"`
	// Terms maps a term to pairs of numbers, in the order of Docs: a
	// document's place in Docs less the place of the pair before (the
	// first, its place), then its score. Written as differences, the
	// places take fewer digits: the indexes of 10,000 barriers are a
	// fifth smaller.
	Terms map[string][]int `json:"terms"`
	// Endings are the Korean endings a query word loses (see Normalize),
	// for search.js, which normalises as Normalize does.
	Endings []string `json:"end"`
	// Synonyms are the groups of words a query word may be written as.
	Synonyms Synonyms `json:"syn,omitempty"`
}

// Result is what a search shows of a part of a page: the page's title, the
// section's heading, and the passage of its text where the query's words
// are (search.js picks it from Text).
type Result struct {
	URL     string `json:"u"`
	Title   string `json:"t"`
	Heading string `json:"h,omitempty"`
	Section string `json:"k,omitempty"`
	Text    string `json:"x,omitempty"`
}

// ResultOf is what the index keeps to show of d: the lead's text begins
// with the page's summary and law, which a query may have matched. White
// space is folded to single spaces.
func ResultOf(d Doc) Result {
	var b strings.Builder
	b.Grow(len(d.Text))
	fold := func(s string) {
		for w := range strings.FieldsSeq(s) {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(w)
		}
	}
	if d.Heading == "" {
		fold(d.Summary)
		fold(d.Extra)
	}
	fold(d.Text)
	return Result{URL: d.URL, Title: d.Title, Heading: d.Heading, Section: d.Section, Text: b.String()}
}

// Field weights: where a term occurs says how well a page answers it.
const (
	weightTitle   = 16
	weightHeading = 10
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
	ix := &Index{Terms: make(map[string][]int), Endings: endings}
	sc := scorers.Get().(*scorer)
	defer scorers.Put(sc)
	last := make(map[string]int) // the place of each term's last pair
	for i, d := range docs {
		ix.Docs = append(ix.Docs, ResultOf(d))
		for _, ts := range sc.score(d) {
			ix.Terms[ts.term] = append(ix.Terms[ts.term], i-last[ts.term], ts.score)
			last[ts.term] = i
		}
	}
	return ix
}

// JSON is the index as search.js reads it. Map keys are sorted, so the same
// site makes the same bytes (and the same hashed file name).
func (ix *Index) JSON() ([]byte, error) { return json.Marshal(ix) }

// Query returns the places in Docs of the parts of pages matching q, best
// first, one part a page. It is what search.js does, written in Go to test
// the approach.
//
// A page matches when each word of the query (normalised, see Normalize)
// or one of its synonyms is somewhere in it. Its score is the sum, over
// the words, of the best score a part of it has for the word; the part
// shown is the one with the most of the words, then the highest sum of
// their scores, then the first.
// Pages of equal scores keep the order of the index.
func (ix *Index) Query(q string) []int {
	words := queryWords(q, ix.Synonyms.lookup())
	if len(words) == 0 {
		return nil
	}
	type page struct {
		best, bestScore int
		word            []int // the best score of a part for each word
	}
	pages := make(map[string]*page)
	parts := make(map[int]*page) // the page of each part found
	// own is each part's own rank: the words it has, then their scores.
	own := make(map[int]int)
	for i, alts := range words {
		for d, s := range ix.matchWord(alts) {
			p := parts[d]
			if p == nil {
				key, _, _ := strings.Cut(ix.Docs[d].URL, "#")
				if p = pages[key]; p == nil {
					p = &page{best: -1, word: make([]int, len(words))}
					pages[key] = p
				}
				parts[d] = p
			}
			p.word[i] = max(p.word[i], s)
			own[d] += 1<<16 + s
		}
	}
	for d, s := range own {
		if p := parts[d]; s > p.bestScore || s == p.bestScore && d < p.best {
			p.best, p.bestScore = d, s
		}
	}
	var out []int
	total := make(map[int]int)
	for _, p := range pages {
		sum := 0
		for _, s := range p.word {
			if s == 0 {
				sum = -1
				break
			}
			sum += s
		}
		if sum >= 0 {
			out = append(out, p.best)
			total[p.best] = sum
		}
	}
	slices.SortFunc(out, func(a, b int) int {
		if total[a] != total[b] {
			return total[b] - total[a]
		}
		return a - b
	})
	return out
}

// matchWord returns the score of every part matching one query word in
// any of its forms: the best of them.
func (ix *Index) matchWord(alts []Token) map[int]int {
	m := make(map[int]int)
	for _, t := range alts {
		for d, s := range ix.matchToken(t) {
			m[d] = max(m[d], s)
		}
	}
	return m
}

// matchToken returns the score of every document matching one query token.
func (ix *Index) matchToken(tok Token) map[int]int {
	if !tok.CJK {
		return ix.prefix(tok.Text, false)
	}
	if len([]rune(tok.Text)) == 1 {
		return ix.prefix(tok.Text, true)
	}
	return ix.allPairs(tok.Text)
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

// pairs reads a term's postings (see Index.Terms) as scores by place.
func pairs(ps []int) map[int]int {
	m := make(map[int]int, len(ps)/2)
	place := 0
	for i := 0; i+1 < len(ps); i += 2 {
		place += ps[i]
		m[place] = ps[i+1]
	}
	return m
}
