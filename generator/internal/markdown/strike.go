package markdown

import (
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// doubleTilde parses ~~strikethrough~~ with two tildes only. GitHub also
// takes a single tilde, but Korean writes ranges with one ("2011~2015년"),
// and a sentence with two ranges would be struck through.
type doubleTilde struct{}

func (doubleTilde) Trigger() []byte { return []byte{'~'} }

func (doubleTilde) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	before := block.PrecendingCharacter()
	line, seg := block.PeekLine()
	d := parser.ScanDelimiter(line, before, 2, tildes{})
	if d == nil || d.OriginalLength != 2 || before == '~' {
		return nil // a lone tilde, or three or more: plain text
	}
	d.Segment = seg.WithStop(seg.Start + d.OriginalLength)
	block.Advance(d.OriginalLength)
	pc.PushDelimiter(d)
	return d
}

// tildes pairs opening and closing ~~ into a strikethrough node.
type tildes struct{}

func (tildes) IsDelimiter(b byte) bool                             { return b == '~' }
func (tildes) CanOpenCloser(opener, closer *parser.Delimiter) bool { return opener.Char == closer.Char }
func (tildes) OnMatch(consumes int) ast.Node                       { return east.NewStrikethrough() }
