package main

import (
	"fmt"
	"io"
	"strings"

	"explainer/generator/internal/diag"
)

// annotate prints each problem of err as a GitHub Actions workflow command,
// which the pull request page shows on the file's line:
//
//	::error file=content/barriers/x.en.md,line=4,col=9::unknown sector "agri"; ...
func annotate(w io.Writer, err error) {
	es := diag.AsList(err)
	if es == nil {
		fmt.Fprintf(w, "::error::%s\n", escapeData(err.Error()))
		return
	}
	for _, e := range es {
		level := "error"
		if e.Warning {
			level = "warning"
		}
		line, col := max(e.Pos.Line, 1), max(e.Pos.Col, 1)
		fmt.Fprintf(w, "::%s file=%s,line=%d,col=%d::%s\n", level, escapeProperty(e.Pos.Path), line, col, escapeData(e.Msg))
	}
}

// escapeData and escapeProperty escape what the workflow command syntax
// gives a meaning to.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
