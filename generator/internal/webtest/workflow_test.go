package webtest

import (
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
)

const (
	workflowFile = repoRoot + "/.github/workflows/pages.yml"
	checkFile    = repoRoot + "/.github/workflows/check.yml"
)

// actionVersions are the major versions of the actions both workflows use:
// the current ones, the same in both files.
var actionVersions = map[string]string{
	"actions/checkout":              "v7",
	"actions/setup-go":              "v7",
	"actions/configure-pages":       "v6",
	"actions/upload-pages-artifact": "v5",
	"actions/deploy-pages":          "v5",
}

// workflow is the part of the GitHub Actions workflow syntax the file may
// use: decoding is strict, so a misspelt key fails the test.
type workflow struct {
	Name string `yaml:"name"`
	// On maps each event to its filters; an event without filters
	// (workflow_dispatch:) is present with a nil value.
	On map[string]*struct {
		Branches []string `yaml:"branches"`
	} `yaml:"on"`
	Permissions map[string]string `yaml:"permissions"`
	Concurrency struct {
		Group            string `yaml:"group"`
		CancelInProgress *bool  `yaml:"cancel-in-progress"`
	} `yaml:"concurrency"`
	Jobs map[string]job `yaml:"jobs"`
}

type job struct {
	RunsOn      string            `yaml:"runs-on"`
	Needs       any               `yaml:"needs"`
	Permissions map[string]string `yaml:"permissions"`
	Environment struct {
		Name string `yaml:"name"`
		URL  string `yaml:"url"`
	} `yaml:"environment"`
	Steps []step `yaml:"steps"`
}

type step struct {
	Name string            `yaml:"name"`
	ID   string            `yaml:"id"`
	If   string            `yaml:"if"`
	Uses string            `yaml:"uses"`
	With map[string]any    `yaml:"with"`
	Env  map[string]string `yaml:"env"`
	Run  string            `yaml:"run"`
}

func readWorkflow(t *testing.T) *workflow { return readWorkflowFile(t, workflowFile) }

func readWorkflowFile(t *testing.T, file string) *workflow {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var w workflow
	if err := yaml.UnmarshalWithOptions(src, &w, yaml.Strict()); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return &w
}

// uses finds the step of a job that runs action (owner/name), and checks
// its major version against actionVersions.
func (j job) uses(t *testing.T, action string) *step {
	version := actionVersions[action]
	t.Helper()
	for i, s := range j.Steps {
		name, ver, _ := strings.Cut(s.Uses, "@")
		if name == action {
			if ver != version {
				t.Errorf("%s@%s, want @%s", action, ver, version)
			}
			return &j.Steps[i]
		}
	}
	t.Errorf("no step uses %s", action)
	return &step{}
}

