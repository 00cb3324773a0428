package markdown

import (
	"strings"

	"github.com/alecthomas/chroma/v2"
)

// classPrefix is the prefix of every class highlighted code is given, in
// the pages and in the style sheet (chroma.css).
const classPrefix = "hl-"

// writeHighlighted writes the tokens of it as HTML, byte for byte as
// chroma's HTML formatter writes them with classes and without line
// numbers: a pre element holding each line in a span of its own,
// and each token in a span of its type's class, if it has one. Format
// first collects the tokens, then copies them split into lines, and
// writes each tag and token through fmt; every code block of a site goes
// through this, so it writes them as they come. TestHighlightIsChromas
// and FuzzHighlight hold it to Format.
func writeHighlighted(b *strings.Builder, it chroma.Iterator) {
	b.WriteString(`<pre class="` + classPrefix + `chroma"><code>`)
	const (
		lineStart = `<span class="` + classPrefix + `line"><span class="` + classPrefix + `cl">`
		lineEnd   = `</span></span>`
	)
	open := false // a line's spans are open
	// A line that starts with an empty token is held: a line of that one
	// token alone is dropped if it is the last.
	hold, held := false, chroma.TokenType(0)
	token := func(t chroma.TokenType, v string) {
		if !open {
			if v == "" && !hold {
				hold, held = true, t
				return
			}
			b.WriteString(lineStart)
			open = true
			if hold {
				writeToken(b, held, "")
				hold = false
			}
		}
		writeToken(b, t, v)
	}
	for t := it(); t != chroma.EOF; t = it() {
		v := t.Value
		for {
			i := strings.IndexByte(v, '\n')
			if i < 0 {
				break
			}
			token(t.Type, v[:i+1])
			b.WriteString(lineEnd)
			open = false
			v = v[i+1:]
			if v == "" {
				break
			}
		}
		if v != "" || !strings.Contains(t.Value, "\n") {
			token(t.Type, v)
		}
	}
	if open {
		b.WriteString(lineEnd)
	}
	b.WriteString(`</code></pre>`)
}

// writeToken writes one token's text, escaped as html.EscapeString
// escapes it, in a span of its type's class if it has one.
func writeToken(b *strings.Builder, t chroma.TokenType, v string) {
	cls := tokenClass(t)
	if cls != "" {
		b.WriteString(`<span class="`)
		b.WriteString(cls)
		b.WriteString(`">`)
	}
	for {
		i := strings.IndexAny(v, `&'<>"`)
		if i < 0 {
			break
		}
		b.WriteString(v[:i])
		switch v[i] {
		case '&':
			b.WriteString("&amp;")
		case '\'':
			b.WriteString("&#39;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&#34;")
		}
		v = v[i+1:]
	}
	b.WriteString(v)
	if cls != "" {
		b.WriteString(`</span>`)
	}
}

// tokenClasses are the classes of the token types chroma names, prefixed.
var tokenClasses = func() map[chroma.TokenType]string {
	m := make(map[chroma.TokenType]string, len(chroma.StandardTypes))
	for t, cls := range chroma.StandardTypes {
		if cls != "" {
			cls = classPrefix + cls
		}
		m[t] = cls
	}
	return m
}()

// tokenClass is the class of a token of type t: its own, or else its
// nearest parent's that chroma names ("" if that is none).
func tokenClass(t chroma.TokenType) string {
	for t != 0 {
		if cls, ok := tokenClasses[t]; ok {
			return cls
		}
		t = t.Parent()
	}
	return tokenClasses[0]
}
