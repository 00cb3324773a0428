package chart

import (
	"strings"
	"testing"
)

var dated = []Section{
	{"offsets-1982", "1982: Korea introduces defense offsets"},
	{"maps-2007", "2007 and 2016: Google's map requests refused"},
	{"report-2023", "March 31, 2023: The 2023 report"},
	{"pipa-2023", "September 2023: Personal data rules revised"},
	{"deal-2025", "2025년 7월 30~31일: 한미 무역 합의"},
}

func TestEventsReadDates(t *testing.T) {
	got := Events(dated)
	want := []Event{
		{"offsets-1982", "1982", "Korea introduces defense offsets", 1982},
		{"maps-2007", "2007 and 2016", "Google's map requests refused", 2007},
		{"report-2023", "March 31, 2023", "The 2023 report", 2023},
		{"pipa-2023", "September 2023", "Personal data rules revised", 2023},
		{"deal-2025", "2025년 7월 30~31일", "한미 무역 합의", 2025},
	}
	if len(got) != len(want) {
		t.Fatalf("Events = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("event %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestEventsNeedEveryHeadingDated(t *testing.T) {
	for name, secs := range map[string][]Section{
		"an undated heading":  append(append([]Section{}, dated...), Section{"why", "Why it matters"}),
		"a colon but no year": {{"a", "1982: a"}, {"b", "2003: b"}, {"c", "Note: c"}},
		"no title":            {{"a", "1982: a"}, {"b", "2003: b"}, {"c", "2004: "}},
		"too few":             dated[:2],
		"a year in the text":  {{"a", "1982: a"}, {"b", "2003: b"}, {"c", "The 2025 report"}},
	} {
		if got := Events(secs); got != nil {
			t.Errorf("%s: Events = %v, want none", name, got)
		}
	}
}

func TestYearsGroupAndMarkGaps(t *testing.T) {
	years := Years(Events(dated))
	var got []string
	for _, y := range years {
		s := strings.Repeat("*", len(y.Events))
		if y.GapAfter {
			s += " gap"
		}
		got = append(got, s)
	}
	// 1982 → 2007 and 2007 → 2023 skip five years or more; 2023 → 2025 does not.
	if want := "* gap|* gap|**|*"; strings.Join(got, "|") != want {
		t.Errorf("years = %q, want %q", strings.Join(got, "|"), want)
	}
}

func TestTimelineLinksEverySection(t *testing.T) {
	h := string(Timeline(Events(dated)))
	for _, want := range []string{
		`<li class="timeline-year timeline-gap"><time class="timeline-year-label" datetime="1982">1982</time>`,
		// A date that is only the year is not repeated.
		"<li><a href=\"#offsets-1982\">Korea introduces defense offsets</a></li>",
		`<li><span class="timeline-date">March 31, 2023</span><a href="#report-2023">The 2023 report</a></li>`,
		`<li><span class="timeline-date">2025년 7월 30~31일</span><a href="#deal-2025">한미 무역 합의</a></li>`,
		`<li class="timeline-year"><time class="timeline-year-label" datetime="2025">2025</time>`,
	} {
		if !strings.Contains(h, want) {
			t.Errorf("timeline has no %s:\n%s", want, h)
		}
	}
	if n := strings.Count(h, `<a href="#`); n != len(dated) {
		t.Errorf("%d links, want one per section (%d)", n, len(dated))
	}
	if Timeline(nil) != "" {
		t.Error("a timeline of no events drew something")
	}
}

func TestTimelineTextIsEscaped(t *testing.T) {
	h := string(Timeline(Events([]Section{{`x" onclick="a`, "1982: <script>"}, {"b", "2003: b"}, {"c", "2004: c"}})))
	if strings.Contains(h, "<script") || strings.Contains(h, `" onclick`) {
		t.Errorf("markup from input reached the timeline:\n%s", h)
	}
}
