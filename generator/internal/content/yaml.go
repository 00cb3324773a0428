package content

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"explainer/generator/internal/diag"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// yamlDoc decodes one YAML text into typed values, recording every problem
// with its position in the file the text came from.
type yamlDoc struct {
	path string
	line int // line of the file on which the YAML text starts, minus one
	errs *diag.List
}

// parse returns the top-level mapping of src, or nil if src is empty. A
// syntax error is recorded and gives nil.
func (d *yamlDoc) parse(src []byte) []*ast.MappingValueNode {
	if !d.checkYAMLSize(src) {
		return nil
	}
	f, err := parser.ParseBytes(src, 0)
	if err != nil {
		var se *yaml.SyntaxError
		hasToken := errors.As(err, &se) && se.Token != nil
		if hs := hints(src); len(hs) > 0 {
			for _, h := range hs {
				d.errs.Addf(d.tokenPos(h.line, h.col), "invalid YAML: %s", h.msg)
			}
			// The library's error comes from another mistake when it is
			// before the first one found (a mistake stops it at or after
			// its own line).
			if !hasToken || se.Token.Position.Line >= hs[0].line {
				return nil
			}
		}
		if hasToken {
			d.errs.Addf(d.tokenPos(se.Token.Position.Line, se.Token.Position.Column), "invalid YAML: %s", se.Message)
		} else {
			d.errs.Addf(diag.Pos{Path: d.path, Line: d.line + 1, Col: 1}, "invalid YAML: %v", err)
		}
		return nil
	}
	if len(f.Docs) == 0 || f.Docs[0].Body == nil {
		return nil
	}
	if len(f.Docs) > 1 {
		d.errs.Addf(d.pos(f.Docs[1]), "only one YAML document is allowed here")
	}
	m, _ := d.mapping(f.Docs[0].Body, "the front matter")
	return m
}

func (d *yamlDoc) tokenPos(line, col int) diag.Pos {
	return diag.Pos{Path: d.path, Line: d.line + line, Col: col}
}

func (d *yamlDoc) pos(n ast.Node) diag.Pos {
	tk := n.GetToken()
	if tk == nil {
		return diag.Pos{Path: d.path, Line: d.line + 1, Col: 1}
	}
	return d.tokenPos(tk.Position.Line, tk.Position.Column)
}

// keyPos is the position of a mapping entry: its key, where the eye looks.
func (d *yamlDoc) keyPos(mv *ast.MappingValueNode) diag.Pos { return d.pos(mv.Key) }

// plain unwraps comments and rejects what front matter does not need:
// anchors, aliases (a way to make a small file expand into a huge value),
// merge keys and explicit tags.
func (d *yamlDoc) plain(n ast.Node) ast.Node {
	switch n.(type) {
	case *ast.AnchorNode, *ast.AliasNode, *ast.MergeKeyNode:
		d.errs.Addf(d.pos(n), "YAML anchors, aliases and merge keys are not supported here; write the value out")
		return nil
	case *ast.TagNode:
		d.errs.Addf(d.pos(n), "YAML tags are not supported here; write the value without %s", n.GetToken().Value)
		return nil
	}
	return n
}

// kindOf names a node's kind for error messages.
func kindOf(n ast.Node) string {
	switch n.(type) {
	case *ast.MappingNode, *ast.MappingValueNode:
		return "a mapping"
	case *ast.SequenceNode:
		return "a list"
	case *ast.NullNode:
		return "empty"
	case *ast.IntegerNode, *ast.FloatNode:
		return "a number"
	case *ast.BoolNode:
		return "true/false"
	}
	return "text"
}

// mapping returns the entries of a mapping node, reporting duplicate keys.
func (d *yamlDoc) mapping(n ast.Node, what string) ([]*ast.MappingValueNode, bool) {
	var values []*ast.MappingValueNode
	switch m := d.plain(n).(type) {
	case nil:
		return nil, false
	case *ast.MappingNode:
		values = m.Values
	case *ast.MappingValueNode:
		values = []*ast.MappingValueNode{m}
	default:
		d.errs.Addf(d.pos(n), "%s must be a mapping of keys to values, not %s", what, kindOf(m))
		return nil, false
	}
	seen := make(map[string]diag.Pos)
	out := values[:0:0]
	for _, mv := range d.joinNumbers(values) {
		if _, ok := d.plain(mv.Key).(ast.MapKeyNode); !ok {
			continue
		}
		k := mv.Key.GetToken().Value
		if first, dup := seen[k]; dup {
			d.errs.Addf(d.keyPos(mv), "duplicate key %q (first set at line %d)", k, first.Line)
			continue
		}
		seen[k] = d.keyPos(mv)
		out = append(out, mv)
	}
	return out, true
}

