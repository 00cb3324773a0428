package content

import (
	"strings"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"
)

// This file holds the scalars and one-line lists and mappings parseFast
// reads, and how it types a plain scalar. The typing was found by asking
// goccy: 2020 and -5 are integers, 7.99 a float, 2025-04-01 text (not a
// timestamp), yes and on text, null, Null, NULL and ~ null. Forms whose
// type is less obvious (007, +5, 1_000, .5, 5., 1e3, 0x1F, .inf) are left
// to goccy.

// plain reads a plain scalar that fills the rest of the line, s, starting
// at byte v.
func (p *fastParser) plain(s string, v int) (ast.Node, bool) {
	if !plainStart(s) {
		return nil, false
	}
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '#':
			if s[i-1] == ' ' {
				return nil, false // a comment
			}
		case ':':
			if i+1 == len(s) || s[i+1] == ' ' {
				return nil, false // a mapping
			}
		case '[', ']', '{', '}', '"', '`', '\\':
			return nil, false // legal, but not needed: left to goccy
		}
	}
	return p.scalar(s, v)
}

// plainStart reports whether s starts the way a plain scalar parseFast
// reads may start: not with an indicator such as - ? : , [ ] { } # & * ! |
// > ' " % @ or `.
func plainStart(s string) bool {
	c := s[0]
	switch {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c >= 0x80:
		return true
	case c == '-':
		return len(s) > 1 && s[1] >= '0' && s[1] <= '9'
	}
	return strings.IndexByte("$(/.~_+", c) >= 0
}

// scalar builds the node of a plain scalar s at byte v, typed as goccy
// types it.
func (p *fastParser) scalar(s string, v int) (ast.Node, bool) {
	typ, ok := plainType(s)
	if !ok {
		return nil, false
	}
	if typ == token.StringType {
		return p.arena.str(typ, s, p.line, p.col(v)), true
	}
	tk := p.arena.token(typ, s, p.line, p.col(v))
	switch typ {
	case token.NullType:
		return p.arena.null(tk), true
	case token.BoolType:
		return ast.Bool(tk), true
	case token.IntegerType:
		return p.arena.integer(tk), true
	}
	return p.arena.float(tk), true
}

// plainType returns the type goccy gives the plain scalar s, or ok false
// if s is a form parseFast leaves to goccy.
func plainType(s string) (token.Type, bool) {
	switch s {
	case "null", "Null", "NULL", "~":
		return token.NullType, true
	case "true", "True", "TRUE", "false", "False", "FALSE":
		return token.BoolType, true
	}
	switch c := s[0]; {
	case isDecimal(s):
		return token.IntegerType, true
	case isSimpleFloat(s):
		return token.FloatType, true
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= 0x80:
		// No number starts with a letter, and the letter-first
		// keywords are those above.
		return token.StringType, true
	case !onlyNumberBytes(s), isDateLike(s):
		return token.StringType, true
	}
	return 0, false
}

// isDecimal matches -?(0|[1-9][0-9]*), short enough to fit an int64.
func isDecimal(s string) bool {
	s = strings.TrimPrefix(s, "-")
	if s == "0" {
		return true
	}
	return len(s) > 0 && len(s) <= 18 && s[0] != '0' && allDigits(s)
}

// isSimpleFloat matches -?(0|[1-9][0-9]*)\.[0-9]+, short enough to be
// read exactly as written.
func isSimpleFloat(s string) bool {
	whole, frac, ok := strings.Cut(strings.TrimPrefix(s, "-"), ".")
	return ok && len(whole)+len(frac) <= 15 && (whole == "0" || isDecimal(whole) && whole[0] != '-') &&
		frac != "" && allDigits(frac)
}

// isDateLike matches digits joined by hyphens, such as 2025-04-01 or
// 2011-2015: text to goccy, since no number has a hyphen inside.
func isDateLike(s string) bool {
	parts := 0
	for part := range strings.SplitSeq(s, "-") {
		if part == "" || !allDigits(part) {
			return false
		}
		parts++
	}
	return parts > 1
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// onlyNumberBytes reports whether s holds only bytes that some number
// syntax goccy accepts could use (digits, letters for hexadecimal,
// exponents and infinities, . _ + -). Text with any other byte, such as
// "16 years" or "32.8%", cannot be a number.
func onlyNumberBytes(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || strings.IndexByte("._+-", c) >= 0) {
			return false
		}
	}
	return true
}

