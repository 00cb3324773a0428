package search

import (
	"sync"
	"unicode"
	"unicode/utf8"
)

// A scorer finds a document's terms and their scores: what Terms gives
// for each field, counted with the field weights. Every body of a site
// goes through it, so it reads the text once, lower-casing rune by rune
// into a buffer; TestScoreAgrees and FuzzScore hold it to Terms.
//
// A scorer keeps the terms it has seen, from one document to the next, as
// a dictionary of numbers (ids): a term is made a string once, however
// many documents hold it, and a Builder keeps each term's postings by its
// id. The scores of one document are kept by id too, and the ids it holds
// listed in found.
type scorer struct {
	ids   map[string]int32
	terms []string // by id
	score []int32  // by id: the score in this document
	seen  []int32  // by id: occurrences counted in the current field
	field []int32  // by id: the field seen counts for; 0 if not in this document
	found []int32  // the ids of this document's terms, in the order first seen
	cur   int32    // the current field, from 1
	word  []byte   // the current run, lower-cased
	at    []int    // where each rune of a CJK run starts in word
}

func newScorer() *scorer { return &scorer{ids: make(map[string]int32)} }

// scorers serve Build and the tests; a Builder keeps scorers of its own.
var scorers = sync.Pool{New: func() any { return newScorer() }}

// score returns d's terms and scores (see each); put the scorer back in
// scorers when done with them.
func score(d Doc) *scorer {
	s := scorers.Get().(*scorer)
	s.scoreDoc(d)
	return s
}

// scoreDoc scores d's terms, forgetting the previous document's scores.
func (s *scorer) scoreDoc(d Doc) {
	for _, id := range s.found {
		s.score[id], s.field[id] = 0, 0
	}
	s.found = s.found[:0]
	s.cur = 0
	s.add(d.Title, weightTitle, 1)
	s.add(d.Summary, weightSummary, 1)
	s.add(d.Extra, weightSummary, 1)
	s.add(d.Section, weightSection, 1)
	s.add(d.Text, weightText, maxTextCount)
}

// each calls f with every term of the document scored and its score.
func (s *scorer) each(f func(term string, score int32)) {
	for _, id := range s.found {
		f(s.terms[id], s.score[id])
	}
}

// add counts the terms of one field: weight for each occurrence, up to
// limit occurrences of a term.
func (s *scorer) add(text string, weight, limit int32) {
	s.cur++
	// The run is built in locals, kept on the stack: stores into s's own
	// slices would each pay the collector's write barrier while it marks.
	word, at := s.word[:0], s.at[:0]
	defer func() { s.word, s.at = word[:0], at[:0] }() // keep what they grew to
	runes, cjk := 0, false
	var first rune
	flush := func() {
		switch {
		case runes == 0:
		case cjk:
			for i := 0; i+2 <= len(at); i++ {
				end := len(word)
				if i+2 < len(at) {
					end = at[i+2]
				}
				s.count(word[at[i]:end], weight, limit)
			}
			s.count(word[at[len(at)-1]:], weight, limit)
		case runes > 1 || unicode.IsDigit(first):
			s.count(word, weight, limit)
		}
		word, at, runes = word[:0], at[:0], 0
	}
	for _, r := range text {
		var c bool // r is written in a CJK script
		switch {
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			if !('a' <= r && r <= 'z' || '0' <= r && r <= '9') {
				flush()
				continue
			}
		case '가' <= r && r <= '힣':
			// A Hangul syllable, most of a Korean page's letters: a
			// letter, with no case, in a CJK script.
			c = true
		default:
			r = unicode.ToLower(r)
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				flush()
				continue
			}
			c = isCJK(r)
		}
		if runes > 0 && c != cjk {
			flush()
		}
		if runes == 0 {
			first = r
		}
		cjk = c
		if c {
			at = append(at, len(word))
		}
		word = utf8.AppendRune(word, r)
		runes++
	}
	flush()
}

// count adds one occurrence of term.
func (s *scorer) count(term []byte, weight, limit int32) {
	id, ok := s.ids[string(term)]
	if !ok {
		t := string(term)
		id = int32(len(s.terms))
		s.ids[t] = id
		s.terms = append(s.terms, t)
		s.score = append(s.score, 0)
		s.seen = append(s.seen, 0)
		s.field = append(s.field, 0)
	}
	if f := s.field[id]; f != s.cur {
		if f == 0 { // the document's first occurrence
			s.found = append(s.found, id)
		}
		s.field[id], s.seen[id] = s.cur, 0
	}
	if s.seen[id] < limit {
		s.seen[id]++
		s.score[id] += weight
	}
}
