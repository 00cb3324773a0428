package markdown

import (
	"bytes"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/microcosm-cc/bluemonday"
	"golang.org/x/net/html"
)

// allowedHTML is every element that raw HTML in markdown may use, with the
// attributes it may carry (besides globalAttrs). It is the one list: the
// sanitizer's policy and the warnings about what was removed are both made
// from it. Nothing here can run script, load anything, or hide or restyle
// text: no script, iframe, object, img, form, style; no on* handler, style,
// class or id attribute.
var allowedHTML = map[string][]string{
	"a": {"href"}, "abbr": nil, "b": nil, "bdi": nil, "bdo": nil, "blockquote": nil,
	"br": nil, "caption": nil, "cite": nil, "code": nil, "dd": nil, "del": nil,
	"details": {"open"}, "dfn": nil, "div": nil, "dl": nil, "dt": nil, "em": nil,
	"figcaption": nil, "figure": nil, "hr": nil, "i": nil, "ins": nil, "kbd": nil,
	"li": nil, "mark": nil, "ol": {"start", "reversed"}, "p": nil, "pre": nil, "q": nil,
	"s": nil, "samp": nil, "small": nil, "span": nil, "strong": nil, "sub": nil,
	"summary": nil, "sup": nil, "table": nil, "tbody": nil, "td": {"colspan", "rowspan"},
	"tfoot": nil, "th": {"colspan", "rowspan", "scope"}, "thead": nil,
	"time": {"datetime"}, "tr": nil, "u": nil, "ul": nil, "var": nil, "wbr": nil,
}

// globalAttrs may be on any allowed element: lang matters on a bilingual
// site (<span lang="ko">), title and dir are harmless.
var globalAttrs = []string{"lang", "dir", "title"}

// contentDropped lists the elements whose content goes with them: it is
// code or styling, not text for the reader.
var contentDropped = []string{"script", "style", "noscript", "template", "textarea", "title", "xmp", "noembed", "noframes", "iframe", "object", "svg", "math"}

var policy = newPolicy()

// hrefRE is the links raw HTML may keep: to web pages, mail, and anchors of
// the same page. Links to other pages are written in markdown, where they
// are checked and rewritten.
var hrefRE = regexp.MustCompile(`^(?i:https?://|mailto:|#)`)

func newPolicy() *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	p.AllowElements(slices.Sorted(maps.Keys(allowedHTML))...)
	for el, attrs := range allowedHTML {
		if el == "a" {
			p.AllowAttrs("href").Matching(hrefRE).OnElements("a")
			continue
		}
		if len(attrs) > 0 {
			p.AllowAttrs(attrs...).OnElements(el)
		}
	}
	p.AllowAttrs(globalAttrs...).Globally()
	p.AllowURLSchemes("http", "https", "mailto")
	p.RequireParseableURLs(true)
	p.AllowRelativeURLs(true) // for #anchors: hrefRE removes other relative links
	p.RequireNoReferrerOnFullyQualifiedLinks(true)
	p.SkipElementsContent(contentDropped...)
	return p
}

// plainTagRE matches a start or end tag without attributes.
var plainTagRE = regexp.MustCompile(`^</?([a-zA-Z][a-zA-Z0-9]*)\s*/?>$`)

// htmlProblem is something removed from raw HTML, at a byte offset of the
// fragment.
type htmlProblem struct {
	off   int
	msg   string
	fatal bool // an error, not a warning
}

// sanitizeHTML returns the fragment with everything not in allowedHTML
// removed, and a problem for each thing removed. HTML comments are dropped
// without a word: the reader never saw them.
func sanitizeHTML(frag []byte) ([]byte, []htmlProblem) {
	if m := plainTagRE.FindSubmatch(frag); m != nil {
		if _, ok := allowedHTML[strings.ToLower(string(m[1]))]; ok {
			return frag, nil // <sup>, </sup>: most raw HTML, kept as it is
		}
	}
	var probs []htmlProblem
	z := html.NewTokenizer(bytes.NewReader(frag))
	off := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := len(z.Raw())
		if tt == html.StartTagToken || tt == html.SelfClosingTagToken {
			tok := z.Token()
			probs = append(probs, checkTag(tok, off)...)
		}
		if tt == html.DoctypeToken {
			probs = append(probs, htmlProblem{off: off, msg: "raw HTML <!DOCTYPE> removed"})
		}
		off += raw
	}
	clean := policy.SanitizeBytes(frag)
	// bluemonday adds noopener only with target="_blank"; links to other
	// sites get both words, as markdown links do. Its output escapes
	// quotes in text, so the attribute is the only place this can match.
	clean = bytes.ReplaceAll(clean, []byte(`rel="noreferrer"`), []byte(`rel="noopener noreferrer"`))
	return clean, probs
}

// checkTag says what the policy removes from one start tag.
func checkTag(tok html.Token, off int) []htmlProblem {
	name := tok.Data
	attrs, ok := allowedHTML[name]
	if !ok {
		what := "raw HTML <" + name + "> removed"
		if slices.Contains(contentDropped, name) {
			what += " with its content"
		}
		return []htmlProblem{{off: off, msg: what + "; markdown pages may use only simple formatting tags"}}
	}
	var probs []htmlProblem
	for _, a := range tok.Attr {
		key := strings.ToLower(a.Key)
		switch {
		case key == "href" && slices.Contains(attrs, "href"):
			if bad := badScheme(a.Val); bad != "" {
				probs = append(probs, htmlProblem{off: off, fatal: true, msg: "link scheme " + strconv.Quote(bad) + " is not allowed; links go to web pages (https://) or to markdown files"})
			} else if !hrefRE.MatchString(a.Val) {
				probs = append(probs, htmlProblem{off: off, msg: "raw HTML link to " + strconv.Quote(a.Val) + " removed: links between pages are checked only in markdown; write [text](" + a.Val + ")"})
			}
		case slices.Contains(attrs, key) || slices.Contains(globalAttrs, key):
		default:
			probs = append(probs, htmlProblem{off: off, msg: "attribute " + strconv.Quote(key) + " removed from raw HTML <" + name + ">"})
		}
	}
	return probs
}
