package chart

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Amount writes a value with its unit as a reader of the language writes
// it. The unit is the figure's front matter unit, which may carry a scale:
// a value of 7.99 in "USD billion" reads "$7.99 billion" in English, and
// the same value in "10억 달러" reads "79억9000만 달러" in Korean, counted
// in 만, 억 and 조 as Korean newspapers count, never "7.99 10억 달러".
// A unit that is not understood follows the number as it is written, and
// Korean counts whole numbers in 만 and 억 whatever the unit (1만2345명).
func Amount(lang, unit string, v float64) string {
	unit = strings.TrimSpace(unit)
	if lang == "ko" {
		if scale, noun, ok := koreanUnit(unit); ok {
			return KoreanNumber(v*scale) + joinUnit(noun)
		}
		return KoreanNumber(v) + joinUnit(unit)
	}
	if unit == "" {
		return Format(v)
	}
	if sym, scale, ok := englishUnit(unit); ok {
		s := sym + Format(v)
		if scale != "" {
			s += " " + scale
		}
		return s
	}
	return Format(v) + joinUnit(unit)
}

// joinUnit puts a unit after a number: a symbol or a one-letter counter
// (%, 건, 명, 원) is written against it, a word after a space (달러, items).
func joinUnit(unit string) string {
	if unit == "" || utf8.RuneCountInString(unit) == 1 {
		return unit
	}
	return " " + unit
}

// koreanScales are the Korean myriad units, largest first.
var koreanScales = []struct {
	name  string
	value float64
}{{"조", 1e12}, {"억", 1e8}, {"만", 1e4}}

// koreanUnit reads a unit such as "10억 달러", "억 원" or "만 명": an
// optional count, a myriad unit, then what is counted. ok is false for a
// unit without a scale.
func koreanUnit(unit string) (scale float64, noun string, ok bool) {
	digits := 0
	for digits < len(unit) && unit[digits] >= '0' && unit[digits] <= '9' {
		digits++
	}
	count := 1.0
	if digits > 0 {
		n, err := strconv.Atoi(unit[:digits])
		if err != nil || n == 0 {
			return 0, "", false
		}
		count = float64(n)
	}
	rest := unit[digits:]
	for _, s := range koreanScales {
		if after, found := strings.CutPrefix(rest, s.name); found {
			return count * s.value, strings.TrimSpace(after), true
		}
	}
	return 0, "", false
}

// KoreanNumber writes a number in 조, 억 and 만, each group of four digits
// without commas as newspapers write them: 7,990,000,000 is 79억9000만,
// 10,000,000,000 is 100억, 1,200,000,000,000 is 1조 2000억. A value with
// a fraction left after scaling, or too large to count exactly, is
// written as Format writes it.
func KoreanNumber(v float64) string {
	r := math.Round(v)
	if math.Abs(v-r) > 1e-6*math.Max(1, math.Abs(v)) || math.Abs(r) >= 1e16 {
		return Format(v)
	}
	sign := ""
	if r < 0 {
		sign, r = "-", -r
	}
	n := int64(r)
	if n < 10000 {
		return sign + strconv.FormatInt(n, 10)
	}
	var b strings.Builder
	b.WriteString(sign)
	for _, s := range koreanScales {
		unit := int64(s.value)
		if q := n / unit; q > 0 {
			b.WriteString(strconv.FormatInt(q, 10))
			b.WriteString(s.name)
			// A space after 조, as in 1조 2000억; 억 and 만 are joined
			// to what follows, as in 79억9000만.
			if s.name == "조" && n%unit > 0 {
				b.WriteByte(' ')
			}
			n %= unit
		}
	}
	if n > 0 {
		b.WriteString(strconv.FormatInt(n, 10))
	}
	return b.String()
}

// currencySymbols are the currencies an English unit may name by code.
var currencySymbols = map[string]string{"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "KRW": "₩"}

// englishScales are the scale words an English unit may end in.
var englishScales = map[string]bool{"thousand": true, "million": true, "billion": true, "trillion": true}

// englishUnit reads a unit such as "USD billion" or "USD": a currency
// code, then at most a scale word. ok is false for anything else.
func englishUnit(unit string) (symbol, scale string, ok bool) {
	words := strings.Fields(unit)
	sym, isCurrency := currencySymbols[words[0]]
	switch {
	case !isCurrency || len(words) > 2 || len(words) == 2 && !englishScales[words[1]]:
		return "", "", false
	case len(words) == 2:
		return sym, words[1], true
	}
	return sym, "", true
}
