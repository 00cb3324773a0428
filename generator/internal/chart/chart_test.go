package chart

import (
	"encoding/xml"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func TestFormat(t *testing.T) {
	for _, tc := range []struct {
		in   float64
		want string
	}{
		{0, "0"},
		{0.8, "0.8"},
		{7.99, "7.99"},
		{12, "12"},
		{999, "999"},
		{1000, "1,000"},
		{1250.5, "1,250.5"},
		{1234567, "1,234,567"},
		{-4321.25, "-4,321.25"},
	} {
		if got := Format(tc.in); got != tc.want {
			t.Errorf("Format(%v) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// offset is Korea's defense offset value, the chart the defense entry shows.
var offset = Chart{
	ID:    "offset-value",
	Title: "Offset value obtained by Korea",
	Intro: "Bar chart.",
	Lang:  "en",
	Unit:  "USD billion",
	Bars:  []Bar{{"2011–2015", 7.99}, {"2016–2020", 0.8}},
}

func TestGolden(t *testing.T) {
	got := string(SVG(offset))
	golden := filepath.Join("testdata", "offset-value.svg")
	if *update {
		if err := os.WriteFile(golden, []byte(got+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got+"\n" != string(want) {
		t.Errorf("SVG differs from %s (run with -update to accept):\n%s", golden, got)
	}
}

// bars decodes the chart and returns the width attribute of every bar and
// the text of every text element, checking that it is well-formed XML.
func decode(t *testing.T, svg string) (widths, texts []string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(svg))
	var inText bool
	for {
		tok, err := d.Token()
		if err != nil {
			if err.Error() == "EOF" {
				return widths, texts
			}
			t.Fatalf("not well-formed SVG: %v\n%s", err, svg)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			inText = tok.Name.Local == "text"
			if tok.Name.Local == "rect" {
				for _, a := range tok.Attr {
					if a.Name.Local == "width" {
						widths = append(widths, a.Value)
					}
				}
			}
		case xml.CharData:
			if inText {
				texts = append(texts, string(tok))
			}
		case xml.EndElement:
			inText = false
		}
	}
}

func TestBarsAreProportional(t *testing.T) {
	c := Chart{ID: "c", Title: "Cases", Bars: []Bar{{"2019", 2}, {"2020", 8}, {"2021", 4}, {"2022", 0}}}
	widths, texts := decode(t, string(SVG(c)))
	want := []string{"25%", "100%", "50%", "0%"}
	if strings.Join(widths, " ") != strings.Join(want, " ") {
		t.Errorf("bar widths = %v, want %v", widths, want)
	}
	wantTexts := "2019 2 2020 8 2021 4 2022 0"
	if got := strings.Join(texts, " "); got != wantTexts {
		t.Errorf("texts = %q, want %q", got, wantTexts)
	}
}

func TestNegativeValuesDrawAnAxis(t *testing.T) {
	c := Chart{ID: "c", Title: "Balance", Bars: []Bar{{"a", -2}, {"b", 6}}}
	svg := string(SVG(c))
	widths, _ := decode(t, svg)
	if strings.Join(widths, " ") != "25% 75%" {
		t.Errorf("bar widths = %v, want [25%% 75%%]", widths)
	}
	if !strings.Contains(svg, `<rect class="chart-bar" x="0%"`) || !strings.Contains(svg, `<rect class="chart-bar" x="25%"`) {
		t.Errorf("the negative bar should start at 0%% and the positive one at the zero line (25%%):\n%s", svg)
	}
	if !strings.Contains(svg, `<line class="chart-axis" x1="25%"`) {
		t.Errorf("no zero axis at 25%%:\n%s", svg)
	}
}

func TestTextIsEscaped(t *testing.T) {
	c := Chart{ID: `x" onload="alert(1)`, Title: "<script>alert(1)</script>", Bars: []Bar{{`</text><script>`, 1}}}
	svg := string(SVG(c))
	for _, bad := range []string{"<script", `" onload`} {
		if strings.Contains(svg, bad) {
			t.Errorf("markup from input reached the SVG (%q):\n%s", bad, svg)
		}
	}
	_, texts := decode(t, svg)
	if texts[0] != "</text><script>" {
		t.Errorf("label = %q, want it back as text", texts[0])
	}
}

func TestDescribeReadsEveryValue(t *testing.T) {
	want := "Bar chart. 2011–2015: $7.99 billion; 2016–2020: $0.8 billion."
	if got := Describe(offset); got != want {
		t.Errorf("Describe = %q, want %q", got, want)
	}
	if svg := string(SVG(offset)); !strings.Contains(svg, `role="img" aria-labelledby="offset-value-title offset-value-desc"`) {
		t.Errorf("the SVG is not labelled by its title and description:\n%s", svg)
	}
}

func TestNoBarsNoMarkup(t *testing.T) {
	if got := SVG(Chart{ID: "x", Title: "Empty"}); got != "" {
		t.Errorf("SVG of no bars = %q, want empty", got)
	}
}
