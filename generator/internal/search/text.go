package search

import (
	"html"
	"strings"
)

// PlainText returns the text of an HTML fragment made by the markdown
// converter: tags dropped, entities decoded, block ends as spaces so words
// of adjacent paragraphs do not run together.
func PlainText(h []byte) string {
	var b strings.Builder
	inTag := false
	var quote byte
	for _, c := range h {
		switch {
		case inTag && quote != 0:
			if c == quote {
				quote = 0
			}
		case inTag && (c == '"' || c == '\''):
			quote = c
		case inTag && c == '>':
			inTag = false
			b.WriteByte(' ')
		case inTag:
		case c == '<':
			inTag = true
		default:
			b.WriteByte(c)
		}
	}
	return strings.Join(strings.Fields(html.UnescapeString(b.String())), " ")
}
