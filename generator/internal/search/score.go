package search

import "sync"

// maxScore is the highest score a document can have for a term, a
// title's, a heading's, two summary fields', a sector's and a body's: a
// Builder keeps it in a byte (this does not compile if it is more).
const maxScore uint8 = weightTitle + weightHeading + 2*weightSummary + weightSection + maxTextCount*weightText

// A scorer finds the terms of documents (see Terms) and their scores, one
// document after another, keeping its memory from one to the next: each
// page would otherwise leave the collector a map and a list of its few
// hundred terms.
type scorer struct {
	ids   map[string]int // a document's terms, numbered in the order found
	terms []termScore    // by number
}

// termScore is a term of a document and its score.
type termScore struct {
	term  string
	score int
	field int // the field seen counts in, from 1
	seen  int // its occurrences counted in that field
}

func newScorer() *scorer { return &scorer{ids: make(map[string]int)} }

// scorers keep the scorers of Build and Builder.Add between their calls.
var scorers = sync.Pool{New: func() any { return newScorer() }}

// score returns d's terms and the score of each: the weight of each field
// it occurs in, once per occurrence up to the field's limit. The terms
// are the scorer's, and hold d's scores until the next call. A section's
// page title is not its own: only the lead is scored for it.
func (s *scorer) score(d Doc) []termScore {
	clear(s.ids)
	s.terms = s.terms[:0]
	title := d.Title
	if d.Heading != "" {
		title = ""
	}
	fields := [...]struct {
		text          string
		weight, limit int
	}{
		{title, weightTitle, 1},
		{d.Heading, weightHeading, 1},
		{d.Summary, weightSummary, 1},
		{d.Extra, weightSummary, 1},
		{d.Section, weightSection, 1},
		{d.Text, weightText, maxTextCount},
	}
	for f, field := range fields {
		for t := range terms(field.text) {
			id, ok := s.ids[t]
			if !ok {
				id = len(s.terms)
				s.ids[t] = id
				s.terms = append(s.terms, termScore{term: t})
			}
			ts := &s.terms[id]
			if ts.field != f+1 {
				ts.field, ts.seen = f+1, 0
			}
			if ts.seen < field.limit {
				ts.seen++
				ts.score += field.weight
			}
		}
	}
	return s.terms
}
