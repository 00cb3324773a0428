package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"explainer/generator/internal/diag"
)

// annotate prints each problem (errors and warnings) as a GitHub Actions
// workflow command, which the pull request page shows on the file's line:
//
//	::error file=content/barriers/x.en.md,line=4,col=9::unknown sector "agri"; ...
//	::warning file=content/barriers/x.en.md,line=20,col=1::<iframe> removed ...
//
// other is a failure that is no problem of a file (an output folder that
// could not be written), or nil.
func annotate(w io.Writer, problems []*diag.Error, other error) {
	if other != nil {
		fmt.Fprintf(w, "::error::%s\n", escapeData(other.Error()))
	}
	for _, e := range problems {
		level := "error"
		if e.Warning {
			level = "warning"
		}
		line, col := max(e.Pos.Line, 1), max(e.Pos.Col, 1)
		fmt.Fprintf(w, "::%s file=%s,line=%d,col=%d::%s\n", level, escapeProperty(e.Pos.Path), line, col, escapeData(e.Msg))
	}
}

// summarize appends every problem, as a markdown table, to the file
// GitHub Actions shows as the run's summary ($GITHUB_STEP_SUMMARY): a pull
// request shows only the first ten annotations of each kind, the summary
// lists them all. It does nothing when file is "" (not on GitHub) or there
// is nothing to report.
func summarize(file, title string, problems []*diag.Error, other error) error {
	if file == "" || len(problems) == 0 && other == nil {
		return nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "### %s\n\n", title)
	if other != nil {
		fmt.Fprintf(&b, "%s\n\n", mdCell(other.Error()))
	}
	if len(problems) > 0 {
		b.WriteString("| | where | problem |\n| --- | --- | --- |\n")
		for _, e := range problems {
			kind := "error"
			if e.Warning {
				kind = "warning"
			}
			fmt.Fprintf(&b, "| %s | `%s` | %s |\n", kind, e.Pos, mdCell(e.Msg))
		}
		b.WriteString("\n")
	}
	f, err := os.OpenFile(file, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	_, err = f.WriteString(b.String())
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// mdCell makes s safe inside a markdown table cell.
func mdCell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ", "\r", " ", "<", "&lt;", ">", "&gt;").Replace(s)
}

// escapeData and escapeProperty escape what the workflow command syntax
// gives a meaning to.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
