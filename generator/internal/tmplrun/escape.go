package tmplrun

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"text/template/parse"
)

// The escaping functions html/template adds to the pipelines of a
// template's actions, each written again here for the values it is given
// in practice; a value of any other kind is left to html/template. Their
// outputs are held to html/template's own by the tests (escape_test.go).

// content is the kind of text a value holds: plain, or one of
// html/template's typed strings, which some escapers pass on as they are.
type content int

const (
	plainText content = iota
	htmlText
	urlText
)

// escaper escapes s, of kind c; false leaves it to html/template.
type escaper func(s string, c content) (string, bool)

var escapers = map[string]escaper{
	"_html_template_htmlescaper": func(s string, c content) (string, bool) {
		switch c {
		case htmlText:
			return s, true
		case plainText:
			return escapeHTML(s, true), true
		}
		return "", false
	},
	"_html_template_attrescaper":   plainOnly(func(s string) string { return escapeHTML(s, true) }),
	"_html_template_rcdataescaper": plainOnly(func(s string) string { return escapeHTML(s, true) }),
	"_html_template_urlfilter": plainOnly(func(s string) string {
		if !safeURL(s) {
			return "#ZgotmplZ"
		}
		return s
	}),
	"_html_template_urlnormalizer": plainOnly(func(s string) string { return escapeURL(s, true) }),
	"_html_template_urlescaper":    plainOnly(func(s string) string { return escapeURL(s, false) }),
}

// jsValEscaper is the escaper of a value written into JavaScript or JSON
// (a <script> element), which takes the value itself.
const jsValEscaper = "_html_template_jsvalescaper"

func plainOnly(f func(string) string) escaper {
	return func(s string, c content) (string, bool) {
		if c != plainText {
			return "", false
		}
		return f(s), true
	}
}

// escaperName is the name of the escaping function cmd calls, or "".
func escaperName(cmd *parse.CommandNode) string {
	if len(cmd.Args) != 1 {
		return ""
	}
	id, ok := cmd.Args[0].(*parse.IdentifierNode)
	if !ok {
		return ""
	}
	if _, ok := escapers[id.Ident]; ok || id.Ident == jsValEscaper {
		return id.Ident
	}
	return ""
}

var (
	htmlType = reflect.TypeFor[template.HTML]()
	urlType  = reflect.TypeFor[template.URL]()
	jsType   = reflect.TypeFor[template.JS]()
	// html/template's other typed strings, which these escapers leave to it
	otherTypes = []reflect.Type{
		reflect.TypeFor[template.CSS](),
		reflect.TypeFor[template.HTMLAttr](),
		reflect.TypeFor[template.JSStr](),
		reflect.TypeFor[template.Srcset](),
	}
)

// textOf is the text of v as html/template's escapers read it, for the
// kinds of value they are given in practice: strings, template.HTML and
// template.URL, integers and booleans.
func textOf(v reflect.Value) (string, content, bool) {
	v = indirectInterface(v)
	if !v.IsValid() || v.Kind() == reflect.Interface {
		return "", 0, false
	}
	switch v.Type() {
	case htmlType:
		return v.String(), htmlText, true
	case urlType:
		return v.String(), urlText, true
	case jsType:
		return "", 0, false
	}
	if v.Type().NumMethod() > 0 || slices.Contains(otherTypes, v.Type()) {
		return "", 0, false // fmt might call a String or Error method
	}
	switch k := v.Kind(); {
	case k == reflect.String:
		return v.String(), plainText, true
	case isInt(k):
		return strconv.FormatInt(v.Int(), 10), plainText, true
	case isUint(k):
		return strconv.FormatUint(v.Uint(), 10), plainText, true
	case k == reflect.Bool:
		return strconv.FormatBool(v.Bool()), plainText, true
	}
	return "", 0, false
}

// jsValue is a value written into a script: template.JS as it is, and
// anything else as JSON. Only JSON that starts and ends with a bracket or
// a quote is taken; html/template pads other JSON with spaces.
func jsValue(v reflect.Value) (string, bool) {
	v = indirectInterface(v)
	if !v.IsValid() || !v.CanInterface() {
		return "", false
	}
	if v.Type() == jsType {
		return v.String(), true
	}
	if slices.Contains(otherTypes, v.Type()) {
		return "", false
	}
	x := v.Interface()
	for {
		if _, ok := x.(json.Marshaler); ok {
			break
		}
		if _, ok := x.(fmt.Stringer); ok {
			return "", false
		}
		rv := reflect.ValueOf(x)
		if rv.Kind() != reflect.Pointer || rv.IsNil() {
			break
		}
		x = rv.Elem().Interface()
	}
	b, err := json.Marshal(x)
	if err != nil || len(b) < 2 {
		return "", false
	}
	if !strings.ContainsRune(`{["`, rune(b[0])) || !strings.ContainsRune(`}]"`, rune(b[len(b)-1])) {
		return "", false
	}
	if bytes.Contains(b, []byte("\u2028")) || bytes.Contains(b, []byte("\u2029")) {
		return "", false
	}
	return string(b), true
}

// escapeHTML replaces the characters that are markup (and NUL) with
// character references, as html/template does in text and in attributes:
// it writes a quote as &#34;, an apostrophe as &#39; and + as &#43;.
// With amp false, an ampersand stays as it is.
func escapeHTML(s string, amp bool) string {
	var b strings.Builder
	done := 0
	for i := 0; i < len(s); i++ {
		var r string
		switch s[i] {
		case 0:
			r = "\uFFFD"
		case '"':
			r = "&#34;"
		case '&':
			if !amp {
				continue
			}
			r = "&amp;"
		case '\'':
			r = "&#39;"
		case '+':
			r = "&#43;"
		case '<':
			r = "&lt;"
		case '>':
			r = "&gt;"
		default:
			continue
		}
		if done == 0 {
			b.Grow(len(s) + 16)
		}
		b.WriteString(s[done:i])
		b.WriteString(r)
		done = i + 1
	}
	if done == 0 {
		return s
	}
	b.WriteString(s[done:])
	return b.String()
}

// safeURL reports whether s has no scheme or one of http, https and
// mailto; html/template writes any other URL as "#ZgotmplZ".
func safeURL(s string) bool {
	scheme, _, ok := strings.Cut(s, ":")
	if !ok || strings.Contains(scheme, "/") {
		return true
	}
	return strings.EqualFold(scheme, "http") || strings.EqualFold(scheme, "https") || strings.EqualFold(scheme, "mailto")
}

// escapeURL percent-encodes the bytes of s that may not stand in a URL as
// they are. To normalize (a whole URL) keeps the characters that delimit
// its parts and the escapes it has (a % and two hexadecimal digits);
// otherwise (a part of a URL) those are encoded too.
func escapeURL(s string, normalize bool) string {
	var b strings.Builder
	done := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
			continue
		case c == '-' || c == '.' || c == '_' || c == '~':
			continue
		case normalize && strings.IndexByte("!#$&*+,/:;=?@[]", c) >= 0:
			continue
		case normalize && c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			continue // an escape already
		}
		if done == 0 {
			b.Grow(len(s) + 16)
		}
		b.WriteString(s[done:i])
		b.WriteByte('%')
		b.WriteByte(lowerHex[c>>4])
		b.WriteByte(lowerHex[c&15])
		done = i + 1
	}
	if done == 0 {
		return s
	}
	b.WriteString(s[done:])
	return b.String()
}

const lowerHex = "0123456789abcdef"

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
