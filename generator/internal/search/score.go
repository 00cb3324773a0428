package search

import (
	"sync"
	"unicode"
	"unicode/utf8"
)

// A scorer finds a document's terms and their scores: what Terms gives
// for each field, counted with the field weights. Every body of a site
// goes through it, so it reads the text once, lower-casing into a buffer
// (a run of ASCII letters or of Hangul syllables in a loop of its own);
// TestScoreAgrees and FuzzScore hold it to Terms.
//
// A scorer keeps the terms it has seen, from one document to the next, as
// a dictionary of numbers (ids): a term is made a string once, however
// many documents hold it, and a Builder keeps each term's postings by its
// id. The scores of one document are kept by id too, and the ids it holds
// listed in found.
type scorer struct {
	dict  table    // the terms, numbered by id
	stat  []counts // by id: the term's counts in this document
	found []int32  // the ids of this document's terms, in the order first seen
	cur   int32    // the current field, from 1
	// runs are the CJK runs seen, numbered as runTerms (see countRun).
	runs     table
	runTerms []runTerms
	runIDs   []int32
	word     []byte // the current run, lower-cased
	at       []int  // where each rune of a CJK run starts in word
}

// counts are a term's counts in the document being scored, kept together
// (one place in memory to reach for each occurrence).
type counts struct {
	score int32 // the score in this document
	seen  int32 // occurrences counted in the current field
	field int32 // the field seen counts for; 0 if not in this document
}

func newScorer() *scorer { return new(scorer) }

// terms are the scorer's terms, by id.
func (s *scorer) terms() []string { return s.dict.keys }

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
		s.stat[id] = counts{}
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
		f(s.dict.keys[id], s.stat[id].score)
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
			s.countRun(word, at, weight, limit)
		case runes > 1 || unicode.IsDigit(first):
			s.count(s.id(word), weight, limit)
		}
		word, at, runes = word[:0], at[:0], 0
	}
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			l := wordByte[c]
			if l == 0 {
				i++
				flush()
				continue
			}
			// ASCII letters and digits, lower-cased, up to the next other
			// byte (a space, or the first byte of another rune).
			if runes > 0 && cjk {
				flush()
			}
			if runes == 0 {
				first = rune(l)
			}
			cjk = false
			j := i
			for {
				word = append(word, l)
				if j++; j == len(text) {
					break
				}
				if l = wordByte[text[j]]; l == 0 {
					break
				}
			}
			runes += j - i
			i = j
			continue
		}
		if syllable(text, i) {
			// Hangul syllables, most of a Korean page's letters: letters,
			// with no case, in a CJK script, read without the decoder's
			// checks.
			if runes > 0 && !cjk {
				flush()
			}
			cjk = true
			for {
				at = append(at, len(word))
				word = append(word, text[i:i+3]...)
				i += 3
				runes++
				if !syllable(text, i) {
					break
				}
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		r = unicode.ToLower(r)
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += n
			flush()
			continue
		}
		c := isCJK(r)
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
		i += n
		runes++
	}
	flush()
}

// wordByte is each ASCII letter and digit lower-cased, and 0 for every
// other byte.
var wordByte = func() (t [256]byte) {
	for c := '0'; c <= '9'; c++ {
		t[c] = byte(c)
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = byte(c), byte(c)
	}
	return t
}()

// syllable reports whether text[i:] starts with the UTF-8 encoding of a
// Hangul syllable (U+AC00 to U+D7A3).
func syllable(text string, i int) bool {
	if i+3 > len(text) {
		return false
	}
	b0, b1, b2 := text[i], text[i+1], text[i+2]
	if b0 < 0xea || b0 > 0xed || b1&0xc0 != 0x80 || b2&0xc0 != 0x80 {
		return false
	}
	r := rune(b0&0x0f)<<12 | rune(b1&0x3f)<<6 | rune(b2&0x3f)
	return '가' <= r && r <= '힣'
}

// countRun counts the terms of a CJK run (see Terms): each pair of
// neighbouring characters, then the last character alone. A Korean word
// makes as many terms as it has syllables, and the same words come back
// page after page, so the ids of a run's terms are kept, for the first
// maxRuns runs seen: the next time, the run is looked up once instead of
// each of its terms.
func (s *scorer) countRun(word []byte, at []int, weight, limit int32) {
	r, h, ok := s.runs.find(word)
	if ok {
		t := s.runTerms[r]
		for _, id := range s.runIDs[t.start:t.end] {
			s.count(id, weight, limit)
		}
		return
	}
	start := len(s.runIDs)
	for i := range at {
		end := len(word)
		if i+2 < len(at) {
			end = at[i+2]
		}
		id := s.id(word[at[i]:end])
		s.runIDs = append(s.runIDs, id)
		s.count(id, weight, limit)
	}
	if s.runs.len() < maxRuns {
		s.runs.put(string(word), h)
		s.runTerms = append(s.runTerms, runTerms{int32(start), int32(len(s.runIDs))})
	} else {
		s.runIDs = s.runIDs[:start]
	}
}

// maxRuns bounds the CJK runs a scorer keeps the term ids of: about 5 MiB.
const maxRuns = 1 << 16

// runTerms are the ids of a CJK run's terms: runIDs[start:end].
type runTerms struct{ start, end int32 }

// id returns term's id, giving it one if it has none yet.
func (s *scorer) id(term []byte) int32 {
	id, h, ok := s.dict.find(term)
	if !ok {
		id = s.dict.put(string(term), h)
		s.stat = append(s.stat, counts{})
	}
	return id
}

// count adds one occurrence of term id.
func (s *scorer) count(id, weight, limit int32) {
	c := &s.stat[id]
	if c.field != s.cur {
		if c.field == 0 { // the document's first occurrence
			s.found = append(s.found, id)
		}
		c.field, c.seen = s.cur, 0
	}
	if c.seen < limit {
		c.seen++
		c.score += weight
	}
}