// TestPagesWorkflow checks the deployment workflow piece by piece.
func TestPagesWorkflow(t *testing.T) {
	w := readWorkflow(t)
	push, ok := w.On["push"]
	if _, manual := w.On["workflow_dispatch"]; !ok || push == nil || !slices.Equal(push.Branches, []string{"main"}) || !manual || len(w.On) != 2 {
		t.Errorf("triggers %v: want push to main and workflow_dispatch", slices.Sorted(maps.Keys(w.On)))
	}
	if len(w.Permissions) != 1 || w.Permissions["contents"] != "read" {
		t.Errorf("workflow permissions %v, want contents: read only", w.Permissions)
	}
	if w.Concurrency.Group != "pages" || w.Concurrency.CancelInProgress == nil || *w.Concurrency.CancelInProgress {
		t.Errorf("concurrency: want group pages, cancel-in-progress false")
	}

	b := w.Jobs["build"]
	gosetup := b.uses(t, "actions/setup-go")
	if gosetup.With["go-version-file"] != "go.mod" || gosetup.With["cache"] != true {
		t.Errorf("setup-go with %v: want go-version-file go.mod and cache true", gosetup.With)
	}
	pages := b.uses(t, "actions/configure-pages")
	upload := b.uses(t, "actions/upload-pages-artifact")
	if upload.With["path"] != "public" || upload.With["include-hidden-files"] != true {
		t.Errorf("upload-pages-artifact with %v: want path public and include-hidden-files true", upload.With)
	}
	build := buildStep(t, b)
	if pages.ID != "pages" || build.Env["BASE_URL"] != "${{ steps.pages.outputs.base_url }}" {
		t.Errorf("the build must take configure-pages' base_url (step id %q, env %v)", pages.ID, build.Env)
	}
	order := []int{stepIndex(b, "actions/checkout"), stepIndex(b, "actions/setup-go"), stepIndex(b, "actions/configure-pages"),
		slices.IndexFunc(b.Steps, func(s step) bool { return s.Run != "" }), stepIndex(b, "actions/upload-pages-artifact")}
	if !slices.IsSorted(order) || order[0] < 0 {
		t.Errorf("build steps out of order: %v", order)
	}

	d := w.Jobs["deploy"]
	if d.Needs != "build" && !slices.Equal(anyStrings(d.Needs), []string{"build"}) {
		t.Errorf("deploy needs %v, want build", d.Needs)
	}
	if len(d.Permissions) != 2 || d.Permissions["pages"] != "write" || d.Permissions["id-token"] != "write" {
		t.Errorf("deploy permissions %v, want pages: write and id-token: write", d.Permissions)
	}
	deploy := d.uses(t, "actions/deploy-pages")
	if d.Environment.Name != "github-pages" || d.Environment.URL != "${{ steps."+deploy.ID+".outputs.page_url }}" || deploy.ID == "" {
		t.Errorf("deploy environment %+v, deploy step id %q", d.Environment, deploy.ID)
	}
	// configure-pages reads the Pages site through the API: pages: read
	// (actions/configure-pages#188); nothing more.
	if len(b.Permissions) != 2 || b.Permissions["contents"] != "read" || b.Permissions["pages"] != "read" {
		t.Errorf("build job permissions %v, want contents: read and pages: read", b.Permissions)
	}
	b.uses(t, "actions/checkout")
}

func stepIndex(j job, action string) int {
	return slices.IndexFunc(j.Steps, func(s step) bool { return strings.HasPrefix(s.Uses, action+"@") })
}

func anyStrings(v any) []string {
	var out []string
	if l, ok := v.([]any); ok {
		for _, x := range l {
			s, _ := x.(string)
			out = append(out, s)
		}
	}
	return out
}

func buildStep(t *testing.T, j job) *step {
	t.Helper()
	for i, s := range j.Steps {
		if strings.Contains(s.Run, "./generator build") {
			return &j.Steps[i]
		}
	}
	t.Fatal("no step runs ./generator build")
	return nil
}

// TestPagesWorkflowBuildStep runs the workflow's build command with bash,
// as the runner would, in a copy of the repository's layout holding the
// fixture content, with base_url as configure-pages reports it for a project
// site (no trailing slash) and for a custom domain, and the repository and
// branch from GitHub's context. The pages it writes into public/ must carry
// the right addresses and link to their files on GitHub.
func TestPagesWorkflowBuildStep(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles the generator; skipped with -short")
	}
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	st := buildStep(t, readWorkflow(t).Jobs["build"])
	run := st.Run
	// The runner fills in GitHub's context, here for octocat/explainer.
	var env []string
	for k, v := range st.Env {
		v = strings.NewReplacer("${{ github.repository }}", "octocat/explainer", "${{ github.ref_name }}", "main").Replace(v)
		if k != "BASE_URL" {
			env = append(env, k+"="+v)
		}
	}
	work := workspace(t, fixture(t, nil))
	for _, base := range []string{"https://octocat.github.io/explainer", "https://www.example.com"} {
		cmd := exec.Command(bash, "-euo", "pipefail", "-c", run)
		cmd.Dir = work
		// The workspace is no git checkout, so there is no version to stamp.
		// -trimpath keeps the workspace's folder out of what the go command
		// compiles, so that the generator's packages come from the build
		// cache once any run has built them, not compiled anew in every
		// run's new folder.
		cmd.Env = append(os.Environ(), "BASE_URL="+base, "GOFLAGS=-buildvcs=false -trimpath",
			"PATH="+filepath.Join(runtime.GOROOT(), "bin")+":"+os.Getenv("PATH"))
		cmd.Env = append(cmd.Env, env...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("BASE_URL=%s: %s: %v\n%s", base, run, err, out)
		}
		var canonical string
		for _, h := range readHeads(t, filepath.Join(work, "public")) {
			if h.file == "en/index.html" {
				canonical = h.canonical
			}
		}
		if want := base + "/en/"; canonical != want {
			t.Errorf("BASE_URL=%s: en/index.html canonical %q, want %q", base, canonical, want)
		}
		if _, err := os.Stat(filepath.Join(work, "public", ".nojekyll")); err != nil {
			t.Errorf("BASE_URL=%s: %v", base, err)
		}
		pages, _ := filepath.Glob(filepath.Join(work, "public", "en", "barriers", "*", "index.html"))
		if len(pages) == 0 {
			t.Fatal("no barrier page built")
		}
		const edit = `href="https://github.com/octocat/explainer/edit/main/content/barriers/`
		if b, err := os.ReadFile(pages[0]); err != nil || !strings.Contains(string(b), edit) {
			t.Errorf("%s has no edit link %s...: %v", pages[0], edit, err)
		}
	}
}

