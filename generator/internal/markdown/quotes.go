package markdown

import (
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// quoteStyle is how a language writes quotation marks and apostrophes
// in running text.
type quoteStyle struct {
	open, close             string // double quotes
	openSingle, closeSingle string // also the apostrophe
}

// quoteStyles are the styles of the site's languages; defaultQuotes
// serves any other. Korean follows the 2015 rules of Korean punctuation
// (한글 맞춤법, 문장 부호), which Korean newspapers follow online: in
// horizontal text “큰따옴표” and ‘작은따옴표’, the same marks as
// English. (「」 and 『』 belong to vertical text and book titles, and
// an editor who wants them types them.)
var quoteStyles = map[string]quoteStyle{
	"en": {"“", "”", "‘", "’"},
	"ko": {"“", "”", "‘", "’"},
}

const defaultQuotes = "en"

// typographer is goldmark's typographer turning straight quotes into
// the style's marks, and doing nothing else: dashes, ellipses and << >>
// stay as the editor typed them. Its apostrophe rules are left off: they
// take any ' before n, t, e or l for one ('twas, 'em), so 'negative
// list' would open with ’; without them an apostrophe is a closing single
// quote, the same mark in every style here. The marks are characters, not entities,
// so headings' text (the contents of a page, the search index) carries
// them as a reader sees them. Code spans, code blocks, link destinations
// and autolinked addresses are not text, and keep their straight quotes.
func (q quoteStyle) typographer() goldmark.Extender {
	return extension.NewTypographer(extension.WithTypographicSubstitutions(map[extension.TypographicPunctuation][]byte{
		extension.LeftDoubleQuote:  []byte(q.open),
		extension.RightDoubleQuote: []byte(q.close),
		extension.LeftSingleQuote:  []byte(q.openSingle),
		extension.RightSingleQuote: []byte(q.closeSingle),
		extension.Apostrophe:       nil,
		extension.EnDash:           nil,
		extension.EmDash:           nil,
		extension.Ellipsis:         nil,
		extension.LeftAngleQuote:   nil,
		extension.RightAngleQuote:  nil,
	}))
}

// forLang is the converter for text in lang.
func (c *Converter) forLang(lang string) goldmark.Markdown {
	if md, ok := c.md[lang]; ok {
		return md
	}
	return c.md[defaultQuotes]
}

// closingQuotes closes what goldmark's typographer opened and left open.
// It takes a straight " followed by a letter for one that opens a word,
// but Korean puts its particles and endings right after a closing quote
// (“…”고 밝혔다, “…”라는): such a quote stays straight. A straight "
// in a block where a quote is open closes it, and a straight ' after a
// letter is an apostrophe.
type closingQuotes struct{ quoteStyle }

func (q closingQuotes) Transform(doc *ast.Document, r text.Reader, _ parser.Context) {
	src := r.Source()
	type fix struct {
		t   *ast.Text
		ats []int // offsets of the quotes in the text
	}
	var fixes []fix
	open := 0
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.CodeSpan, *ast.RawHTML, *ast.AutoLink:
			return ast.WalkSkipChildren, nil
		case *ast.String:
			switch string(n.Value) {
			case q.open:
				open++
			case q.close:
				open--
			}
		case *ast.Text:
			var f fix
			v := n.Segment.Value(src)
			for i, c := range v {
				if c == '"' && open > 0 {
					f.ats = append(f.ats, i)
					open--
				}
				// After a letter, ' is an apostrophe or a closing
				// quote: the typographer misses one at a line's end
				// (the leaders'\n).
				if c == '\'' && endsInLetter(before(n, v[:i], src)) {
					f.ats = append(f.ats, i)
				}
			}
			if f.ats != nil {
				f.t = n
				fixes = append(fixes, f)
			}
		default:
			if n.Type() == ast.TypeBlock {
				open = 0
			}
		}
		return ast.WalkContinue, nil
	})
	for _, f := range fixes {
		q.split(f.t, f.ats, src)
	}
}

// before is the text before an offset of t: head, or when that is empty
// the text of the node before t (the parser splits text at a quote).
func before(t *ast.Text, head, src []byte) []byte {
	if len(head) > 0 {
		return head
	}
	if p, ok := t.PreviousSibling().(*ast.Text); ok {
		return p.Segment.Value(src)
	}
	return nil
}

func endsInLetter(b []byte) bool {
	r, _ := utf8.DecodeLastRune(b)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// split replaces the quotes at offsets ats of t with closing marks: t
// becomes the text before the first, and the rest follows it.
func (q closingQuotes) split(t *ast.Text, ats []int, src []byte) {
	parent, seg := t.Parent(), t.Segment
	soft, hard := t.SoftLineBreak(), t.HardLineBreak()
	t.SetSoftLineBreak(false)
	t.SetHardLineBreak(false)
	t.Segment = seg.WithStop(seg.Start + ats[0])
	prev := ast.Node(t)
	for i, at := range ats {
		mark := ast.NewString([]byte(q.close))
		if src[seg.Start+at] == '\'' {
			mark = ast.NewString([]byte(q.closeSingle))
		}
		parent.InsertAfter(parent, prev, mark)
		prev = mark
		end := seg.Stop
		if i+1 < len(ats) {
			end = seg.Start + ats[i+1]
		}
		rest := ast.NewTextSegment(text.NewSegment(seg.Start+at+1, end))
		parent.InsertAfter(parent, prev, rest)
		prev = rest
	}
	last := prev.(*ast.Text)
	last.SetSoftLineBreak(soft)
	last.SetHardLineBreak(hard)
}
