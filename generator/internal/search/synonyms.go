package search

import (
	"bytes"
	"errors"
	"io/fs"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"explainer/generator/internal/content"
	"explainer/generator/internal/diag"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// SynonymsFile (content.SynonymsFile) is the file in the content folder
// where editors declare the words that readers may type for one another:
//
//   - [쇠고기, 소고기]
//   - [GMO, LMO, 유전자변형]
//   - [defence, defense]
//
// A query word that is one of a group's words finds the pages with any of
// them. The file is optional.
const SynonymsFile = content.SynonymsFile

// Synonyms are the groups of words of SynonymsFile, each word normalised
// as a query word is (lower case, without Korean endings), so that
// 쇠고기를 finds what 소고기 finds. They go into each language's index
// for search.js.
type Synonyms [][]string

// maxSynonymsSize keeps a mistaken or hostile file from stalling the build.
const maxSynonymsSize = 256 << 10

// LoadSynonyms reads SynonymsFile from the content folder fsys, whose path
// for messages is dir. A missing file is no synonyms. Every problem is
// reported at its line and column, all of them at once.
func LoadSynonyms(fsys fs.FS, dir string) (Synonyms, error) {
	src, err := fs.ReadFile(fsys, SynonymsFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	p := path.Join(dir, SynonymsFile)
	if err != nil {
		return nil, diag.Errorf(diag.Pos{Path: p}, "cannot read the synonyms: %v", err)
	}
	return ParseSynonyms(p, src)
}

// ParseSynonyms decodes the text of a synonyms file, whose path for
// messages is p.
func ParseSynonyms(p string, src []byte) (Synonyms, error) {
	var errs diag.List
	switch {
	case len(src) > maxSynonymsSize:
		errs.Addf(diag.Pos{Path: p}, "the synonyms file is %d KiB, more than the limit of %d KiB", len(src)>>10, maxSynonymsSize>>10)
	case !utf8.Valid(src):
		errs.Addf(diag.Pos{Path: p}, "file is not valid UTF-8 text; save it again as UTF-8")
	}
	if errs.Err() != nil {
		return nil, errs.Err()
	}
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	f, err := parser.ParseBytes(src, 0)
	if err != nil {
		var se *yaml.SyntaxError
		if errors.As(err, &se) && se.Token != nil {
			errs.Addf(diag.Pos{Path: p, Line: se.Token.Position.Line, Col: se.Token.Position.Column}, "invalid YAML: %s", se.Message)
		} else {
			errs.Addf(diag.Pos{Path: p, Line: 1, Col: 1}, "invalid YAML: %v", err)
		}
		return nil, errs.Err()
	}
	if len(f.Docs) == 0 || f.Docs[0].Body == nil {
		return nil, nil
	}
	d := synDecoder{path: p, errs: &errs, seen: make(map[string]int)}
	out := d.groups(f.Docs[0].Body)
	return out, errs.Err()
}

// synDecoder decodes the groups of a synonyms file.
type synDecoder struct {
	path string
	errs *diag.List
	seen map[string]int // each word, normalised, and the line of its group
}

func (d *synDecoder) pos(n ast.Node) diag.Pos {
	tk := n.GetToken()
	if tk == nil {
		return diag.Pos{Path: d.path, Line: 1, Col: 1}
	}
	return diag.Pos{Path: d.path, Line: tk.Position.Line, Col: tk.Position.Column}
}

// groups decodes the top-level list.
func (d *synDecoder) groups(n ast.Node) Synonyms {
	list, ok := n.(*ast.SequenceNode)
	if !ok {
		d.errs.Addf(d.pos(n), "the synonyms file must be a list of groups of words, one group a line, like: - [쇠고기, 소고기]")
		return nil
	}
	var out Synonyms
	for _, g := range list.Values {
		if words := d.group(g); len(words) > 0 {
			out = append(out, words)
		}
	}
	return out
}

// group decodes one group: a list of at least two words.
func (d *synDecoder) group(n ast.Node) []string {
	list, ok := n.(*ast.SequenceNode)
	if !ok {
		d.errs.Addf(d.pos(n), "each group of synonyms must be a list of words in brackets, like [쇠고기, 소고기], not %s", kindOf(n))
		return nil
	}
	if len(list.Values) < 2 {
		d.errs.Addf(d.pos(n), "a group of synonyms needs at least two words that readers use for the same thing")
		return nil
	}
	line := d.pos(n).Line
	var words []string
	for _, v := range list.Values {
		w, ok := d.word(v)
		if !ok {
			continue
		}
		if first, dup := d.seen[w]; dup {
			d.errs.Addf(d.pos(v), "%q is already in the group on line %d; a word can be in one group only (merge the two groups)", v.GetToken().Value, first)
			continue
		}
		d.seen[w] = line
		words = append(words, w)
	}
	return words
}

// word decodes one word of a group as a query word is normalised: one
// English word, or Korean (whose spaces are left out, as a compound is
// found either way).
func (d *synDecoder) word(n ast.Node) (string, bool) {
	var text string
	switch s := n.(type) {
	case *ast.StringNode:
		text = s.Value
	case *ast.IntegerNode, *ast.FloatNode:
		text = n.GetToken().Value
	default:
		d.errs.Addf(d.pos(n), "a synonym must be a word, not %s", kindOf(n))
		return "", false
	}
	toks := Tokens(text)
	if len(toks) == 0 {
		if strings.IndexFunc(text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			d.errs.Addf(d.pos(n), "%q is too short to search for: search skips single Latin letters", text)
		} else {
			d.errs.Addf(d.pos(n), "%q has no letters or digits to search for", text)
		}
		return "", false
	}
	cjk := ""
	for _, t := range toks {
		if !t.CJK {
			if len(toks) > 1 {
				d.errs.Addf(d.pos(n), "%q is more than one word; search matches a synonym as one word (write a Korean compound with or without spaces, an English term as one word)", text)
				return "", false
			}
			return t.Text, true
		}
		cjk += t.Text
	}
	return Normalize(Token{Text: cjk, CJK: true}).Text, true
}

// kindOf names a YAML node's kind for messages.
func kindOf(n ast.Node) string {
	switch n.(type) {
	case *ast.MappingNode, *ast.MappingValueNode:
		return "a mapping (key: value)"
	case *ast.SequenceNode:
		return "a list"
	case *ast.NullNode:
		return "empty"
	case *ast.BoolNode:
		return "true/false"
	case *ast.AnchorNode, *ast.AliasNode, *ast.TagNode:
		return "a YAML anchor, alias or tag"
	}
	return "text"
}

// lookup maps each word of s to its group's words as query tokens.
func (s Synonyms) lookup() map[string][]Token {
	m := make(map[string][]Token)
	for _, g := range s {
		var alts []Token
		for _, w := range g {
			r, _ := utf8.DecodeRuneInString(w)
			alts = append(alts, Token{Text: w, CJK: isCJK(r)})
		}
		for _, w := range g {
			m[w] = alts
		}
	}
	return m
}
