package content

// Front matter is decoded on every build, once per document, and a general
// YAML parser spends most of that time on machinery front matter never
// uses: a lexer for every construct of the language, token lists, comment
// tracking. parseFast reads the small part of YAML that front matter is
// written in (top-level keys, one-line scalars, folded summaries, lists of
// scalars and of small mappings) line by line, and builds the same goccy
// ast nodes that parser.ParseBytes builds for it: the same node types,
// token values, lines and columns. The decoders in fields.go and yaml.go
// cannot tell which parser ran, so every value and every message stays the
// same.
//
// The rule that keeps the two in step: parseFast never reports a problem.
// Whenever the text uses anything outside that part of YAML, or anything
// it is not certain goccy reads the same way, or anything that would be an
// error, it gives up and the caller runs goccy, which decides. Giving up
// is always correct; a different tree would be a silent bug. Tests compare
// the two parsers on every real document, on hand-written cases and under
// fuzzing (fastyaml_test.go).

import (
	"bytes"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"
)

const (
	// fastMaxDepth bounds the nesting of block lists and mappings that
	// parseFast follows; deeper text is left to goccy.
	fastMaxDepth = 8
	// fastMaxKeys bounds the keys of one mapping, so that checking for
	// duplicates (which goccy reports as errors) stays cheap.
	fastMaxKeys = 64
)

// fastParser reads YAML text one line at a time.
type fastParser struct {
	src    string
	next   int    // offset of the line after the current one
	text   string // the current line, without its newline
	line   int    // number of the current line, from 1
	indent int    // spaces at the start of the current line
	eof    bool   // no line is left; text is ""
	depth  int    // block lists and mappings open
	arena  fastArena
	// pairs and items hold the entries of the mappings and lists being
	// read, so that each gets a slice of the right size once done.
	pairs    []*ast.MappingValueNode
	items    []ast.Node
	pairsBuf [32]*ast.MappingValueNode
	itemsBuf [16]ast.Node
}

// parseFast returns the top-level mapping of src as goccy would build it,
// or ok false if src is not plainly in the part of YAML it reads.
func parseFast(src []byte) (body ast.Node, ok bool) {
	return new(fastParser).parse(src)
}

// fastParsers hold parsers whose nodes are no longer used (see
// yamlDoc.release), so that one file's nodes reuse another's memory: a
// large site's front matter made hundreds of megabytes of them.
var fastParsers = sync.Pool{New: func() any { return new(fastParser) }}

// parse is parseFast with p's memory. The nodes it returns are valid until
// p parses again.
func (p *fastParser) parse(src []byte) (body ast.Node, ok bool) {
	if !fastPlainText(src) {
		return nil, false
	}
	p.arena.reset()
	*p = fastParser{src: string(src), arena: p.arena}
	p.arena.lines = bytes.Count(src, []byte("\n")) + 1
	p.pairs, p.items = p.pairsBuf[:0], p.itemsBuf[:0]
	p.advance()
	p.skipBlank()
	if p.eof || p.indent != 0 {
		return nil, false
	}
	m, ok := p.mapping(0)
	if !ok || !p.eof {
		return nil, false
	}
	return m, true
}

// fastPlainText reports whether src is valid UTF-8 without control
// characters other than newlines, and without spaces at the end of a line
// (so that a line holding only spaces does not occur either). Tabs,
// carriage returns and trailing spaces each have rules of their own in
// YAML; leaving them all to goccy keeps the rest simple.
func fastPlainText(src []byte) bool {
	for i, c := range src {
		switch {
		case c == '\n':
		case c < ' ' || c == 0x7f:
			return false
		case c == ' ' && (i+1 == len(src) || src[i+1] == '\n'):
			return false
		}
	}
	return utf8.Valid(src)
}

// advance moves to the next line.
func (p *fastParser) advance() {
	if p.next >= len(p.src) {
		p.eof, p.text, p.indent = true, "", 0
		return
	}
	rest := p.src[p.next:]
	if nl := strings.IndexByte(rest, '\n'); nl >= 0 {
		p.text, p.next = rest[:nl], p.next+nl+1
	} else {
		p.text, p.next = rest, len(p.src)
	}
	p.line++
	p.indent = len(p.text) - len(strings.TrimLeft(p.text, " "))
}

// skipBlank moves past empty lines.
func (p *fastParser) skipBlank() {
	for !p.eof && p.text == "" {
		p.advance()
	}
}

// col is the column goccy gives the byte at offset i of the current line:
// it counts characters, not bytes.
func (p *fastParser) col(i int) int {
	return 1 + utf8.RuneCountInString(p.text[:i])
}

func (p *fastParser) enter() bool {
	p.depth++
	return p.depth <= fastMaxDepth
}

func (p *fastParser) leave() { p.depth-- }

// mapping reads a block mapping whose keys start at byte indent of their
// lines, the first of them on the current line. It stops at the first line
// indented less.
func (p *fastParser) mapping(indent int) (*ast.MappingNode, bool) {
	defer p.leave()
	if !p.enter() {
		return nil, false
	}
	base := len(p.pairs)
	defer func() { p.pairs = p.pairs[:base] }()
	for {
		mv, ok := p.entry(indent)
		if !ok || !newKey(p.pairs[base:], mv.Key.GetToken().Value) {
			return nil, false
		}
		p.pairs = append(p.pairs, mv)
		p.skipBlank()
		if p.eof || p.indent < indent {
			// goccy's block mapping starts at its first colon.
			return p.arena.mapping(p.pairs[base].Start, false, p.pairs[base:]), true
		}
		if p.indent > indent {
			return nil, false // a continuation line, or bad indentation
		}
	}
}

