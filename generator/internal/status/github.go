package status

import (
	"fmt"
	"io"
	"path"
	"strings"
)

// PrintGitHub writes the report for GitHub Actions, a warning annotation
// on every translation not up to date, and returns the run's summary: a
// table of them with what changed in their sources.
func PrintGitHub(w io.Writer, rows []Row, dir string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "### Translations\n\n%s\n\n", Counts(rows))
	if Behind(rows) {
		b.WriteString("| translation | state | what to do |\n| --- | --- | --- |\n")
	}
	var diffs strings.Builder
	for _, r := range rows {
		if r.State == UpToDate {
			continue
		}
		file := path.Join(dir, r.Translation)
		msg := strings.TrimPrefix(r.note(dir), ": ")
		fmt.Fprintf(w, "::warning file=%s,line=1,col=1::%s %s\n", file, r.State, msg)
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", file, r.State, todo(r.State))
		if r.State == Stale {
			diff, err := Changes(path.Join(dir, r.Source), r.Marked)
			if err != nil {
				diff = err.Error()
			}
			fmt.Fprintf(&diffs, "<details><summary>What changed in %s since %s was translated</summary>\n\n```diff\n%s\n```\n\n</details>\n\n",
				path.Join(dir, r.Source), file, strings.TrimRight(diff, "\n"))
		}
	}
	return b.String() + "\n" + diffs.String()
}

// todo tells the translator what a state asks of them.
func todo(s State) string {
	switch s {
	case Stale:
		return "bring it up to date, then run `make translated F=<file>`"
	case NeverMarked:
		return "check it against its source, then run `make translated F=<file>`"
	case Missing:
		return "translate the source (or leave it for a translator)"
	case NoSource:
		return "write the source in the default language, or remove the file"
	}
	return ""
}
