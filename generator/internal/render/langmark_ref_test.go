package render

// The regular-expression form of refMarkLanguages, as the rules in
// langmark.go first were written: the reference the hand-written scanner
// is held to (TestMarkLanguagesAgrees, FuzzMarkLanguages). It is several
// times slower, which is why the build no longer uses it.

import (
	"bytes"
	"regexp"
	"strings"
)

var (
	refHangulRun = regexp.MustCompile(`[\p{Hangul}\p{Han}](?:[\p{Hangul}\p{Han}\p{N}\s·.,()~\-]*[\p{Hangul}\p{Han}])?`)
	refLatinRun  = regexp.MustCompile(`[A-Za-z][A-Za-z0-9'’\-.&#;]*(?:[ ,:]+[A-Za-z0-9][A-Za-z0-9'’\-.&#;]*){2,}`)
)

var refVoidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true,
}

var refRawElements = map[string]bool{
	"title": true, "script": true, "style": true, "svg": true, "code": true, "pre": true, "textarea": true,
}

type refOpenElement struct {
	name string
	lang string // its lang attribute, or ""
	raw  bool   // inside an element whose text is left alone
}

var refLangAttr = regexp.MustCompile(`\slang="([^"]*)"`)

// refMarkLanguages returns the page html of language lang with the text in
// the other language marked (see above).
func refMarkLanguages(html []byte, lang string) []byte {
	var out bytes.Buffer
	out.Grow(len(html) + len(html)/20)
	stack := []refOpenElement{{lang: lang}}
	for i := 0; i < len(html); {
		if html[i] != '<' {
			j := bytes.IndexByte(html[i:], '<')
			if j < 0 {
				j = len(html) - i
			}
			top := stack[len(stack)-1]
			out.Write(refMarkText(html[i:i+j], top))
			i += j
			continue
		}
		end := refTagEnd(html, i)
		tag := html[i:end]
		out.Write(tag)
		i = end
		stack = refTrack(stack, tag)
	}
	return out.Bytes()
}

// tagEnd returns the offset just past the tag starting at i, skipping
// quoted attribute values.
func refTagEnd(html []byte, i int) int {
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
func refTrack(stack []refOpenElement, tag []byte) []refOpenElement {
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
	if refVoidElements[name] || strings.HasSuffix(s, "/>") {
		return stack
	}
	parent := stack[len(stack)-1]
	e := refOpenElement{name: name, lang: parent.lang, raw: parent.raw || refRawElements[name]}
	if m := refLangAttr.FindStringSubmatch(s); m != nil {
		e.lang = m[1]
	}
	return append(stack, e)
}

// markText wraps the runs of the other language in one text node.
func refMarkText(text []byte, in refOpenElement) []byte {
	if in.raw {
		return text
	}
	re, other := refHangulRun, "ko"
	if in.lang == "ko" {
		re, other = refLatinRun, "en"
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