// newKey reports whether key is not among the keys of pairs: goccy
// refuses a duplicate.
func newKey(pairs []*ast.MappingValueNode, key string) bool {
	if len(pairs) >= fastMaxKeys {
		return false
	}
	for _, mv := range pairs {
		if mv.Key.GetToken().Value == key {
			return false
		}
	}
	return true
}

// keyEnd returns the end of a key that starts at byte i of t: a lower-case
// letter, then letters, digits and underscores. It returns i if there is
// none. null, true and false are not keys here: goccy types them.
func keyEnd(t string, i int) int {
	if i >= len(t) || t[i] < 'a' || t[i] > 'z' {
		return i
	}
	j := i + 1
	for j < len(t) && (t[j] >= 'a' && t[j] <= 'z' || t[j] >= '0' && t[j] <= '9' || t[j] == '_') {
		j++
	}
	switch t[i:j] {
	case "null", "true", "false":
		return i
	}
	return j
}

// isKeyLine reports whether t holds "key:" at byte i, followed by a space
// or the end of the line.
func isKeyLine(t string, i int) bool {
	k := keyEnd(t, i)
	return k > i && k < len(t) && t[k] == ':' && (k+1 == len(t) || t[k+1] == ' ')
}

// entry reads one "key: value" of a block mapping, the key at byte indent
// of the current line, and moves past the value.
func (p *fastParser) entry(indent int) (*ast.MappingValueNode, bool) {
	t := p.text
	if !isKeyLine(t, indent) {
		return nil, false
	}
	k := keyEnd(t, indent)
	key := p.arena.str(token.StringType, t[indent:k], p.line, p.col(indent))
	colon := p.arena.token(token.MappingValueType, ":", p.line, p.col(k))
	var value ast.Node
	var ok bool
	switch {
	case k+1 == len(t):
		value, ok = p.blockValue(indent, colon)
	case k+2 < len(t) && t[k+2] != ' ':
		value, ok = p.inlineValue(indent, k+2, true)
	}
	if !ok {
		return nil, false
	}
	return p.arena.mappingValue(colon, key, value), true
}

// blockValue reads the value of a key that ends its line: a list or a
// mapping on the lines below, indented more, or else nothing (null).
func (p *fastParser) blockValue(indent int, colon *token.Token) (ast.Node, bool) {
	p.advance()
	p.skipBlank()
	if !p.eof && p.indent > indent {
		if t := p.text[p.indent:]; strings.HasPrefix(t, "- ") {
			return p.sequence(p.indent)
		}
		return p.mapping(p.indent)
	}
	if !p.eof && p.indent == indent && p.text[p.indent] == '-' {
		return nil, false // a list at the key's own indentation
	}
	// goccy places an empty value just after the colon, or one column
	// further when nothing but blank lines follows it.
	col := colon.Position.Column + 1
	if p.eof {
		col++
	}
	return p.arena.null(p.arena.token(token.ImplicitNullType, "null", colon.Position.Line, col)), true
}

// sequence reads a block list whose dashes are at byte indent of their
// lines, the first on the current line.
func (p *fastParser) sequence(indent int) (*ast.SequenceNode, bool) {
	defer p.leave()
	if !p.enter() {
		return nil, false
	}
	start := p.arena.token(token.SequenceEntryType, "-", p.line, indent+1)
	base := len(p.items)
	defer func() { p.items = p.items[:base] }()
	for {
		t := p.text
		if len(t) < indent+3 || t[indent] != '-' || t[indent+1] != ' ' || t[indent+2] == ' ' {
			return nil, false
		}
		var item ast.Node
		var ok bool
		if isKeyLine(t, indent+2) {
			item, ok = p.mapping(indent + 2)
		} else {
			item, ok = p.inlineValue(indent, indent+2, false)
		}
		if !ok {
			return nil, false
		}
		p.items = append(p.items, item)
		p.skipBlank()
		if p.eof || p.indent < indent {
			return p.arena.sequence(start, false, p.items[base:]), true
		}
		if p.indent > indent {
			return nil, false
		}
	}
}

// inlineValue reads the value that starts at byte v of the current line
// and moves past it. folded allows a ">-" block scalar, whose lines must be
// indented more than indent.
func (p *fastParser) inlineValue(indent, v int, folded bool) (ast.Node, bool) {
	t := p.text
	var n ast.Node
	end, ok := len(t), false
	switch t[v] {
	case '>':
		if folded && t[v:] == ">-" {
			return p.folded(indent, v)
		}
	case '[':
		n, end, ok = p.flowSequence(v)
	case '{':
		n, end, ok = p.flowMapping(v)
	case '"':
		n, end, ok = p.doubleQuoted(v)
	case '\'':
		n, end, ok = p.singleQuoted(v)
	default:
		n, ok = p.plain(t[v:], v)
	}
	if !ok || end != len(t) {
		return nil, false
	}
	p.advance()
	return n, true
}

// folded reads a ">-" block scalar whose header is at byte v of the
// current line. Only the simplest form is read: lines all indented alike,
// with no blank line between them, folded into one line of text.
func (p *fastParser) folded(indent, v int) (ast.Node, bool) {
	header := p.arena.token(token.FoldedType, ">-", p.line, p.col(v))
	p.advance()
	if p.eof || p.text == "" || p.indent <= indent {
		return nil, false
	}
	in, line := p.indent, p.line
	text := p.text[in:]
	var more []string
	for p.advance(); !p.eof && p.text != "" && p.indent == in; p.advance() {
		more = append(more, p.text[in:])
	}
	if !p.eof && p.text != "" && p.indent > in {
		return nil, false // a more-indented line keeps its line break
	}
	if more != nil {
		text += " " + strings.Join(more, " ")
	}
	lit := ast.Literal(header)
	lit.Value = p.arena.str(token.StringType, text, line, in+1)
	return lit, true
}
