package content

import (
	"strconv"
	"strings"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"
)

// fastArena allocates the nodes and tokens of one parse in blocks: a
// node, its token and their parts are one allocation, and most of them
// share a block with their neighbours. The nodes are goccy's own types,
// filled in as goccy's constructors fill them.
type fastArena struct {
	lines  int // lines in the text, to size the first blocks
	strs   block[fastString]
	tokens block[fastToken]
	pairs  block[fastPair]
	bases  block[ast.BaseNode]
}

// block hands out pointers into a slice that is replaced, never grown,
// when full, so that the pointers stay valid.
type block[T any] struct{ items []T }

// reset makes the block's last slice hand out its items again. The
// pointers handed out before must no longer be used.
func (b *block[T]) reset() {
	clear(b.items) // drop what the old items point to
	b.items = b.items[:0]
}

func (b *block[T]) next(hint int) *T {
	if len(b.items) == cap(b.items) {
		b.items = make([]T, 0, max(hint, 2*cap(b.items), 4))
	}
	var zero T
	b.items = append(b.items, zero)
	return &b.items[len(b.items)-1]
}

type fastToken struct {
	tok token.Token
	pos token.Position
}

type fastString struct {
	node ast.StringNode
	base ast.BaseNode
	fastToken
}

type fastPair struct {
	node ast.MappingValueNode
	base ast.BaseNode
}

// reset reuses the arena's memory for a new parse.
func (a *fastArena) reset() {
	a.strs.reset()
	a.tokens.reset()
	a.pairs.reset()
	a.bases.reset()
}

func (a *fastArena) token(typ token.Type, value string, line, col int) *token.Token {
	t := a.tokens.next(a.lines + 4)
	t.pos = token.Position{Line: line, Column: col}
	t.tok = token.Token{Type: typ, Value: value, Origin: value, Position: &t.pos}
	return &t.tok
}

// str is ast.String of a new token.
func (a *fastArena) str(typ token.Type, value string, line, col int) *ast.StringNode {
	s := a.strs.next(2 * a.lines)
	s.pos = token.Position{Line: line, Column: col}
	s.tok = token.Token{Type: typ, Value: value, Origin: value, Position: &s.pos}
	s.node = ast.StringNode{BaseNode: &s.base, Token: &s.tok, Value: value}
	return &s.node
}

func (a *fastArena) null(tk *token.Token) *ast.NullNode {
	return &ast.NullNode{BaseNode: a.bases.next(a.lines / 2), Token: tk}
}

// integer is ast.Integer: its Value is a uint64, or an int64 when
// negative, as token.ToNumber gives. tk holds a decimal that fits.
func (a *fastArena) integer(tk *token.Token) *ast.IntegerNode {
	var v any
	if strings.HasPrefix(tk.Value, "-") {
		v, _ = strconv.ParseInt(tk.Value, 10, 64)
	} else {
		v, _ = strconv.ParseUint(tk.Value, 10, 64)
	}
	return &ast.IntegerNode{BaseNode: a.bases.next(a.lines / 2), Token: tk, Value: v}
}

// float is ast.Float. tk holds a decimal fraction.
func (a *fastArena) float(tk *token.Token) *ast.FloatNode {
	v, _ := strconv.ParseFloat(tk.Value, 64)
	return &ast.FloatNode{BaseNode: a.bases.next(a.lines / 2), Token: tk, Value: v}
}

// mapping is ast.Mapping, with values copied.
func (a *fastArena) mapping(tk *token.Token, flow bool, values []*ast.MappingValueNode) *ast.MappingNode {
	return &ast.MappingNode{
		BaseNode:    a.bases.next(a.lines / 2),
		Start:       tk,
		IsFlowStyle: flow,
		Values:      append(make([]*ast.MappingValueNode, 0, len(values)), values...),
	}
}

func (a *fastArena) mappingValue(colon *token.Token, key ast.MapKeyNode, value ast.Node) *ast.MappingValueNode {
	p := a.pairs.next(a.lines)
	p.node = ast.MappingValueNode{BaseNode: &p.base, Start: colon, Key: key, Value: value}
	return &p.node
}

// sequence is ast.Sequence, with values copied.
func (a *fastArena) sequence(tk *token.Token, flow bool, values []ast.Node) *ast.SequenceNode {
	return &ast.SequenceNode{
		BaseNode:    a.bases.next(a.lines / 2),
		Start:       tk,
		IsFlowStyle: flow,
		Values:      append(make([]ast.Node, 0, len(values)), values...),
	}
}