// workspace lays out a folder like the repository's root: the module
// files, the generator and the templates (linked), and the content.
func workspace(t *testing.T, contentDir string) string {
	t.Helper()
	work := t.TempDir()
	for _, f := range []string{"go.mod", "go.sum"} {
		b, err := os.ReadFile(filepath.Join(repoRoot, f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(work, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := map[string]string{"generator": repoRoot + "/generator", "templates": templatesDir, "content": contentDir}
	for name, target := range link {
		abs, err := filepath.Abs(target)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(abs, filepath.Join(work, name)); err != nil {
			t.Fatal(err)
		}
	}
	return work
}

// TestCheckWorkflow checks the pull-request workflow: it annotates the
// content's problems and the translations, installs the test tools with
// the script CI uses, and then runs the README's test command, each of the
// later steps also after an earlier one failed, so that a pull request
// shows everything at once.
func TestCheckWorkflow(t *testing.T) {
	w := readWorkflowFile(t, checkFile)
	if _, ok := w.On["pull_request"]; !ok || len(w.On) != 1 {
		t.Errorf("triggers %v: want pull_request", slices.Sorted(maps.Keys(w.On)))
	}
	if len(w.Permissions) != 1 || w.Permissions["contents"] != "read" {
		t.Errorf("workflow permissions %v, want contents: read only", w.Permissions)
	}
	j, ok := w.Jobs["check"]
	if !ok || len(w.Jobs) != 1 {
		t.Fatalf("jobs %v: want one, check", slices.Sorted(maps.Keys(w.Jobs)))
	}
	if j.RunsOn != "ubuntu-latest" {
		t.Errorf("runs-on %q", j.RunsOn)
	}
	if co := j.uses(t, "actions/checkout"); co.With["fetch-depth"] != uint64(0) {
		t.Errorf("checkout with %v: want fetch-depth 0 (status reads the history)", co.With)
	}
	if gosetup := j.uses(t, "actions/setup-go"); gosetup.With["go-version-file"] != "go.mod" || gosetup.With["cache"] != true {
		t.Errorf("setup-go with %v: want go-version-file go.mod and cache true", gosetup.With)
	}
	want := []string{
		"go run ./generator check -format github",
		"go run ./generator status -format github",
		"sudo --preserve-env=GITHUB_ENV bash .ci/install",
		"make test",
	}
	var runs []string
	for i, s := range j.Steps {
		if s.Run == "" {
			continue
		}
		runs = append(runs, strings.TrimSpace(s.Run))
		if len(runs) > 1 && s.If != "success() || failure()" {
			t.Errorf("step %d (%s) runs only if the ones before succeeded; want if: success() || failure()", i, s.Run)
		}
	}
	if !slices.Equal(runs, want) {
		t.Errorf("run steps\n%q\nwant\n%q", runs, want)
	}
}

// TestCIInstallsOnce checks that CI and the pull-request workflow install
// the test tools with one script, and that the script installs every tool
// whose absence makes a test fail under CI=true.
func TestCIInstallsOnce(t *testing.T) {
	run, err := os.ReadFile(repoRoot + "/.ci/run")
	if err != nil {
		t.Fatal(err)
	}
	install, err := os.ReadFile(repoRoot + "/.ci/install")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(run), "bash .ci/install\n") || strings.Contains(string(run), "npm install") {
		t.Errorf(".ci/run must install through .ci/install and nowhere else")
	}
	for _, tool := range []string{"chromium", "fonts-noto-cjk", "axe-core@", "html-validate@" + htmlValidateVersion} {
		if !strings.Contains(string(install), tool) {
			t.Errorf(".ci/install does not install %s", tool)
		}
	}
}
