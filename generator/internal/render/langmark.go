package render

import (
	"bytes"
	"regexp"
	"strings"
)

// Text in the other language inside a page (a Korean law's name in an
// English entry, an English report title in a Korean one) must carry its
// own lang attribute, so screen readers switch voice (WCAG 3.1.2). Editors
// write markdown, which cannot say so; markLanguages finds such text in a
// rendered page and wraps it in <span lang="...">:
//
//   - on a page not in Korean, every run of Hangul (with the spaces,
//     digits and punctuation between its letters) is Korean;
//   - on a Korean page, a run of three or more Latin-script words is
//     English (shorter runs are names and acronyms such as USTR or CSAP,
//     which need no marking).
//
// Text already inside an element with a lang attribute is left alone, as
// is the text of <title>, <script>, <style>, <svg>, <code>, <pre> and
// <textarea>, which cannot hold or should not get markup.
var (
	hangulRun = regexp.MustCompile(`[\p{Hangul}\p{Han}](?:[\p{Hangul}\p{Han}\p{N}\s·.,()~\-]*[\p{Hangul}\p{Han}])?`)
	latinRun  = regexp.MustCompile(`[A-Za-z][A-Za-z0-9'’\-.&#;]*(?:[ ,:]+[A-Za-z0-9][A-Za-z0-9'’\-.&#;]*){2,}`)
)

var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true,
}

var rawElements = map[string]bool{
	"title": true, "script": true, "style": true, "svg": true, "code": true, "pre": true, "textarea": true,
}

type openElement struct {
	name string
	lang string // its lang attribute, or ""
	raw  bool   // inside an element whose text is left alone
}

var langAttr = regexp.MustCompile(`\slang="([^"]*)"`)

// markLanguages returns the page html of language lang with the text in
// the other language marked (see above).
func markLanguages(html []byte, lang string) []byte {
	var out bytes.Buffer
	out.Grow(len(html) + len(html)/20)
	stack := []openElement{{lang: lang}}
	for i := 0; i < len(html); {
		if html[i] != '<' {
			j := bytes.IndexByte(html[i:], '<')
			if j < 0 {
				j = len(html) - i
			}
			top := stack[len(stack)-1]
			out.Write(markText(html[i:i+j], top))
			i += j
			continue
		}
		end := tagEnd(html, i)
		tag := html[i:end]
		out.Write(tag)
		i = end
		stack = track(stack, tag)
	}
	return out.Bytes()
}

// tagEnd returns the offset just past the tag starting at i, skipping
// quoted attribute values.
func tagEnd(html []byte, i int) int {
	var quote byte
	for j := i + 1; j < len(html); j++ {
		switch c := html[j]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return j + 1
		}
	}
	return len(html)
}

// track updates the open elements after a tag.
func track(stack []openElement, tag []byte) []openElement {
	s := string(tag)
	if strings.HasPrefix(s, "<!") || strings.HasPrefix(s, "<?") {
		return stack
	}
	if name, ok := strings.CutPrefix(s, "</"); ok {
		name = strings.ToLower(strings.TrimRight(name, "> \n"))
		for k := len(stack) - 1; k > 0; k-- {
			if stack[k].name == name {
				return stack[:k]
			}
		}
		return stack
	}
	name := strings.ToLower(strings.FieldsFunc(s[1:], func(r rune) bool { return r == ' ' || r == '>' || r == '/' || r == '\n' })[0])
	if voidElements[name] || strings.HasSuffix(s, "/>") {
		return stack
	}
	parent := stack[len(stack)-1]
	e := openElement{name: name, lang: parent.lang, raw: parent.raw || rawElements[name]}
	if m := langAttr.FindStringSubmatch(s); m != nil {
		e.lang = m[1]
	}
	return append(stack, e)
}

// markText wraps the runs of the other language in one text node.
func markText(text []byte, in openElement) []byte {
	if in.raw {
		return text
	}
	re, other := hangulRun, "ko"
	if in.lang == "ko" {
		re, other = latinRun, "en"
	}
	locs := re.FindAllIndex(text, -1)
	if len(locs) == 0 {
		return text
	}
	var b bytes.Buffer
	last := 0
	for _, l := range locs {
		b.Write(text[last:l[0]])
		b.WriteString(`<span lang="` + other + `">`)
		b.Write(text[l[0]:l[1]])
		b.WriteString(`</span>`)
		last = l[1]
	}
	b.Write(text[last:])
	return b.Bytes()
}