// doubleQuoted reads a "string" that opens at byte v and closes on the
// same line. Of the escapes only \" and \\ are read. It returns the offset
// after the closing quote.
func (p *fastParser) doubleQuoted(v int) (ast.Node, int, bool) {
	t := p.text
	escaped := false
	i := v + 1
	for ; i < len(t) && t[i] != '"'; i++ {
		if t[i] == '\\' {
			if i+1 == len(t) || t[i+1] != '"' && t[i+1] != '\\' {
				return nil, 0, false
			}
			escaped = true
			i++
		}
	}
	if i == len(t) {
		return nil, 0, false
	}
	s := t[v+1 : i]
	if escaped {
		s = strings.NewReplacer(`\"`, `"`, `\\`, `\`).Replace(s)
	}
	return p.arena.str(token.DoubleQuoteType, s, p.line, p.col(v)), i + 1, true
}

// singleQuoted reads a 'string' that opens at byte v and closes on the
// same line, where a quote written twice stands for one.
func (p *fastParser) singleQuoted(v int) (ast.Node, int, bool) {
	t := p.text
	escaped := false
	i := v + 1
	for ; i < len(t); i++ {
		if t[i] == '\'' {
			if i+1 < len(t) && t[i+1] == '\'' {
				escaped, i = true, i+1
				continue
			}
			break
		}
	}
	if i == len(t) {
		return nil, 0, false
	}
	s := t[v+1 : i]
	if escaped {
		s = strings.ReplaceAll(s, "''", "'")
	}
	return p.arena.str(token.SingleQuoteType, s, p.line, p.col(v)), i + 1, true
}

// flowScalar reads a value inside [ ] or { } that starts at byte v: a
// quoted string, or a plain scalar of letters, digits and . _ / - that
// ends at the next , ] or }. It returns the offset after it.
func (p *fastParser) flowScalar(v int) (ast.Node, int, bool) {
	t := p.text
	if v >= len(t) {
		return nil, 0, false
	}
	switch t[v] {
	case '"':
		return p.doubleQuoted(v)
	case '\'':
		return p.singleQuoted(v)
	}
	end := v
	for end < len(t) && flowPlainByte(t[end]) {
		end++
	}
	s := t[v:end]
	if s == "" || s[0] == '.' || s[0] == '_' || s[0] == '/' || !plainStart(s) {
		return nil, 0, false
	}
	n, ok := p.scalar(s, v)
	return n, end, ok
}

func flowPlainByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80 ||
		c == '.' || c == '_' || c == '/' || c == '-'
}

// flowNext reads what follows an entry of a flow list or mapping at byte
// i: ", " and the next entry, or the closing bracket. It returns where the
// next entry starts, or done with the offset after the bracket.
func (p *fastParser) flowNext(i int, closing byte) (next int, done, ok bool) {
	t := p.text
	switch {
	case i < len(t) && t[i] == closing:
		return i + 1, true, true
	case i+2 < len(t) && t[i] == ',' && t[i+1] == ' ' && t[i+2] != ' ' && t[i+2] != closing:
		return i + 2, false, true
	}
	return 0, false, false
}

// flowSequence reads [a, b, c] on one line, from byte v.
func (p *fastParser) flowSequence(v int) (ast.Node, int, bool) {
	start := p.arena.token(token.SequenceStartType, "[", p.line, p.col(v))
	i := v + 1
	if i < len(p.text) && p.text[i] == ']' {
		return p.arena.sequence(start, true, nil), i + 1, true
	}
	base := len(p.items)
	defer func() { p.items = p.items[:base] }()
	for {
		n, end, ok := p.flowScalar(i)
		if !ok {
			return nil, 0, false
		}
		p.items = append(p.items, n)
		next, done, ok := p.flowNext(end, ']')
		switch {
		case !ok:
			return nil, 0, false
		case done:
			return p.arena.sequence(start, true, p.items[base:]), next, true
		}
		i = next
	}
}

// flowMapping reads {key: value, key: value} on one line, from byte v.
func (p *fastParser) flowMapping(v int) (ast.Node, int, bool) {
	t := p.text
	start := p.arena.token(token.MappingStartType, "{", p.line, p.col(v))
	base := len(p.pairs)
	defer func() { p.pairs = p.pairs[:base] }()
	for i := v + 1; ; {
		k := keyEnd(t, i)
		if k == i || k+2 >= len(t) || t[k] != ':' || t[k+1] != ' ' {
			return nil, 0, false
		}
		key := p.arena.str(token.StringType, t[i:k], p.line, p.col(i))
		colon := p.arena.token(token.MappingValueType, ":", p.line, p.col(k))
		value, end, ok := p.flowScalar(k + 2)
		if !ok {
			return nil, 0, false
		}
		if !newKey(p.pairs[base:], key.Value) {
			return nil, 0, false
		}
		p.pairs = append(p.pairs, p.arena.mappingValue(colon, key, value))
		next, done, ok := p.flowNext(end, '}')
		switch {
		case !ok:
			return nil, 0, false
		case done:
			return p.arena.mapping(start, true, p.pairs[base:]), next, true
		}
		i = next
	}
}
