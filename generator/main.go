// Command generator builds the bilingual explainer site from the content
// folder and the templates folder:
//
//	go run ./generator build [-content DIR] [-templates DIR] [-out DIR] [-base-url URL] [-drafts]
//	go run ./generator check [-content DIR] [-templates DIR] [-drafts] [-format text|github]
//	(build and check also take -cpuprofile FILE and -memprofile FILE)
//	go run ./generator new <slug> [-sector ID] [-content DIR]
//	go run ./generator serve [-addr 127.0.0.1:1313] [-drafts] [-content DIR] [-templates DIR]
//	go run ./generator status [-content DIR]
//	go run ./generator translated <file or slug>... [-content DIR]
//
// build and check print every problem as path:line:col: message (or, with
// -format github, as GitHub Actions annotations) and exit 1 if there was
// any, 2 for a usage error; warnings (raw HTML removed) are printed as
// path:line:col: warning: message, with the errors when there are any,
// and do not change the exit code. README.md and content/README.md
// describe every command.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"explainer/generator/internal/build"
	"explainer/generator/internal/content"
	"explainer/generator/internal/diag"
)

const usage = `usage: go run ./generator <command> [flags]

commands:
  build    build the site into the output folder
  check    check the content and templates; write nothing
  new      start a new barrier: new <slug> [-sector ID]
  serve    preview the site locally, rebuilding on every edit
  status   list translations that are missing or behind their source
  translated  mark translations as caught up: translated <file or slug>...

Run "go run ./generator <command> -h" for a command's flags.
`

func main() {
	if len(os.Args) > 1 && (os.Args[1] == "build" || os.Args[1] == "check") {
		setMemoryLimit(os.Getenv) // not in run: tests call it in their own process
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the whole program, for tests: it returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "build", "check":
		return cmdBuild(args[0], args[1:], stdout, stderr)
	case "new":
		return cmdNew(args[1:], stdout, stderr)
	case "serve":
		return cmdServe(args[1:], stdout, stderr)
	case "status":
		return cmdStatus(args[1:], stdout, stderr)
	case "translated":
		return cmdTranslated(args[1:], stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "generator: unknown command %q\n\n%s", args[0], usage)
	return 2
}

// cmdBuild is build, and check (name) which writes nothing.
func cmdBuild(name string, args []string, stdout, stderr io.Writer) int {
	check := name == "check"
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	opt := build.Options{DryRun: check}
	fs.StringVar(&opt.Content, "content", "content", "the content `folder`")
	fs.StringVar(&opt.Templates, "templates", "templates", "the templates `folder`")
	if !check {
		fs.StringVar(&opt.Out, "out", "public", "the output `folder`")
		fs.StringVar(&opt.BaseURL, "base-url", "", "the site's address, overriding site.yaml's base_url (`URL`)")
	}
	repo := fs.String("repository", "", "the GitHub repository the content is edited in, for the \"edit this page\" links, overriding site.yaml's repository (`URL`)")
	branch := fs.String("branch", "main", "the repository's branch, with -repository")
	fs.BoolVar(&opt.Drafts, "drafts", false, "include pages marked draft: true")
	format := fs.String("format", "text", "how to print problems: text, or github for GitHub Actions annotations")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the build to `file` (go tool pprof reads it)")
	memProfile := fs.String("memprofile", "", "write a heap profile, taken at the end of the build, to `file`")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "generator %s: unexpected argument %q\n", name, fs.Arg(0))
		return 2
	}
	if *format != "text" && *format != "github" {
		fmt.Fprintf(stderr, "generator %s: -format must be text or github, not %q\n", name, *format)
		return 2
	}
	if opt.BaseURL != "" {
		if _, msg := content.CheckBaseURL(opt.BaseURL); msg != "" {
			fmt.Fprintf(stderr, "generator %s: -base-url: %s\n", name, msg)
			return 2
		}
	}
	if *repo != "" {
		r, msg := content.CheckRepository(*repo, *branch)
		if msg != "" {
			fmt.Fprintf(stderr, "generator %s: -repository or -branch: %s\n", name, msg)
			return 2
		}
		opt.Repository = r
	}
	stop, err := startProfiles(*cpuProfile, *memProfile)
	if err != nil {
		fmt.Fprintf(stderr, "generator %s: %v\n", name, err)
		return 2
	}
	start := time.Now()
	res, err := build.Run(opt)
	if err := stop(); err != nil {
		fmt.Fprintf(stderr, "generator %s: %v\n", name, err)
		return 1
	}
	if *format == "github" {
		problems, other := outcome(res, err)
		annotate(stdout, problems, other)
		if err := summarize(os.Getenv("GITHUB_STEP_SUMMARY"), "generator "+name, problems, other); err != nil {
			fmt.Fprintf(stderr, "generator %s: writing the run's summary: %v\n", name, err)
		}
	}
	if err != nil {
		return report(stderr, err, check)
	}
	for _, w := range res.Warnings {
		fmt.Fprintln(stderr, w)
	}
	if check {
		fmt.Fprintf(stdout, "ok: %d pages checked\n", res.Pages)
	} else {
		fmt.Fprintf(stdout, "built %d pages into %s in %v\n", res.Pages, opt.Out, time.Since(start).Round(time.Millisecond))
	}
	return 0
}

// report prints a failed build's problems, one per line; the exit code is 1.
func report(stderr io.Writer, err error, check bool) int {
	es := diag.AsList(err)
	n, warnings := diag.Count(es)
	outcome := "nothing was written"
	if check {
		outcome = "fix them and check again"
		if n == 1 {
			outcome = "fix it and check again"
		}
	}
	if es != nil {
		for _, e := range es {
			fmt.Fprintln(stderr, e)
		}
		also := ""
		if warnings > 0 {
			also = fmt.Sprintf(" (and %d %s)", warnings, plural(warnings, "warning", "warnings"))
		}
		fmt.Fprintf(stderr, "%d %s%s; %s\n", n, plural(n, "problem", "problems"), also, outcome)
		return 1
	}
	fmt.Fprintf(stderr, "generator: %v\n", err)
	return 1
}

// outcome returns a build's errors (or a success's warnings), and a
// failure that is no problem of a file.
func outcome(res *build.Result, err error) ([]*diag.Error, error) {
	if err != nil {
		if es := diag.AsList(err); es != nil {
			return es, nil
		}
		return nil, err
	}
	return res.Warnings, nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
