package content

import (
	"slices"
	"strings"
	"testing"
)

func barrier(frontMatter string) string {
	return "---\ntitle: Offsets\nsummary: What is owed.\nsector: defense\nsources: [{title: Report}]\n" + frontMatter + "---\nText.\n"
}

// Every status decodes to its own value and prints as written; the
// cross-language checks and the templates rely on both.
func TestStatusValues(t *testing.T) {
	for i, name := range StatusNames() {
		fsys := mapFS(map[string]string{"barriers/x.en.md": barrier("status: " + name + "\nstatus_date: 2025-11-14\n")})
		set, err := Load(fsys, "content")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		m := set.Docs[0].Meta
		if m.Status != Status(i+1) || m.Status.String() != name || m.StatusDate != "2025-11-14" {
			t.Errorf("%s: got status %d (%q), date %q", name, m.Status, m.Status, m.StatusDate)
		}
		if m.StatusPos.Line != 6 || m.StatusDatePos.Line != 7 || m.StatusPos.Col != 1 {
			t.Errorf("%s: keys at %v and %v, want lines 6 and 7, column 1", name, m.StatusPos, m.StatusDatePos)
		}
	}
	if StatusNone.String() != "" {
		t.Errorf("StatusNone prints as %q; templates take an empty status for none", StatusNone.String())
	}
}

// Whether status and status_date are required is one constant; a barrier
// without them is an error when it is set, and fine while it is not. A
// page never takes them.
func TestStatusRequired(t *testing.T) {
	got := problems(t, mapFS(map[string]string{"barriers/x.en.md": barrier("")}), "content")
	want := []string(nil)
	if statusRequired {
		want = []string{
			`content/barriers/x.en.md:1:1: missing required key "status"`,
			`content/barriers/x.en.md:1:1: missing required key "status_date"`,
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("statusRequired %v: problems\n%s\nwant\n%s", statusRequired, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	got = problems(t, mapFS(map[string]string{"pages/about.en.md": page("status: resolved\n", "Text.\n")}), "content")
	if len(got) != 1 || !strings.HasPrefix(got[0], `content/pages/about.en.md:4:1: key "status" is not used in a page`) {
		t.Errorf("status in a page: %q", got)
	}
}

// report_items must be a count, and the description's {items} takes it.
func TestReportItems(t *testing.T) {
	config := func(items string) string {
		c := strings.Replace(testConfig, "description: {en: About, ko: 소개}", "description: {en: \"{items} items\", ko: \"{items}개 항목\"}", 1)
		return strings.Replace(c, "report_year: 2025\n", "report_year: 2025\n"+items, 1)
	}
	for _, c := range []struct{ items, want string }{
		{"report_items: 0\n", `content/site.yaml:8:15: "report_items" must be the number of the report's items the site covers, at least 1, not 0`},
		{"report_items: many\n", `content/site.yaml:8:15: "report_items" must be a whole number, not text ("many")`},
		{"", `content/site.yaml:2:1: "description" uses {items}, the number in "report_items", but site.yaml has no "report_items"`},
	} {
		fsys := mapFS(nil)
		fsys["site.yaml"].Data = []byte(config(c.items))
		if got := problems(t, fsys, "content"); len(got) != 1 || got[0] != c.want {
			t.Errorf("%q: problems %q, want %q", c.items, got, c.want)
		}
	}
	fsys := mapFS(nil)
	fsys["site.yaml"].Data = []byte(config("report_items: 13\n"))
	set, err := Load(fsys, "content")
	if err != nil {
		t.Fatal(err)
	}
	if c := set.Config; c.ReportItems != 13 || c.Description["en"] != "13 items" || c.Description["ko"] != "13개 항목" || c.ReportItemsPos.Line != 8 {
		t.Errorf("report_items 13: got %d at %v, description %q", c.ReportItems, c.ReportItemsPos, c.Description)
	}
}
