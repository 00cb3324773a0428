package content

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"github.com/goccy/go-yaml/ast"
)

// Repository is site.yaml's repository: the GitHub repository the
// content is edited in, and its branch. The content folder is the
// repository's content/, as in this project.
//
//	repository:
//	  url: https://github.com/OWNER/NAME
//	  branch: main
type Repository struct {
	URL    string // https://github.com/OWNER/NAME, without a trailing slash
	Branch string
}

// RepositoryContentDir is the content folder's path in the repository.
const RepositoryContentDir = "content"

// EditURL is the address of GitHub's editor for the content file name (a
// path inside the content folder, barriers/beef.en.md) on the branch.
func (r *Repository) EditURL(name string) string {
	parts := strings.Split(r.Branch+"/"+RepositoryContentDir+"/"+name, "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return r.URL + "/edit/" + strings.Join(parts, "/")
}

var (
	// GitHub's rules for the names: an owner is letters, digits and
	// single hyphens inside, up to 39; a repository letters, digits,
	// hyphens, underscores and dots.
	githubRepoRE = regexp.MustCompile(`^https://github\.com/([A-Za-z0-9](?:-?[A-Za-z0-9]){0,38})/([A-Za-z0-9._-]+?)(?:\.git)?/?$`)
	// A branch name as git allows it (git check-ref-format), but for the
	// rarest cases: no spaces, control characters, ~^:?*[\, "..", "@{",
	// empty parts, or a part or the whole ending in ".lock" or a dot.
	badBranchRE = regexp.MustCompile(`[\x00-\x20\x7f~^:?*\[\\]|\.\.|@\{|//|^/|/$|^@$|\.lock(/|$)|\.$|(^|/)\.`)
)

// CheckRepository makes a Repository of an address and a branch given
// outside site.yaml (the build's -repository and -branch), checked as in
// site.yaml; the message says what is wrong with them.
func CheckRepository(u, branch string) (*Repository, string) {
	r := &Repository{URL: repositoryURL(u), Branch: branch}
	if r.URL == "" {
		return nil, fmt.Sprintf("%q must be the address of a repository on GitHub, such as https://github.com/OWNER/NAME", u)
	}
	if badBranchRE.MatchString(branch) {
		return nil, fmt.Sprintf("%q is not a branch name git allows", branch)
	}
	return r, ""
}

// repositoryURL is u as Repository.URL, or "" if it is not the address of
// a repository on GitHub.
func repositoryURL(u string) string {
	m := githubRepoRE.FindStringSubmatch(u)
	if m == nil || m[2] == "." || m[2] == ".." {
		return ""
	}
	return "https://github.com/" + m[1] + "/" + m[2]
}

// decodeRepository decodes site.yaml's repository, or reports at its
// place what is wrong with it.
func decodeRepository(d *yamlDoc, n ast.Node) *Repository {
	o, ok := d.object(n, `"repository"`, []string{"url", "branch"}, []string{"url", "branch"})
	if !ok {
		return nil
	}
	var r Repository
	u, okURL := d.str(o["url"], "url")
	if r.URL = repositoryURL(u); okURL && r.URL == "" {
		d.errs.Addf(d.pos(o["url"]), "repository url %q must be the address of a repository on GitHub, such as https://github.com/OWNER/NAME", u)
		okURL = false
	}
	b, okBranch := d.str(o["branch"], "branch")
	if okBranch && badBranchRE.MatchString(b) {
		d.errs.Addf(d.pos(o["branch"]), "repository branch %q is not a branch name git allows; write it as git shows it, such as main", b)
		okBranch = false
	}
	r.Branch = b
	if !okURL || !okBranch {
		return nil
	}
	return &r
}
