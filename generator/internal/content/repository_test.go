package content

import (
	"slices"
	"strings"
	"testing"
)

// TestRepository: site.yaml's repository gives the address of GitHub's
// editor for a content file, and is left out for no link.
func TestRepository(t *testing.T) {
	for _, c := range []struct{ url, branch, name, want string }{
		{"https://github.com/korea-nte/explainer", "main", "barriers/beef-30-months.en.md",
			"https://github.com/korea-nte/explainer/edit/main/content/barriers/beef-30-months.en.md"},
		{"https://github.com/korea-nte/explainer.git/", "site/2025", "pages/about.ko.md",
			"https://github.com/korea-nte/explainer/edit/site/2025/content/pages/about.ko.md"},
		{"https://github.com/a/b", "fix#1", "summary.en.md", "https://github.com/a/b/edit/fix%231/content/summary.en.md"},
	} {
		fsys := mapFS(nil)
		fsys["site.yaml"].Data = []byte(testConfig + "repository:\n  url: " + c.url + "\n  branch: \"" + c.branch + "\"\n")
		set, err := Load(fsys, "content")
		if err != nil {
			t.Fatalf("%s %s: %v", c.url, c.branch, err)
		}
		if r := set.Config.Repository; r == nil || r.EditURL(c.name) != c.want {
			t.Errorf("%s %s: edit URL of %s is %v, want %s", c.url, c.branch, c.name, r, c.want)
		}
	}
	set, err := Load(mapFS(nil), "content")
	if err != nil {
		t.Fatal(err)
	}
	if set.Config.Repository != nil {
		t.Errorf("site.yaml without repository: %+v, want none", set.Config.Repository)
	}
}

// TestRepositoryErrors: each way of getting repository wrong is reported
// at its place in site.yaml, all of them in one run.
func TestRepositoryErrors(t *testing.T) {
	for _, c := range []struct {
		yaml string
		want []string
	}{{
		"repository: https://github.com/a/b\n",
		[]string{`content/site.yaml:10:13: "repository" must be a mapping of keys to values, not text`},
	}, {
		"repository:\n  url: https://gitlab.com/a/b\n  branch: main\n",
		[]string{`content/site.yaml:11:8: repository url "https://gitlab.com/a/b" must be the address of a repository on GitHub, such as https://github.com/OWNER/NAME`},
	}, {
		"repository:\n  url: https://github.com/a/b/tree/main\n  branch: ma in\n",
		[]string{
			`content/site.yaml:11:8: repository url "https://github.com/a/b/tree/main" must be the address of a repository on GitHub, such as https://github.com/OWNER/NAME`,
			`content/site.yaml:12:11: repository branch "ma in" is not a branch name git allows; write it as git shows it, such as main`,
		},
	}, {
		"repository:\n  url: https://github.com/a/b\n  brnach: main\n",
		[]string{
			`content/site.yaml:11:6: "repository" is missing its "branch"`,
			`content/site.yaml:12:3: unknown key "brnach" in "repository"; did you mean "branch"?`,
		},
	}} {
		fsys := mapFS(nil)
		fsys["site.yaml"].Data = []byte(testConfig + c.yaml)
		if got := problems(t, fsys, "content"); !slices.Equal(got, c.want) {
			t.Errorf("%q: problems\n%s\nwant\n%s", c.yaml, strings.Join(got, "\n"), strings.Join(c.want, "\n"))
		}
	}
}
