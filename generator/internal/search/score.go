package search

import (
	"sync"
	"unicode"
	"unicode/utf8"
)

// A scorer finds a document's terms and their scores: what Terms gives
// for each field, counted with the field weights. Every body of a site
// goes through it, so it reads the text once, lower-casing rune by rune
// into a buffer, and makes a string only for each distinct term of the
// document; TestScoreAgrees and FuzzScore hold it to Terms.
type scorer struct {
	index map[string]int32
	terms []termScore
	field int32
	word  []byte // the current run, lower-cased
	at    []int  // where each rune of a CJK run starts in word
	// For Builder.Add: each term's shard, and the terms in shard order.
	shard []uint8
	order []int32
}

type termScore struct {
	term        string
	score, seen int32
	field       int32 // the field seen counts for
}

var scorers = sync.Pool{New: func() any { return &scorer{index: make(map[string]int32)} }}

// score returns d's terms and scores; put the scorer back in scorers when
// done with them.
func score(d Doc) *scorer {
	s := scorers.Get().(*scorer)
	clear(s.index)
	s.terms = s.terms[:0]
	s.field = 0
	s.add(d.Title, weightTitle, 1)
	s.add(d.Summary, weightSummary, 1)
	s.add(d.Extra, weightSummary, 1)
	s.add(d.Section, weightSection, 1)
	s.add(d.Text, weightText, maxTextCount)
	return s
}

// add counts the terms of one field: weight for each occurrence, up to
// limit occurrences of a term.
func (s *scorer) add(text string, weight, limit int32) {
	s.field++
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
	i, ok := s.index[string(term)]
	if !ok {
		t := string(term)
		i = int32(len(s.terms))
		s.index[t] = i
		s.terms = append(s.terms, termScore{term: t})
	}
	t := &s.terms[i]
	if t.field != s.field {
		t.field, t.seen = s.field, 0
	}
	if t.seen < limit {
		t.seen++
		t.score += weight
	}
}
