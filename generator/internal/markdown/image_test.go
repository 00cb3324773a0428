package markdown

import (
	"errors"
	"strings"
	"testing"

	"explainer/generator/internal/diag"
)

// convertPictures converts src as the file name, with the picture files
// of pics (by name in the content folder) and the message of missing.
func convertPictures(t *testing.T, name, src string, pics map[string]Picture) (string, *Result) {
	t.Helper()
	p := &Page{
		Name:  name,
		Lang:  "en",
		Lines: diag.NewLines("content/"+name, []byte(src)),
		URL:   func(string) string { return "/site/en/x/" },
		Picture: func(n string) (Picture, error) {
			if pic, ok := pics[n]; ok {
				return pic, nil
			}
			return Picture{}, errors.New("there is no such file")
		},
	}
	html, res, err := New().Convert([]byte(src), p)
	if err != nil {
		t.Fatal(err)
	}
	return string(html), res
}

func TestImageShown(t *testing.T) {
	pics := map[string]Picture{
		"pictures/chart.png": {URL: "/site/assets/pictures/chart.0123456789.png", Width: 640, Height: 480},
		"pictures/한국 지도.png": {URL: "/site/assets/pictures/한국 지도.0123456789.png", Width: 10, Height: 20},
	}
	for _, tc := range []struct{ name, src, want string }{
		{"barriers/x.en.md", "![Tariffs, *2024*](../pictures/chart.png \"Tariffs\")\n",
			`<p><img src="/site/assets/pictures/chart.0123456789.png" alt="Tariffs, 2024" title="Tariffs" width="640" height="480" loading="lazy" decoding="async"></p>`},
		{"summary.ko.md", "지도: ![한국 지도](<pictures/한국 지도.png>)\n",
			`<p>지도: <img src="/site/assets/pictures/%ED%95%9C%EA%B5%AD%20%EC%A7%80%EB%8F%84.0123456789.png" alt="한국 지도" width="10" height="20" loading="lazy" decoding="async"></p>`},
		{"pages/x.en.md", "[![Chart](../pictures/chart.png)](https://example.org/)\n",
			`<p><a href="https://example.org/" rel="noopener noreferrer"><img src="/site/assets/pictures/chart.0123456789.png" alt="Chart" width="640" height="480" loading="lazy" decoding="async"></a></p>`},
	} {
		html, res := convertPictures(t, tc.name, tc.src, pics)
		if len(res.Errs) > 0 {
			t.Errorf("%s: %s", tc.src, errText(res))
		}
		if strings.TrimSpace(html) != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.src, html, tc.want)
		}
	}
}

func TestImageRefused(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"barriers/x.en.md", "Text.\n\n![chart](chart.png) and ![remote](https://example.com/a.png)\n",
			`content/barriers/x.en.md:3:1: picture "chart.png" is not in the pictures/ folder; put the file in content/pictures/ and write ../pictures/chart.png` + "\n" +
				`content/barriers/x.en.md:3:25: picture "https://example.com/a.png" is on another site, and pages load nothing from other sites; save the file in content/pictures/ and write its path, such as ../pictures/name.png`},
		{"barriers/x.en.md", "One\ntwo ![](../pictures/chart.png) and *x*![](../pictures/none.png)\n",
			`content/barriers/x.en.md:2:5: picture "../pictures/chart.png" has no alt text: say what it shows between the brackets, ![what it shows](../pictures/chart.png), in the page's language` + "\n" +
				`content/barriers/x.en.md:2:39: picture "../pictures/none.png" has no alt text: say what it shows between the brackets, ![what it shows](../pictures/none.png), in the page's language` + "\n" +
				`content/barriers/x.en.md:2:39: picture "../pictures/none.png": there is no such file`},
		{"summary.en.md", "- item\n\n  [![ ](pictures/chart.png)](https://example.org/)\n",
			`content/summary.en.md:3:4: picture "pictures/chart.png" has no alt text: say what it shows between the brackets, ![what it shows](pictures/chart.png), in the page's language`},
		{"summary.en.md", "| a |\n| - |\n| x ![](data:image/png;base64,AA) |\n",
			`content/summary.en.md:3:5: picture "data:image/png;base64,AA" has no alt text: say what it shows between the brackets, ![what it shows](data:image/png;base64,AA), in the page's language` + "\n" +
				`content/summary.en.md:3:5: image address scheme "data" is not allowed; a picture is a file of the content folder's pictures/ folder, such as pictures/name.png`},
		{"pages/x.en.md", "![a](/assets/x.png) ![b](../../x.png) ![c]() ![d](//cdn.example/x.png)\n",
			`content/pages/x.en.md:1:1: picture "/assets/x.png": write the file's path from this page's file, such as ../pictures/name.png` + "\n" +
				`content/pages/x.en.md:1:21: picture "../../x.png" is outside the content folder; put the file in content/pictures/` + "\n" +
				`content/pages/x.en.md:1:39: picture has no file: write its file name between the parentheses, as in ![what it shows](../pictures/name.png)` + "\n" +
				`content/pages/x.en.md:1:46: picture "//cdn.example/x.png" is on another site, and pages load nothing from other sites; save the file in content/pictures/ and write its path, such as ../pictures/name.png`},
	} {
		html, res := convertPictures(t, tc.name, tc.src, map[string]Picture{"pictures/chart.png": {URL: "/c.png", Width: 1, Height: 1}})
		if got := errText(res); got != tc.want {
			t.Errorf("%s\nerrors:\n%s\nwant:\n%s", tc.src, got, tc.want)
		}
		if !strings.Contains(html, `<img src=""`) || strings.Contains(html, "c.png") || strings.Contains(html, "data:") || strings.Contains(html, "cdn.example") {
			t.Errorf("%s: a refused picture's address is in the page: %s", tc.src, html)
		}
	}
}

// Without Page.Picture (a converter used for text alone) an image is an
// error, not a broken <img>.
func TestImageWithoutPictures(t *testing.T) {
	_, res := convert(t, "barriers/x.en.md", "![Chart](../pictures/chart.png)\n")
	want := `content/barriers/x.en.md:1:1: picture "../pictures/chart.png": this text cannot show pictures`
	if got := errText(res); got != want {
		t.Errorf("errors:\n%s\nwant:\n%s", got, want)
	}
}
