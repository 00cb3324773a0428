package chart

import (
	"encoding/xml"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// grid is a small overview: two sectors, three statuses, four barriers.
var grid = Grid{
	ID: "overview", Title: "Every barrier at a glance", Intro: "By sector and status.",
	Columns: []Column{{"Unchanged", "Unchanged"}, {"In talks", "Under negotiation"}, {"Committed", "Korea committed to change"}},
	Rows: []Row{
		{Label: "Defense", Cells: [][]Mark{{{Label: "Offsets", URL: "/en/barriers/offset/", Class: "new", Note: "New in 2025"}}, nil, nil}},
		{Label: "Digital", Cells: [][]Mark{
			{{Label: "Maps", URL: "/en/barriers/maps/", Class: "old", Note: "Listed since 2017"}},
			nil,
			{{Label: "Cloud", URL: "/en/barriers/cloud/", Class: "old", Note: "Listed since 2018"}, {Label: "Fees", URL: "/en/barriers/fees/", Class: "unknown", Note: "Year not given"}},
		}},
	},
	Legend: []LegendItem{{"new", "New in 2025"}, {"old", "Listed before 2025"}},
	Head:   [3]string{"Barrier", "Since the report", "In the report"},
}

// svgLinks decodes an SVG, checking it is well-formed, and returns its
// title, its description and each link as "href name".
func svgLinks(t *testing.T, svg string) (title, desc string, links []string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(svg))
	var in string
	for {
		tok, err := d.Token()
		if err != nil {
			if err.Error() == "EOF" {
				return title, desc, links
			}
			t.Fatalf("not well-formed SVG: %v\n%s", err, svg)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			in = tok.Name.Local
			if in == "a" {
				var href, name string
				for _, a := range tok.Attr {
					switch a.Name.Local {
					case "href":
						href = a.Value
					case "aria-label":
						name = a.Value
					}
				}
				links = append(links, href+" "+name)
			}
		case xml.CharData:
			switch in {
			case "title":
				if title == "" {
					title = string(tok)
				}
			case "desc":
				desc = string(tok)
			}
		case xml.EndElement:
			in = ""
		}
	}
}

// tableRows parses the table as a browser does and returns each body row
// as "href cell | cell | ...", and each group's heading as "# label".
func tableRows(t *testing.T, table string) (caption string, rows []string) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(table))
	if err != nil {
		t.Fatal(err)
	}
	var text func(n *html.Node) string
	text = func(n *html.Node) string {
		if n.Type == html.TextNode {
			return n.Data
		}
		var b strings.Builder
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			b.WriteString(text(c))
		}
		return b.String()
	}
	var walk func(n *html.Node, inBody bool)
	walk = func(n *html.Node, inBody bool) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "caption":
				caption = text(n)
			case "tbody":
				inBody = true
			case "tr":
				if inBody {
					var cells []string
					for c := n.FirstChild; c != nil; c = c.NextSibling {
						if c.Type == html.ElementNode {
							cell := text(c)
							for _, at := range c.Attr {
								if at.Key == "scope" && at.Val == "rowgroup" {
									cell = "# " + cell
								}
							}
							if a := c.FirstChild; a != nil && a.Type == html.ElementNode && a.Data == "a" {
								for _, at := range a.Attr {
									if at.Key == "href" {
										cell = at.Val + " " + cell
									}
								}
							}
							cells = append(cells, cell)
						}
					}
					rows = append(rows, strings.Join(cells, " | "))
					return
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inBody)
		}
	}
	walk(doc, false)
	return caption, rows
}