// scalarText returns the text of a scalar node.
func scalarText(n ast.Node) (string, bool) {
	switch s := n.(type) {
	case *ast.StringNode:
		return s.Value, true
	case *ast.LiteralNode:
		return s.Value.Value, true
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode:
		return n.GetToken().Value, true
	}
	return "", false
}

// str decodes text. Numbers and booleans are taken as written (a title may
// well be "2025"); lists, mappings and empty values are errors.
func (d *yamlDoc) str(n ast.Node, key string) (string, bool) {
	if n = d.plain(n); n == nil {
		return "", false
	}
	s, ok := scalarText(n)
	if _, null := n.(*ast.NullNode); null {
		s, ok = "", true // reported as empty below
	}
	if !ok {
		d.errs.Addf(d.pos(n), "%q must be text, not %s", key, kindOf(n))
		return "", false
	}
	s = strings.TrimSpace(s)
	if s == "" {
		d.errs.Addf(d.pos(n), "%q must not be empty", key)
		return "", false
	}
	return s, true
}

func (d *yamlDoc) integer(n ast.Node, key string) (int, bool) {
	if n = d.plain(n); n == nil {
		return 0, false
	}
	if _, ok := n.(*ast.IntegerNode); ok {
		if v, err := strconv.Atoi(strings.ReplaceAll(n.GetToken().Value, "_", "")); err == nil {
			return v, true
		}
	}
	d.notNumber(n, key, "a whole number")
	return 0, false
}

func (d *yamlDoc) number(n ast.Node, key string) (float64, bool) {
	if n = d.plain(n); n == nil {
		return 0, false
	}
	switch n.(type) {
	case *ast.IntegerNode, *ast.FloatNode:
		if v, err := strconv.ParseFloat(strings.ReplaceAll(n.GetToken().Value, "_", ""), 64); err == nil {
			return v, true
		}
	}
	d.notNumber(n, key, "a number")
	return 0, false
}

// notNumber reports n, the value of key, which is not what (a number).
func (d *yamlDoc) notNumber(n ast.Node, key, what string) {
	if msg, ok := thousands(n.GetToken().Value); ok {
		d.errs.Addf(d.pos(n), "%q: %s", key, msg)
	} else {
		d.errs.Addf(d.pos(n), "%q must be %s, not %s", key, what, describe(n))
	}
}

func (d *yamlDoc) boolean(n ast.Node, key string) (bool, bool) {
	if n = d.plain(n); n == nil {
		return false, false
	}
	if b, ok := n.(*ast.BoolNode); ok {
		return b.Value, true
	}
	d.errs.Addf(d.pos(n), "%q must be true or false, not %s", key, describe(n))
	return false, false
}

var dateRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// date decodes a YYYY-MM-DD date, kept as text: pages print it as written
// and the build never needs a clock.
func (d *yamlDoc) date(n ast.Node, key string) (string, bool) {
	s, ok := d.str(n, key)
	if !ok {
		return "", false
	}
	if !dateRE.MatchString(s) || !validDate(s) {
		d.errs.Addf(d.pos(n), "%q must be a date written YYYY-MM-DD, not %q", key, s)
		return "", false
	}
	return s, true
}

func validDate(s string) bool {
	y, _ := strconv.Atoi(s[:4])
	m, _ := strconv.Atoi(s[5:7])
	day, _ := strconv.Atoi(s[8:])
	days := [...]int{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
	if m < 1 || m > 12 || day < 1 || day > days[m-1] {
		return false
	}
	return m != 2 || day < 29 || y%4 == 0 && (y%100 != 0 || y%400 == 0)
}

// list returns the items of a sequence.
func (d *yamlDoc) list(n ast.Node, key, of string) ([]ast.Node, bool) {
	if n = d.plain(n); n == nil {
		return nil, false
	}
	s, ok := n.(*ast.SequenceNode)
	if !ok {
		d.errs.Addf(d.pos(n), "%q must be a list of %s, not %s", key, of, describe(n))
		return nil, false
	}
	return s.Values, true
}

// describe names a value for an error message: its kind and, for short
// scalars, the value itself.
func describe(n ast.Node) string {
	if s, ok := scalarText(n); ok && len(s) < 40 && !strings.Contains(s, "\n") {
		return fmt.Sprintf("%s (%q)", kindOf(n), s)
	}
	return kindOf(n)
}
