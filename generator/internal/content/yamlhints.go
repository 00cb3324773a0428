package content

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"
)

// The YAML library's syntax errors name what its parser met, often a line
// after the editor's mistake ("value is not allowed in this context" at
// the next quoted line, for a quotation mark never closed). When it fails,
// hints looks at the raw lines for the few mistakes editors make most and
// says what to do, at the mistake itself. It runs only on text the library
// refused, so no valid front matter is ever judged by it.

// hint is a mistake found in a line of YAML text.
type hint struct {
	line, col int // from 1; col counts characters
	msg       string
}

var (
	// entryRE is a line that starts a new entry: a key or a list item.
	entryRE = regexp.MustCompile(`^\s*(- |-$|[\w.-]+:(\s|$))`)
	// plainValueRE is "key: value" (or "- key: value") whose value is
	// neither quoted nor a list, mapping or block; group 3 is the value.
	plainValueRE = regexp.MustCompile(`^(\s*(?:- )?)([\w.-]+):[ ]+([^\s"'\[{|>&*!#].*)$`)
	// blockRE is a key whose value is a block of text on the lines below.
	blockRE = regexp.MustCompile(`:\s+[|>][-+0-9]*\s*(#.*)?$`)
	// thousandsRE is a number written with thousands separators.
	thousandsRE = regexp.MustCompile(`^-?\d{1,3}(,\d{3})+(\.\d+)?$`)
)

// hints returns the mistakes found in src, in order.
func hints(src []byte) []hint {
	lines := strings.Split(string(src), "\n")
	var out []hint
	block := -1 // the indentation of the key whose block scalar we are in
	for i, line := range lines {
		line = strings.TrimSuffix(line, "\r")
		indent := len(line) - len(strings.TrimLeft(line, " \t"))
		if block >= 0 {
			lead := line[:indent]
			if strings.TrimSpace(line) == "" || indent > block && !strings.Contains(lead, "\t") {
				continue // a line of the block's text
			}
			block = -1
		}
		if blockRE.MatchString(line) {
			block = indent
		}
		if h, ok := tabHint(line); ok {
			h.line = i + 1
			out = append(out, h)
			continue
		}
		if col, ok := unclosedQuote(line); ok && nextIsEntry(lines[i+1:]) {
			out = append(out, hint{i + 1, col, "this quotation mark is never closed: close it at the end of the value"})
			continue
		}
		if m := plainValueRE.FindStringSubmatchIndex(line); m != nil {
			value := stripComment(line[m[6]:])
			if strings.Contains(value, ": ") || strings.HasSuffix(value, ":") {
				col := utf8.RuneCountInString(line[:m[6]]) + 1
				out = append(out, hint{i + 1, col, `put the value in quotes: a colon followed by a space inside a value is read as a new key; write ` + line[m[4]:m[5]] + `: "` + strings.ReplaceAll(value, `"`, `\"`) + `"`})
			}
		}
	}
	return out
}

// tabHint finds a tab among the spaces that indent a line (or that
// follow a list item's dash).
func tabHint(line string) (hint, bool) {
	for i, r := range line {
		switch r {
		case '\t':
			return hint{col: utf8.RuneCountInString(line[:i]) + 1, msg: "indent with spaces, not a tab"}, true
		case ' ', '-':
			continue
		}
		break
	}
	return hint{}, false
}

// unclosedQuote returns the column of a quotation mark that starts a
// value on the line and is not closed on it. A quote inside a word (the
// apostrophe of Korea's) starts nothing.
func unclosedQuote(line string) (int, bool) {
	start := true // at a place where a value may start
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case (c == '"' || c == '\'') && start:
			end := closing(line[i+1:], c)
			if end < 0 {
				return utf8.RuneCountInString(line[:i]) + 1, true
			}
			i += end + 1
			start = false
		case c == '#' && (i == 0 || line[i-1] == ' '):
			return 0, false
		case c == ' ' || c == '\t':
			// white space keeps what came before it
		case c == ':' || c == '-' || c == '{' || c == '[' || c == ',':
			start = i+1 == len(line) || line[i+1] == ' ' || c == '{' || c == '[' || c == ','
		default:
			start = false
		}
	}
	return 0, false
}

// closing returns the index in s of the quote q that closes a value, or
// -1: a double quote may be escaped with a backslash, a single one by
// doubling it.
func closing(s string, q byte) int {
	for i := 0; i < len(s); i++ {
		switch {
		case q == '"' && s[i] == '\\':
			i++
		case s[i] == q && q == '\'' && i+1 < len(s) && s[i+1] == '\'':
			i++
		case s[i] == q:
			return i
		}
	}
	return -1
}

// nextIsEntry reports whether the next line that is not blank starts a
// new key or list item (or there is none): a quoted value that goes on to
// such a line was not meant to.
func nextIsEntry(rest []string) bool {
	for _, l := range rest {
		if strings.TrimSpace(l) != "" {
			return entryRE.MatchString(l)
		}
	}
	return true
}

// stripComment removes a " # comment" from the end of a plain value.
func stripComment(v string) string {
	if i := strings.Index(v, " #"); i >= 0 {
		v = v[:i]
	}
	return strings.TrimSpace(v)
}

// thousands reports a number written with thousands separators, which
// YAML reads as text (132,300) or, in a {...} mapping, as a number and a
// key of its own (132 and "300").
func thousands(s string) (string, bool) {
	if !thousandsRE.MatchString(s) {
		return "", false
	}
	return "write the number without thousands separators: " + strings.ReplaceAll(s, ",", "") + ", not " + s, true
}

// joinNumbers finds, in the entries of a mapping, each number that a
// thousands separator cut in two in a {...} mapping ("value: 132,300"
// is read as value 132 and a key "300" with no value), reports it at the
// value, and returns the entries without the stray keys.
func (d *yamlDoc) joinNumbers(values []*ast.MappingValueNode) []*ast.MappingValueNode {
	if !slices.ContainsFunc(values, isSplitRest) {
		return values // nearly every mapping
	}
	var out []*ast.MappingValueNode
	for i := 0; i < len(values); i++ {
		out = append(out, values[i])
		v, ok := values[i].Value.(*ast.IntegerNode)
		if !ok {
			continue
		}
		written, last := v.GetToken().Value, v.GetToken()
		j := i + 1
		for ; j < len(values) && isSplitRest(values[j]) && adjacent(last, values[j].Key.GetToken()); j++ {
			last = values[j].Key.GetToken()
			written += "," + last.Value
		}
		if msg, ok := thousands(written); ok {
			d.errs.Addf(d.pos(v), "%q: %s", values[i].Key.GetToken().Value, msg)
		}
		i = j - 1 // the stray keys are left out
	}
	return out
}

// adjacent reports whether b follows a on its line after one character:
// the comma that cut a number.
func adjacent(a, b *token.Token) bool {
	return a.Position.Line == b.Position.Line && a.Position.Column+len(a.Value)+1 == b.Position.Column
}

// isSplitRest reports whether mv is digits with no value: the groups of
// digits after the first of a number cut by thousands separators.
func isSplitRest(mv *ast.MappingValueNode) bool {
	if _, null := mv.Value.(*ast.NullNode); !null {
		return false
	}
	switch mv.Key.(type) {
	case *ast.IntegerNode, *ast.FloatNode:
		return true
	}
	return false
}
