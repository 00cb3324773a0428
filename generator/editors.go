package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"explainer/generator/internal/content"
	"explainer/generator/internal/diag"
	"explainer/generator/internal/scaffold"
	"explainer/generator/internal/status"
)

// flags parses a command's flags, which may come before or after its
// arguments (editors type "new beef -sector agriculture"). It returns the
// arguments, or an exit code when there is nothing more to do.
func flags(fs *flag.FlagSet, args []string, stderr io.Writer) ([]string, int, bool) {
	fs.SetOutput(stderr)
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, 0, false
			}
			return nil, 2, false
		}
		if fs.NArg() == 0 {
			return rest, 0, true
		}
		rest = append(rest, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// loadConfig loads the content folder, for its site.yaml; when there is
// no set, it has printed why.
func loadConfig(dir string, stderr io.Writer) (*content.Set, error) {
	set, err := content.Load(os.DirFS(dir), dir)
	if set == nil {
		report(stderr, err, true)
	}
	return set, err
}

func cmdNew(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("new", flag.ContinueOnError)
	dir := fs.String("content", "content", "the content `folder`")
	sector := fs.String("sector", "", "the barrier's sector `id`, from site.yaml")
	rest, code, ok := flags(fs, args, stderr)
	if !ok {
		return code
	}
	if len(rest) != 1 {
		fmt.Fprintf(stderr, "usage: go run ./generator new <slug> [-sector ID]\n")
		return 2
	}
	set, _ := loadConfig(*dir, stderr)
	if set == nil {
		return 1
	}
	paths, err := scaffold.NewBarrier(*dir, set.Config, rest[0], *sector)
	if err != nil {
		fmt.Fprintf(stderr, "generator new: %v\n", err)
		return 1
	}
	for _, p := range paths {
		fmt.Fprintf(stdout, "created %s\n", p)
	}
	// The translations start as translations of the new source, so that
	// status shows them as stale once the source is written.
	if _, err := status.Mark(*dir, rest[0], set.Config.Codes()); err != nil {
		fmt.Fprintf(stderr, "generator new: %v\n", err)
		return 1
	}
	if *sector == "" {
		fmt.Fprintf(stdout, "next: fill in sector: in each file (check reports it until you do)\n")
	}
	fmt.Fprintf(stdout, "the files are drafts: preview them with make serve DRAFTS=1, publish by setting draft: false\n")
	return 0
}

func cmdStatus(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("status", flag.ContinueOnError)
	dir := fs.String("content", "content", "the content `folder`")
	format := fs.String("format", "text", "how to print the report: text, or github for GitHub Actions annotations and a run summary")
	strict := fs.Bool("strict", false, "exit with code 1 when a translation is not up to date (for CI)")
	rest, code, ok := flags(fs, args, stderr)
	if !ok {
		return code
	}
	if len(rest) > 0 {
		fmt.Fprintf(stderr, "generator status: unexpected argument %q\n", rest[0])
		return 2
	}
	if *format != "text" && *format != "github" {
		fmt.Fprintf(stderr, "generator status: -format must be text or github, not %q\n", *format)
		return 2
	}
	set, err := loadConfig(*dir, stderr)
	if set == nil {
		return 1
	}
	rows := status.Report(set)
	if *format == "github" {
		if err := appendSummary(os.Getenv("GITHUB_STEP_SUMMARY"), status.PrintGitHub(stdout, rows, *dir)); err != nil {
			fmt.Fprintf(stderr, "generator status: writing the run's summary: %v\n", err)
		}
	} else {
		status.Print(stdout, rows, *dir)
	}
	if es := diag.AsList(err); len(es) > 0 {
		fmt.Fprintf(stderr, "note: %d %s in the content; files that could not be read are left out above (run make check)\n", len(es), plural(len(es), "problem", "problems"))
	}
	if *strict && status.Behind(rows) {
		fmt.Fprintf(stderr, "generator status: translations are not up to date (-strict)\n")
		return 1
	}
	return 0
}

func cmdTranslated(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("translated", flag.ContinueOnError)
	dir := fs.String("content", "content", "the content `folder`")
	rest, code, ok := flags(fs, args, stderr)
	if !ok {
		return code
	}
	if len(rest) == 0 {
		fmt.Fprintf(stderr, "usage: go run ./generator translated <file or slug>...\n")
		return 2
	}
	set, _ := loadConfig(*dir, stderr)
	if set == nil {
		return 1
	}
	failed := false
	for _, a := range rest {
		marked, err := status.Mark(*dir, a, set.Config.Codes())
		for _, m := range marked {
			fmt.Fprintf(stdout, "marked %s as translated from %s (%s)\n", m.Translation, m.Source, m.Fingerprint)
		}
		if err != nil {
			fmt.Fprintf(stderr, "generator translated: %v\n", err)
			failed = true
		}
	}
	if failed {
		return 1
	}
	return 0
}