func TestGridHasTitleDescriptionAndLinks(t *testing.T) {
	svg := string(grid.SVG())
	title, desc, links := svgLinks(t, svg)
	if title != grid.Title {
		t.Errorf("title = %q, want %q", title, grid.Title)
	}
	wantDesc := "By sector and status. Defense: Unchanged 1. Digital: Unchanged 1, Korea committed to change 2."
	if desc != wantDesc {
		t.Errorf("desc = %q, want %q", desc, wantDesc)
	}
	if !strings.Contains(svg, `aria-labelledby="overview-title" aria-describedby="overview-desc"`) {
		t.Errorf("the SVG is not labelled by its title and described by its description:\n%s", svg)
	}
	want := []string{
		"/en/barriers/offset/ Offsets (New in 2025)",
		"/en/barriers/maps/ Maps (Listed since 2017)",
		"/en/barriers/cloud/ Cloud (Listed since 2018)",
		"/en/barriers/fees/ Fees (Year not given)",
	}
	if strings.Join(links, "\n") != strings.Join(want, "\n") {
		t.Errorf("links:\n%s\nwant:\n%s", strings.Join(links, "\n"), strings.Join(want, "\n"))
	}
	// Out of the Tab order: the table and the cards carry the same links.
	if n := strings.Count(svg, `tabindex="-1"`); n != len(want) {
		t.Errorf("%d of %d squares out of the Tab order", n, len(want))
	}
	for _, class := range []string{"overview-new", "overview-old", "overview-unknown"} {
		if !strings.Contains(svg, class) {
			t.Errorf("no mark of class %s:\n%s", class, svg)
		}
	}
}

func TestGridTableHasTheSameData(t *testing.T) {
	caption, rows := tableRows(t, string(grid.Table()))
	if caption != grid.Title {
		t.Errorf("caption = %q, want %q", caption, grid.Title)
	}
	want := []string{
		"# Defense",
		"/en/barriers/offset/ Offsets | Unchanged | New in 2025",
		"# Digital",
		"/en/barriers/maps/ Maps | Unchanged | Listed since 2017",
		"/en/barriers/cloud/ Cloud | Korea committed to change | Listed since 2018",
		"/en/barriers/fees/ Fees | Korea committed to change | Year not given",
	}
	if strings.Join(rows, "\n") != strings.Join(want, "\n") {
		t.Errorf("table rows:\n%s\nwant:\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
	// The drawing links to the same pages, in the same order.
	_, _, links := svgLinks(t, string(grid.SVG()))
	var linked []string
	for _, r := range rows {
		if !strings.HasPrefix(r, "# ") {
			linked = append(linked, r)
		}
	}
	for i, l := range links {
		href, _, _ := strings.Cut(l, " ")
		if i >= len(linked) || !strings.HasPrefix(linked[i], href+" ") {
			t.Errorf("link %d of the drawing (%s) is not item %d of the table", i, href, i)
		}
	}
}

func TestGridCellsWrapAndRowsGrow(t *testing.T) {
	many := make([]Mark, 7)
	for i := range many {
		many[i] = Mark{Label: "x", URL: "/x/", Class: "old"}
	}
	g := Grid{ID: "g", Title: "t", Columns: []Column{{"a", "a"}}, Rows: []Row{{Label: "r", Cells: [][]Mark{many}}}}
	svg := string(g.SVG())
	// Seven marks, three to a line: three lines.
	if !strings.Contains(svg, `height="57"><a`) {
		t.Errorf("the cell of seven marks is not three lines high:\n%s", svg)
	}
	if !strings.Contains(svg, `x="2" y="40"`) {
		t.Errorf("the seventh mark does not start the third line:\n%s", svg)
	}
}

func TestGridTextIsEscaped(t *testing.T) {
	g := grid
	g.Title = "<script>alert(1)</script>"
	g.Rows = []Row{{Label: `</text><script>`, Cells: [][]Mark{{{Label: `"><script>`, URL: `/x/" onload="alert(1)`, Class: `new" onclick="x`}}, nil, nil}}}
	for name, out := range map[string]string{"svg": string(g.SVG()), "table": string(g.Table()), "legend": string(g.LegendHTML())} {
		for _, bad := range []string{"<script", `" onload`, `" onclick`} {
			if strings.Contains(out, bad) {
				t.Errorf("markup from input reached the %s (%q):\n%s", name, bad, out)
			}
		}
	}
	_, _, links := svgLinks(t, string(g.SVG()))
	if len(links) != 1 || links[0] != `/x/" onload="alert(1) "><script>` {
		t.Errorf("links = %q", links)
	}
}

func TestEmptyGridNoMarkup(t *testing.T) {
	g := Grid{ID: "g", Title: "t", Columns: []Column{{"a", "a"}}}
	if g.SVG() != "" || g.Table() != "" {
		t.Errorf("a grid without rows drew something")
	}
}
