package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"explainer/generator/internal/diag"
)

// annotate prints each problem as a GitHub Actions workflow command, which
// a pull request shows on the file's line (::error file=F,line=L,col=C::msg,
// or ::warning); other is a failure that is no problem of a file, or nil.
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

// summarize appends every problem, as a markdown table, to the run's
// summary, file ($GITHUB_STEP_SUMMARY, "" off GitHub): a pull request
// shows only ten annotations of each kind.
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
	return appendSummary(file, b.String())
}

// appendSummary appends text to the run's summary, file ("" off GitHub).
func appendSummary(file, text string) error {
	if file == "" {
		return nil
	}
	f, err := os.OpenFile(file, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	_, err = f.WriteString(text)
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
