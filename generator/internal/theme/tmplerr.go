package theme

import (
	"errors"
	"html/template"
	"strconv"
	"strings"
	texttemplate "text/template"
	"text/template/parse"

	"explainer/generator/internal/diag"
)

// Template errors become problems at the template file's line and column
// (a column counts characters from 1, as editors do; text/template counts
// bytes from 0). Where the template packages give the position as data it
// is taken from there; where they give it only inside the message, it is
// read from the "template: FILE:LINE[:COL]: " that starts the message.

// parseError is the problem of a template file that does not parse.
func (t *Theme) parseError(err error) *diag.Error {
	// text/template's parse errors are plain errors: the file and line
	// are only in the message, and there is no column.
	if pos, msg, ok := t.cutLocation(err.Error()); ok {
		return diag.Errorf(pos, "%s", msg)
	}
	return diag.Errorf(diag.Pos{Path: t.dir}, "template error: %v", err)
}

// execError is the problem of an execution; of errors nested by .Shared
// or .CardHTML, the innermost says where the mistake is.
func (t *Theme) execError(kind string, err error) *diag.Error {
	var inner error
	for e := err; e != nil; e = errors.Unwrap(e) {
		switch e.(type) {
		case texttemplate.ExecError, *template.Error:
			inner = e
		}
	}
	switch e := inner.(type) {
	case *template.Error:
		return t.escapeError(kind, e)
	case texttemplate.ExecError:
		// An execution error carries the template's name, but its file,
		// line and column are only in the message.
		if pos, msg, ok := t.cutLocation(e.Err.Error()); ok {
			return diag.Errorf(pos, "%s", msg)
		}
	}
	return diag.Errorf(diag.Pos{Path: t.dir}, "template error: %v", err)
}

// escapeError is an escaping problem of kind's pages: at the action it
// names, or else at the line or file of its template.
func (t *Theme) escapeError(kind string, e *template.Error) *diag.Error {
	if e.Node != nil {
		// The node's tree, which knows its file, is not exported;
		// ErrorContext is how the template package names its place.
		loc, _ := (*parse.Tree)(nil).ErrorContext(e.Node)
		if pos, _, ok := t.cutLocation("template: " + loc + ": "); ok {
			return diag.Errorf(pos, "%s", e.Description)
		}
	}
	if file, ok := t.defined[kind][e.Name]; ok {
		return diag.Errorf(t.at(file, e.Line, -1), "%s", e.Description)
	}
	return diag.Errorf(diag.Pos{Path: t.dir}, "%s", e.Error())
}

// cutLocation reads "template: FILE:LINE[:COL]: rest", FILE one of the
// theme's files, into a position and the rest.
func (t *Theme) cutLocation(msg string) (diag.Pos, string, bool) {
	for name := range t.files {
		rest, ok := strings.CutPrefix(msg, "template: "+name+":")
		if !ok {
			continue
		}
		line, rest, ok := cutNumber(rest)
		if !ok {
			continue
		}
		col := -1
		if after, ok := strings.CutPrefix(rest, ":"); ok {
			if c, after, ok := cutNumber(after); ok {
				col, rest = c, after
			}
		}
		if rest, ok = strings.CutPrefix(rest, ": "); ok {
			return t.at(name, line, col), rest, true
		}
	}
	return diag.Pos{}, "", false
}

// cutNumber reads the decimal number at the start of s.
func cutNumber(s string) (int, string, bool) {
	i := 0
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	n, err := strconv.Atoi(s[:i])
	return n, s[i:], err == nil
}

// at is the position of byte col (from 0; -1 for none) of line (0 for
// none) in the template file name.
func (t *Theme) at(name string, line, col int) diag.Pos {
	f := t.files[name]
	if f == nil || line <= 0 {
		return diag.Pos{Path: t.show(name)}
	}
	if col < 0 {
		return diag.Pos{Path: f.Path(), Line: line}
	}
	return f.Pos(f.Offset(line) + col)
}
