package search

import "sync"

// maxScore is the highest score a document can have for a term, a
// title's, two summary fields', a sector's and a body's: a Builder keeps
// it in a byte (this does not compile if it is more).
const maxScore uint8 = weightTitle + 2*weightSummary + weightSection + maxTextCount*weightText

// A scorer finds the terms of documents (see Terms) and their scores, one
// document after another, in maps it keeps: each page would otherwise
// leave the collector two maps of its few hundred terms.
type scorer struct {
	scores map[string]int // the document's terms, each with its score
	count  map[string]int // a field's terms, each with how often it is there
}

func newScorer() *scorer {
	return &scorer{scores: make(map[string]int), count: make(map[string]int)}
}

// scorers keep the scorers of Build and Builder.Add between their calls.
var scorers = sync.Pool{New: func() any { return newScorer() }}

// score returns d's terms and the score of each: the weight of each field
// it occurs in, once per occurrence up to the field's limit. The map is
// the scorer's, and holds d's scores until the next call.
func (s *scorer) score(d Doc) map[string]int {
	clear(s.scores)
	s.add(d.Title, weightTitle, 1)
	s.add(d.Summary, weightSummary, 1)
	s.add(d.Extra, weightSummary, 1)
	s.add(d.Section, weightSection, 1)
	s.add(d.Text, weightText, maxTextCount)
	return s.scores
}

func (s *scorer) add(text string, weight, limit int) {
	clear(s.count)
	for t := range terms(text) {
		s.count[t]++
	}
	for t, n := range s.count {
		s.scores[t] += weight * min(n, limit)
	}
}
