package render

import (
	"fmt"
	"strconv"
	"strings"

	"explainer/generator/internal/theme"
)

// CountPlaceholder marks where the number goes in a strings.yaml text
// that Plural fills ("{n} barriers").
const CountPlaceholder = "{n}"

// A counted string is two keys of strings.yaml, key_one and key_other
// (theme.PluralOne, theme.PluralOther), each in every language; a
// language uses the form its grammar gives the number (pluralForm).
const (
	PluralOne   = theme.PluralOne
	PluralOther = theme.PluralOther
)

// pluralForms holds each language's rule for which form a count takes,
// as the Unicode CLDR gives it for whole numbers: Korean (and Japanese,
// Chinese) counts with the same words whatever the number ("무역장벽
// 1건", "무역장벽 2건"), so it takes the _other form always. A language
// missing here takes English's rule: _one for 1, _other for the rest.
var pluralForms = map[string]func(n int) string{
	"ko": func(int) string { return PluralOther },
	"ja": func(int) string { return PluralOther },
	"zh": func(int) string { return PluralOther },
}

// pluralForm returns the suffix of the form n takes in lang.
func pluralForm(lang string, n int) string {
	if f, ok := pluralForms[lang]; ok {
		return f(n)
	}
	if n == 1 {
		return PluralOne
	}
	return PluralOther
}

// Plural returns the strings.yaml text key_one or key_other, the one the
// page's language uses for n, with its CountPlaceholder replaced by n:
// {{.Plural "barrier_count" (len .Barriers)}} is "1 barrier", "2
// barriers", "무역장벽 2건".
func (p *Page) Plural(key string, n int) (string, error) {
	k := key + pluralForm(p.Lang, n)
	text, err := p.T(k)
	if err != nil {
		return "", err
	}
	if !strings.Contains(text, CountPlaceholder) {
		return "", fmt.Errorf("string %q in strings.yaml has no %s for the number", k, CountPlaceholder)
	}
	return strings.ReplaceAll(text, CountPlaceholder, strconv.Itoa(n)), nil
}
